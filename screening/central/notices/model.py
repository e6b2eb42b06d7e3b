"""A notice of an expected return and the checks of its fields. Pure — no SQL.

Names are kept as given, in any alphabet; for merging and linking they are compared through
the repeat-victim matching's normalisation and tolerance (``repeats.matching``), so that
"Hoxha Arben" born 1990-03-01 and "Arben Hoxha" born 1990-03-02 are one person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from screening.central.repeats import matching
from screening.errors import ScreeningError

# The values of the form's advance_notice_by choices (forms/returnee_screening.yaml), so a
# notice answers that question as it is.
NOTIFIERS = ("readmission_authorities", "consulate", "iom", "ngo", "other")
SEXES = ("female", "male", "other", "not_stated")
_LONGEST_NAME = 150
_LONGEST_TRAVEL = 100
_LONGEST_NOTE = 500
_OLDEST_AGE = 120
# A spreadsheet runs a cell beginning with one of these as a formula ("=HYPERLINK(...)"): a
# notice's text may be opened in one, so such text is refused where it is typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# What can be wrong with a field, in the words of the English command line and of the
# Albanian console (which names the field itself: "Emri: mungon").
REASONS: dict[str, dict[str, str]] = {
    "missing": {"en": "missing", "sq": "mungon"},
    "nul": {"en": "holds a NUL character", "sq": "përmban një shenjë NUL"},
    "formula": {"en": "cannot begin with = + - or @ (a spreadsheet would run it as a formula)",
                "sq": "nuk mund të fillojë me = + - ose @ (një fletë llogaritëse do ta "
                      "ekzekutonte si formulë)"},
    "too_long": {"en": "longer than {longest} characters",
                 "sq": "më e gjatë se {longest} shenja"},
    "no_letters": {"en": "holds no letters", "sq": "nuk ka asnjë shkronjë"},
    "not_a_date": {"en": "not a date written YYYY-MM-DD",
                   "sq": "nuk është datë e shkruar VVVV-MM-DD"},
    "year": {"en": "not a plausible year", "sq": "viti nuk është i besueshëm"},
    "age": {"en": "a whole number of years from 0 to {oldest}",
            "sq": "një numër i plotë vitesh nga 0 deri në {oldest}"},
    "one_of": {"en": "one of {choices}", "sq": "një nga: {choices}"},
    "country": {"en": "not an ISO 3166 country code (two letters, e.g. DE)",
                "sq": "nuk është kod shteti ISO 3166 (dy shkronja, p.sh. DE)"},
    "notifier_missing": {"en": "missing (one or more of {choices})",
                         "sq": "mungon (një ose më shumë nga: {choices})"},
    "notifier_unknown": {"en": "one or more of {choices}",
                         "sq": "një ose më shumë nga: {choices}"},
    "yes_no": {"en": "yes or no", "sq": "po ose jo"},
    "checkpoint_unknown": {
        "en": "not a checkpoint code of the reference data (one of {choices})",
        "sq": "nuk është kod i një pike të kalimit kufitar në të dhënat e referencës (një nga: "
              "{choices})"},
    "born_after": {"en": "after the expected date", "sq": "pas datës së pritur"},
}


class NoticeInvalid(ScreeningError):
    """What is wrong with a notice: the field and why, in words for the person who typed it
    (no value quoted)."""

    code = "notice_invalid"

    def __init__(self, field: str, reason: str, **params: Any) -> None:
        self.field, self.reason = field, reason
        super().__init__(f"{field}: {_said(reason, params, 'en')}", **params)

    def reason_in(self, lang: str) -> str:
        return _said(self.reason, self.params, lang)

    def in_language(self, lang: str) -> str:
        return f"{self.field}: {self.reason_in(lang)}"


def _said(reason: str, params: dict[str, Any], lang: str) -> str:
    entry = REASONS[reason]
    return (entry.get(lang) or entry["en"]).format_map(params)


@dataclass(frozen=True)
class Notice:
    checkpoint: str
    expected_date: str  # ISO date
    given_name: str
    family_name: str
    notified_by: tuple[str, ...]
    date_of_birth: str | None = None
    age: int | None = None
    sex: str | None = None
    nationality: str | None = None  # ISO 3166 alpha-2
    travel: str | None = None  # the flight or the crossing
    coming_from: str | None = None  # ISO 3166 alpha-2
    victim_suspected: bool = False
    child_suspected: bool = False
    meet_organisation: str | None = None  # an id of the referral directory
    note: str | None = None
    id: str = ""

    def person(self) -> matching.Person:
        """This notice as the matching sees a person (its id in place of an interview's)."""
        born = self.date_of_birth
        year = int(born[:4]) if born else (int(self.expected_date[:4]) - self.age
                                           if self.age is not None else None)
        return matching.Person(interview_id=self.id, interviewed_at=self.expected_date,
                               document_key=None,
                               name_key=matching.name_key(self.given_name, self.family_name),
                               birth_date=born, birth_year=year)


@dataclass(frozen=True)
class Allowed:
    """What a notice may name: the reference data central knows."""

    checkpoints: frozenset[str]
    countries: frozenset[str]
    organisations: frozenset[str]


def build(fields: dict[str, Any], allowed: Allowed) -> Notice:
    """A notice from text fields (the command line's options, a CSV row); raises
    ``NoticeInvalid`` naming the field."""
    checkpoint = _required(fields, "checkpoint")
    if checkpoint not in allowed.checkpoints:
        raise NoticeInvalid("checkpoint", "checkpoint_unknown",
                            choices=", ".join(sorted(allowed.checkpoints)))
    notice = Notice(
        checkpoint=checkpoint, expected_date=_date(fields, "expected_date", required=True) or "",
        given_name=_name(fields, "given_name"), family_name=_name(fields, "family_name"),
        notified_by=_notifiers(fields.get("notified_by")),
        date_of_birth=_date(fields, "date_of_birth"), age=_age(fields.get("age")),
        sex=_choice(fields, "sex", SEXES),
        nationality=_country(fields, "nationality", allowed),
        travel=_text(fields, "travel", _LONGEST_TRAVEL),
        coming_from=_country(fields, "coming_from", allowed),
        victim_suspected=_flag(fields, "victim_suspected"),
        child_suspected=_flag(fields, "child_suspected"),
        meet_organisation=_choice(fields, "meet_organisation", tuple(allowed.organisations)),
        note=_text(fields, "note", _LONGEST_NOTE))
    if notice.date_of_birth and notice.date_of_birth > notice.expected_date:
        raise NoticeInvalid("date_of_birth", "born_after")
    return notice


def merged(kept: Notice, other: Notice) -> Notice:
    """``kept`` completed by ``other`` (a second notice of the same person): blanks filled,
    every notifier kept, a suspicion raised by either kept."""
    def first(name: str) -> Any:
        return getattr(kept, name) if getattr(kept, name) not in (None, "") \
            else getattr(other, name)

    return replace(kept, **{name: first(name) for name in (
        "date_of_birth", "age", "sex", "nationality", "travel", "coming_from",
        "meet_organisation", "note")},
        notified_by=tuple(n for n in NOTIFIERS if n in kept.notified_by + other.notified_by),
        victim_suspected=kept.victim_suspected or other.victim_suspected,
        child_suspected=kept.child_suspected or other.child_suspected)


def same_person(a: Notice, b: Notice) -> bool:
    return matching.reason(a.person(), b.person()) is not None


# -- the fields ---------------------------------------------------------------------------------

def _value(fields: dict[str, Any], name: str) -> str:
    value = fields.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    if "\x00" in value:
        raise NoticeInvalid(name, "nul")
    return value.strip()


def _required(fields: dict[str, Any], name: str) -> str:
    value = _value(fields, name)
    if not value:
        raise NoticeInvalid(name, "missing")
    return value


def _plain(name: str, value: str) -> str:
    if value.startswith(_FORMULA_START):
        raise NoticeInvalid(name, "formula")
    return value


def _name(fields: dict[str, Any], name: str) -> str:
    value = _plain(name, _required(fields, name))
    if len(value) > _LONGEST_NAME:
        raise NoticeInvalid(name, "too_long", longest=_LONGEST_NAME)
    if matching.name_key(value) is None:
        raise NoticeInvalid(name, "no_letters")
    return value


def _text(fields: dict[str, Any], name: str, longest: int) -> str | None:
    value = _plain(name, _value(fields, name))
    if len(value) > longest:
        raise NoticeInvalid(name, "too_long", longest=longest)
    return value or None


def _date(fields: dict[str, Any], name: str, *, required: bool = False) -> str | None:
    value = _required(fields, name) if required else _value(fields, name)
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise NoticeInvalid(name, "not_a_date") from None
    if not 1900 <= day.year <= 2100:
        raise NoticeInvalid(name, "year")
    return day.isoformat()


def _age(value: object) -> int | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or int(text) > _OLDEST_AGE:
        raise NoticeInvalid("age", "age", oldest=_OLDEST_AGE)
    return int(text)


def _choice(fields: dict[str, Any], name: str, values: tuple[str, ...]) -> str | None:
    value = _value(fields, name)
    if value and value not in values:
        raise NoticeInvalid(name, "one_of", choices=", ".join(sorted(values)))
    return value or None


def _country(fields: dict[str, Any], name: str, allowed: Allowed) -> str | None:
    value = _value(fields, name).upper()
    if value and value not in allowed.countries:
        raise NoticeInvalid(name, "country")
    return value or None


def _notifiers(value: object) -> tuple[str, ...]:
    words = [w.strip() for w in str(value or "").replace(";", ",").split(",") if w.strip()]
    if not words:
        raise NoticeInvalid("notified_by", "notifier_missing", choices=", ".join(NOTIFIERS))
    unknown = [w for w in words if w not in NOTIFIERS]
    if unknown:
        raise NoticeInvalid("notified_by", "notifier_unknown", choices=", ".join(NOTIFIERS))
    return tuple(n for n in NOTIFIERS if n in words)


def _flag(fields: dict[str, Any], name: str) -> bool:
    value = _value(fields, name).casefold()
    if value in ("", "no", "false", "0", "jo"):
        return False
    if value in ("yes", "true", "1", "po"):
        return True
    raise NoticeInvalid(name, "yes_no")
