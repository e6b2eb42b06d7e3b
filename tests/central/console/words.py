"""Which words are one language's only: built from the console catalogue (and the form's labels
and the documents' words the console shows), to find a word of the other language left on a
page. A word both languages use ("administrator", "PDF") belongs to neither."""

from __future__ import annotations

import functools
import re

from screening.central.cases import forms
from screening.central.console import catalogue
from screening.reports import wording

# letters, joined by a hyphen or an apostrophe into one word ("IT-së", "workstation's")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# proper names and codes a page of either language may show: the language switch names each
# language in its own words; a quarter is written "2026Q3" and k is a letter
ALLOWED = frozenset({"english", "shqip", "utc", "pdf", "csv", "zip", "k", "q"})


# a code as sent (a form id "returnee_screening", an audit action not in the catalogue), and a
# case reference or id, whose hex part can spell a word ("TIA-261201-BE558F" is no "be")
CODE = re.compile(r"\b\w+_\w+\b|\b[A-Z]{2,6}-\d{6}-[0-9A-F]{6}\b|\b[0-9a-f]{8}-[0-9a-f-]{27}\b")


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(CODE.sub(" ", text)) if len(w) > 1}


@functools.cache
def vocabulary(lang: str) -> frozenset[str]:
    """Every word the console can show in ``lang``."""
    texts = [entry[lang] for entry in catalogue.MESSAGES.values()]
    texts += [entry[lang] for key, entry in wording.WORDS.items()
              if key.startswith(("status_", "action_")) and lang in entry]
    texts += [label for name in (forms.outcome_list(), "action_taken")
              for _value, label in forms.choices(name, lang)]
    texts += [name for _code, name in forms.checkpoint_codes(lang)]
    # the referral directory's names, as the registry's pages show them ("Tjetër Vizion")
    texts += [org.name.get(lang, "") for org in forms.standard_form()[1].organisations.values()]
    return frozenset(w for text in texts for w in words(text))


def foreign(text: str, lang: str) -> set[str]:
    """The words of ``text`` that only the other language uses."""
    other = "en" if lang == "sq" else "sq"
    only_other = vocabulary(other) - vocabulary(lang) - ALLOWED
    return words(text) & only_other
