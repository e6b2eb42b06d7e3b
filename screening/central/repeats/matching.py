"""Who may be the same person: normalised identities and the rule that pairs two of them.
Pure — no SQL; repeats/candidates.py stores the keys and the candidate pairs.

Two interviews are a candidate match when

- their identity document numbers are the same once normalised (upper case, letters and digits
  only: "AB 123-456" = "ab123456"), or
- their names are the same once normalised and the dates of birth are at most a year apart
  (``name_birth_date``), or, when either date of birth is missing, the years of birth are at
  most two apart, a missing one estimated as interview year minus the stated age
  (``name_age``; so 30 years old in 2024 and 32 in 2026 still match).

A name is normalised so that an Albanian spelling and its English transliteration agree:
case folded, accents dropped (ë→e, ç→c), the Albanian digraphs and doubled letters read as one
letter (sh→s, zh→z, xh→x, gj→g, nj→n, th→t, dh→d, ch→c, ll→l, rr→r, nn→n), and the words of
given and family name sorted, so that "Hoxha Arben" is "Arben Hoxha". This over-matches a little
on purpose: staff confirm or reject every candidate, and a missed repeat victim costs more.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

DOCUMENT = "document_number"
NAME_BIRTH_DATE = "name_birth_date"
NAME_AGE = "name_age"
REASONS = (DOCUMENT, NAME_BIRTH_DATE, NAME_AGE)

BIRTH_DATE_DAYS = 366  # "a year apart", leap years included
BIRTH_YEARS = 2
_MIN_DOCUMENT = 4  # shorter "numbers" ("-", "0", "n/a") are placeholders, not documents
_LONGEST_DOCUMENT, _LONGEST_NAME = 100, 300  # the columns of match_keys
# Letters NFKD does not take apart; the rest of Latin, Greek and Cyrillic passes unchanged.
_LETTERS = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i"})
_DIGRAPHS = re.compile(r"(?<=[szxtdc])h|(?<=[gn])j")
_DOUBLED = re.compile(r"(.)\1+")
_WORD = re.compile(r"\w+")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True)
class Person:
    interview_id: str
    interviewed_at: str  # ISO; orders two interviews of one person
    document_key: str | None
    name_key: str | None
    birth_date: str | None  # ISO date, when known
    birth_year: int | None  # from the date of birth, else estimated from the stated age


def fold(text: str) -> str:
    """Case folded, accents dropped: 'Çelë' -> 'cele'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(*parts: object) -> str | None:
    words = _WORD.findall(fold(" ".join(p for p in parts if isinstance(p, str))))
    words = [_DOUBLED.sub(r"\1", _DIGRAPHS.sub("", w)) for w in words if not w.isdigit()]
    return " ".join(sorted(words))[:_LONGEST_NAME] or None


def document_key(number: object) -> str | None:
    if not isinstance(number, str):
        return None
    key = _NOT_ALNUM.sub("", fold(number).upper())
    return key[:_LONGEST_DOCUMENT] if len(key) >= _MIN_DOCUMENT else None


def person_from_record(record: dict[str, Any]) -> Person:
    """The identity of an interview record as central holds it (its answers)."""
    held = record.get("answers")
    answers: dict[str, Any] = held if isinstance(held, dict) else {}
    interviewed = _text(answers.get("interview_started_at")) or _text(record.get("created_at"))
    birth = _date(answers.get("date_of_birth"))
    return Person(
        interview_id=record["id"], interviewed_at=interviewed or "",
        document_key=document_key(answers.get("id_document_number")),
        name_key=name_key(answers.get("given_name"), answers.get("family_name")),
        birth_date=birth.isoformat() if birth else None,
        birth_year=birth.year if birth else _estimated_year(answers.get("age_estimate"),
                                                            interviewed))


def reason(a: Person, b: Person) -> str | None:
    """Why ``a`` and ``b`` may be the same person, or None."""
    if a.interview_id == b.interview_id:
        return None
    if a.document_key and a.document_key == b.document_key:
        return DOCUMENT
    if not a.name_key or a.name_key != b.name_key:
        return None
    if a.birth_date and b.birth_date:
        apart = abs((dt.date.fromisoformat(a.birth_date) - dt.date.fromisoformat(b.birth_date))
                    .days)
        return NAME_BIRTH_DATE if apart <= BIRTH_DATE_DAYS else None
    if a.birth_year is not None and b.birth_year is not None and \
            abs(a.birth_year - b.birth_year) <= BIRTH_YEARS:
        return NAME_AGE
    return None


def ordered(a: Person, b: Person) -> tuple[Person, Person]:
    """The earlier interview first (by interview time, then id, so the order is total)."""
    return (a, b) if (a.interviewed_at, a.interview_id) <= (b.interviewed_at, b.interview_id) \
        else (b, a)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _estimated_year(age: object, interviewed: str | None) -> int | None:
    day = _date(interviewed)
    if day is None or isinstance(age, bool) or not isinstance(age, int | float) \
            or not 0 <= age <= 120:
        return None
    return day.year - int(age)
