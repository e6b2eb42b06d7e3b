"""The one catalogue of what errors say (screening/messages.py): every code in both languages,
every code the core raises has its words, the parameters a raise site gives fill its template,
and hostile parameters are only ever text."""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from screening import messages
from screening.errors import AccountError, ReferralRuleError, ScreeningError, StoreDamagedError
from screening.questionnaire.actions import ActionProblem
from tests.conftest import ROOT

PACKAGE = ROOT / "screening"
# central has its own catalogue for the console; the desktop's own strings are Qt's
OUTSIDE = (PACKAGE / "central", PACKAGE / "ui")


def fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def core_sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if not any(path.is_relative_to(folder) for folder in OUTSIDE):
            yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def error_classes() -> dict[str, str]:
    """Every ScreeningError subclass of the core by name, with its class code (inherited codes
    resolved through the bases written in the source)."""
    bases: dict[str, list[str]] = {}
    codes: dict[str, str] = {}
    for _path, tree in core_sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]
                for item in node.body:
                    if isinstance(item, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id == "code" for t in item.targets) \
                            and isinstance(item.value, ast.Constant):
                        codes[node.name] = item.value.value

    def code_of(name: str) -> str | None:
        if name in codes:
            return codes[name]
        return next((found for base in bases.get(name, []) if (found := code_of(base))), None)

    def is_error(name: str) -> bool:
        return name == "ScreeningError" or any(is_error(b) for b in bases.get(name, []))

    return {name: code for name in bases if is_error(name) and (code := code_of(name))}


def raise_sites(sources: Iterator[tuple[Path, ast.Module]] | None = None
                ) -> Iterator[tuple[str, str, str | None, set[str], bool]]:
    """(where, class, code keyword, parameter names, message given as text) for every
    ``raise SomeError(...)`` of the core."""
    for path, tree in sources or core_sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                    and isinstance(node.exc.func, ast.Name):
                call = node.exc
                code = next((k.value.value for k in call.keywords if k.arg == "code"
                             and isinstance(k.value, ast.Constant)), None)
                names = {k.arg for k in call.keywords if k.arg and k.arg != "code"}
                yield (f"{path.relative_to(ROOT)}:{node.lineno}", call.func.id, code, names,
                       bool(call.args))


def test_every_code_has_english_and_albanian():
    for code, entry in messages.MESSAGES.items():
        assert set(entry) == set(messages.LANGUAGES), code
        assert all(text.strip() for text in entry.values()), code
        # Albanian may leave out an English-only detail (a library's words), never add one
        assert fields(entry["sq"]) <= fields(entry["en"]), code


def test_every_class_code_of_the_core_has_its_words():
    classes = error_classes()
    assert {"ScreeningError", "AccountError", "WeakPasswordError", "SyncError"} <= set(classes)
    missing = {name: code for name, code in classes.items() if code not in messages.MESSAGES}
    assert missing == {}


def site_problems(sites: list, classes: dict[str, str]) -> list[str]:
    problems = []
    for where, name, code, names, has_text in sites:
        if name not in classes and code is None:
            continue  # not a ScreeningError (ValueError, KeyError …)
        chosen = code or classes.get(name)
        if chosen not in messages.MESSAGES:
            problems.append(f"{where}: {name} code {chosen!r} is not in screening/messages.py")
            continue
        if not has_text:
            # the words come from the catalogue: the parameters must fill both templates
            needed = fields(messages.MESSAGES[chosen]["en"])
            if not needed <= names:
                problems.append(f"{where}: {chosen} needs {sorted(needed - names)}")
    return problems


def test_every_code_raised_in_the_core_has_its_words_and_parameters():
    sites = list(raise_sites())
    coded = [site for site in sites if site[2] is not None]
    assert len(coded) > 60, "the scan found too few raise sites with a code"
    assert site_problems(sites, error_classes()) == []


def test_a_planted_unknown_code_or_missing_parameter_would_be_found():
    # the scan must be able to fail
    source = ("def f():\n    raise StoreError(code='no_such_code_anywhere', name='x')\n"
              "def g():\n    raise AccountError(code='account_exists')\n"
              "def h():\n    raise AccountError(code='account_exists', nme='typo')\n")
    planted = list(raise_sites(iter([(ROOT / "planted.py", ast.parse(source))])))
    found = site_problems(planted, error_classes())
    assert len(found) == 3, found
    assert "no_such_code_anywhere" in found[0]
    assert all("needs ['name']" in problem for problem in found[1:])


def test_an_error_raised_by_code_reads_in_each_language():
    error = AccountError(code="account_exists", name="drita")
    assert error.message == "the account 'drita' already exists"
    assert error.in_language("en") == error.message
    assert error.in_language("sq") == "llogaria 'drita' ekziston tashmë"
    assert error.params == {"name": "drita"}


def test_a_message_given_as_text_keeps_its_english_and_gets_the_codes_albanian():
    error = StoreDamagedError("SQLITE_CORRUPT: database disk image is malformed")
    assert "SQLITE_CORRUPT" in error.message
    albanian = error.in_language("sq")
    assert albanian.startswith("baza e të dhënave është e dëmtuar")
    assert "SQLITE" not in albanian and "malformed" not in albanian
    unknown = ScreeningError("some words", code="not_in_the_catalogue")
    assert unknown.in_language("sq") == "some words"  # nothing better known: the English


def test_per_language_parameters_are_read_in_the_readers_language():
    problem = ActionProblem("child_protection_required", "referral_organisation",
                            {"sq": "Personi trajtohet si fëmijë.", "en": "The person is a child."})
    error = ReferralRuleError([problem])
    assert error.message == "refused, nothing was changed: The person is a child."
    assert error.in_language("sq") == "u refuzua, asgjë nuk u ndryshua: Personi trajtohet si " \
                                      "fëmijë."


@pytest.mark.parametrize("hostile", ["{name.__class__}", "{0}", "{", "}", "%1 %s {{x}}",
                                     "'; DROP TABLE accounts; --", "\u202e\u0000"])
def test_hostile_parameters_are_only_text(hostile):
    error = AccountError(code="account_exists", name=hostile)
    for lang in messages.LANGUAGES:
        text = error.in_language(lang)
        assert repr(hostile) in text or hostile in text
        assert "class" not in text or "class" in hostile


def test_a_template_the_parameters_do_not_fill_is_not_rendered():
    assert messages.render("account_exists", {}, "sq") is None
    assert messages.render("no_such_code", {"name": "x"}, "sq") is None
    assert messages.render("account_exists", {"name": "x"}, "de") == \
        "the account 'x' already exists"  # a language without words reads English
    with pytest.raises(KeyError):
        messages.text("account_exists", "sq")
