"""The Albanian glossary (docs/glossary.md): no rejected variant of a fixed term appears in any
Albanian text of the newest form, the engine's own messages, the documents' words, the
desktop client's translations, the console or the errors' messages (screening/messages.py).
The frozen earlier forms in forms/versions/ are exempt: they are kept byte for byte."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from screening import messages as error_messages
from screening.central.console.catalogue import MESSAGES as CONSOLE
from screening.questionnaire.messages import MESSAGES
from screening.reports.wording import WORDS
from tests.conftest import FORM_2026_1, ROOT, STANDARD_FORM

GLOSSARY = ROOT / "docs" / "glossary.md"
TRANSLATIONS = ROOT / "screening" / "ui" / "translations"
START, END = "<!-- glossary-table:start -->", "<!-- glossary-table:end -->"
COLUMNS = ("English", "Albanian (use)", "Rejected variants", "Why")


@dataclass(frozen=True)
class Term:
    english: str
    albanian: str
    rejected: tuple[str, ...]


def glossary_terms() -> list[Term]:
    text = GLOSSARY.read_text(encoding="utf-8")
    assert text.count(START) == 1 and text.count(END) == 1, "glossary table markers"
    rows = [line.strip() for line in text.split(START, 1)[1].split(END, 1)[0].splitlines()
            if line.strip().startswith("|")]
    header, separator, *body = rows
    assert tuple(_cells(header)) == COLUMNS, "the glossary columns changed"
    assert set(separator) <= set("|-: "), "the second row of the table must be its separator"
    terms = []
    for row in body:
        cells = _cells(row)
        assert len(cells) == len(COLUMNS), f"a glossary row needs {len(COLUMNS)} cells: {row}"
        rejected = tuple(re.findall(r"`([^`]+)`", cells[2]))
        terms.append(Term(cells[0], cells[1], rejected))
    return terms


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def pattern(variant: str) -> re.Pattern[str]:
    """Whole words only, any case: `detyrim` must not match `detyruar`."""
    words = r"\s+".join(re.escape(word) for word in variant.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def albanian_texts(node: Any, place: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every Albanian text in a parsed form: each mapping's `sq` value."""
    if isinstance(node, dict):
        if isinstance(node.get("sq"), str):
            yield place, node["sq"]
        label = node.get("id") or node.get("value")
        for key, value in node.items():
            yield from albanian_texts(value, f"{place}/{label}.{key}" if label else
                                     f"{place}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from albanian_texts(item, place)


def findings(texts: Iterator[tuple[str, str]], terms: list[Term]) -> list[str]:
    compiled = [(variant, pattern(variant), term) for term in terms for variant in term.rejected]
    return [f"{place}: '{variant}' (use '{term.albanian}')"
            for place, text in texts for variant, regex, term in compiled if regex.search(text)]


@pytest.fixture(scope="module")
def terms() -> list[Term]:
    return glossary_terms()


@pytest.fixture(scope="module")
def newest_form() -> dict[str, Any]:
    return yaml.safe_load(STANDARD_FORM.read_text(encoding="utf-8"))


def test_the_glossary_table_is_read(terms):
    assert len(terms) >= 20
    for term in terms:
        assert term.english and term.albanian, term
        assert term.rejected, f"'{term.english}' lists no rejected variant"


def test_no_term_rejects_its_own_albanian(terms):
    for term in terms:
        for variant in term.rejected:
            assert not pattern(variant).search(term.albanian), (term.english, variant)


def test_the_procedures_vocabulary_is_in_the_glossary(terms):
    chosen = " ".join(term.albanian for term in terms)
    for required in ("Mekanizmi Kombëtar i Referimit", "Autoriteti Përgjegjës",
                     "pika e kalimit kufitar", "Njësia për Mbrojtjen e Fëmijëve",
                     "Shërbimi Social Shtetëror", "procesverbali i intervistës",
                     "referenca e rastit", "viktimë e mundshme e trafikimit"):
        assert required in chosen, required


def test_the_newest_form_uses_no_rejected_variant(terms, newest_form):
    assert findings(albanian_texts(newest_form), terms) == []


def test_the_engine_messages_use_no_rejected_variant(terms):
    texts = ((f"message {key}", text["sq"]) for key, text in MESSAGES.items())
    assert findings(texts, terms) == []


def test_the_documents_words_use_no_rejected_variant(terms):
    """The slip, the record and the statistics (screening/reports/wording.py)."""
    texts = ((f"wording {key}", text["sq"]) for key, text in WORDS.items() if "sq" in text)
    assert findings(texts, terms) == []


def test_the_console_uses_no_rejected_variant(terms):
    """Every Albanian string of central's staff console (its one catalogue)."""
    texts = ((f"console {key}", text["sq"]) for key, text in CONSOLE.items())
    assert findings(texts, terms) == []


def test_the_desktop_translations_use_no_rejected_variant(terms):
    """Every Albanian string of the desktop client (screening/ui/translations/*_sq.ts)."""
    texts = []
    for path in sorted(TRANSLATIONS.glob("*_sq.ts")):
        for message in ElementTree.parse(path).getroot().iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                source = message.findtext("source") or ""
                texts.append((f"{path.name}: {source[:40]!r}", translation.text))
    assert texts, "no Albanian translation was read"
    assert findings(iter(texts), terms) == []


def test_the_error_messages_use_no_rejected_variant(terms):
    texts = ((f"error message {code}", text["sq"])
             for code, text in error_messages.MESSAGES.items())
    assert findings(texts, terms) == []


def test_the_information_leaflet_uses_no_rejected_variant(terms):
    leaflet = yaml.safe_load((ROOT / "forms" / "reference" / "leaflet.yaml").read_text(
        encoding="utf-8"))
    assert findings(albanian_texts(leaflet), terms) == []


def test_a_planted_variant_is_found(terms, newest_form):
    # The check must be able to fail: plant a rejected variant in a real label and a hint.
    planted = yaml.safe_load(yaml.safe_dump(newest_form, allow_unicode=True))
    question = planted["sections"][1]["questions"][2]
    question["label"]["sq"] = "Referimi në Strehëz kërkon pëlqim."
    question["hint"] = {"sq": "Depistimi bëhet nga policia.", "en": "x"}
    found = findings(albanian_texts(planted), terms)
    assert len(found) == 2
    assert any("'strehëz'" in f for f in found) and any("'depistimi'" in f for f in found)


def test_whole_words_only():
    assert pattern("detyrim").search("Kjo është një detyrim.")
    assert not pattern("detyrim").search("punë e detyruar")
    assert not pattern("pika kufitare").search("pika e kalimit kufitar")
    assert pattern("viktimë e dyshuar").search("Viktimë  e\ndyshuar")


def test_the_frozen_2026_1_wording_would_be_caught(terms):
    # 2026.1 is exempt (frozen byte for byte), but its wording is what the review fixed.
    old = yaml.safe_load(FORM_2026_1.read_text(encoding="utf-8"))
    found = " ".join(findings(albanian_texts(old), terms))
    for variant in ("'depistimit'", "'detyrim'", "'I dëbuar'", "'viktimë e prezumuar'",
                    "'emigracionit'", "'Vetëm u dha informacion'", "'ju abuzoi seksualisht'"):
        assert variant in found, variant


def test_central_is_never_called_qendra_on_the_desktop():
    """Central is *sistemi qendror* (docs/glossary.md): *qendra* alone reads as a shelter or a
    reception centre; those keep the word (qendër strehimi, Qendra Kombëtare e Pritjes)."""
    alone = re.compile(r"\bqend(?:ra|rës|rën|ër|rat)\b(?!\s+(?:strehimi|kombëtare|e\s+pritjes))",
                       re.IGNORECASE)
    found = []
    for path in sorted(TRANSLATIONS.glob("screening_sq.ts")):
        for message in ElementTree.parse(path).getroot().iter("message"):
            translation = message.findtext("translation") or ""
            if alone.search(translation):
                found.append(translation)
    assert found == []
    assert alone.search("Qendra nuk arrihet") and not alone.search("në një qendër strehimi")
