"""Names for the keys of the statistics tables, in one language: checkpoint and country names,
choice labels from the form, the documents' own words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.questionnaire.scoring import outcome_label
from screening.reports.answers import checkpoint_name
from screening.reports.shape import OTHER
from screening.reports.statistics import SEVERAL, Key, Table
from screening.reports.wording import WORDS, word

_CHOICE_LISTS = {"sex": "sex", "action": "action_taken", "sector": "activity_sector",
                 "return_mode": "return_mode", "advance_notice": "advance_notice_by",
                 "met_on_arrival": "met_on_arrival_by", "referral_type": "referral_type"}
_YES_NO = {"greece_agreement", "unaccompanied", "answer"}  # a yes/no/unknown answer
# kinds whose own values are named in wording.py as '<prefix>_<value>'
_WORDED = {"citizenship": "citizenship", "consent": "consent", "advance_notice": "notice",
           "met_on_arrival": "met", "stay_basis": "stay", "stay": "stay", "witness": "witness",
           "permit": "permit", "formal_status": "formal"}


@dataclass(frozen=True)
class Labeller:
    form: Form
    reference: Reference
    lang: str

    def part(self, kind: str, value: Any) -> str:
        if value is None:
            return word("not_recorded", self.lang)
        if kind == "checkpoint":
            return checkpoint_name(self.reference, value, self.lang)
        if kind == "country" and value == OTHER:
            return word("other_countries", self.lang)
        if kind == "country":
            return self.reference.country_name(value, self.lang)
        if kind == "outcome":
            return outcome_label(self.form, value, self.lang)
        if kind == "group":
            return word("adult" if value == "adult" else "child_group", self.lang)
        if kind == "victim_status":
            return word(f"status_{value}", self.lang)
        if kind == "sector" and value == SEVERAL:
            return word("several", self.lang)
        if kind in _YES_NO:
            return word(value, self.lang) if value in WORDS else str(value)
        worded = f"{_WORDED.get(kind)}_{value}"
        if kind in _WORDED and worded in WORDS:
            return word(worded, self.lang)
        if kind in _CHOICE_LISTS:
            return self.form.choice_label(_CHOICE_LISTS[kind], value, self.lang)
        return str(value).replace("-", "–")  # age bands: 18–24 reads better with an en dash

    def key(self, kinds: tuple[str, ...], key: Key, separator: str = " · ") -> str:
        return separator.join(self.part(kind, value) for kind, value in zip(kinds, key,
                                                                              strict=True))

    def rows(self, table: Table) -> list[str]:
        return [self.key(table.row_kinds, row) for row in table.rows]

    def columns(self, table: Table) -> list[str]:
        return [self.key(table.column_kinds, column) for column in table.columns]

    def title(self, table: Table) -> str:
        return word(table.id, self.lang)
