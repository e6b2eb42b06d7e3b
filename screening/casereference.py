"""The case reference printed on slips and records, e.g. ``TIA-261123-3F9A1C``.

It is derived only from facts that never change once an interview exists — the checkpoint code,
the creation date and the interview's UUID — so the store, central and the desktop client all
compute the same reference without storing or syncing it. The parts:

- the checkpoint code (2–6 letters);
- the creation date as YYMMDD, taken from the stored creation time as written (UTC in the
  store), so every machine derives the same date whatever its time zone;
- the first 6 hex digits of the UUID, upper-cased: a phone-readable handle that, with the date
  and checkpoint, practically never collides (and :func:`matches` confirms a full match).

This module imports nothing from the rest of ``screening`` so every layer may use it.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

PREFIX_DIGITS = 6
_CHECKPOINT = re.compile(r"[A-Z]{2,6}")
_REFERENCE = re.compile(r"([A-Z]{2,6})-(\d{6})-([0-9A-F]{6})")


class CaseReferenceError(ValueError):
    """Text that is not a case reference, or facts that cannot make one."""


@dataclass(frozen=True)
class CaseReference:
    checkpoint: str
    created: dt.date
    id_prefix: str  # lower-case hex, as the UUID is stored

    def __str__(self) -> str:
        return f"{self.checkpoint}-{self.created:%y%m%d}-{self.id_prefix.upper()}"


def case_reference(checkpoint: str, created: dt.date | str, interview_id: str | uuid.UUID) -> str:
    """The reference of an interview. ``created`` is a date, a datetime or ISO 8601 text."""
    code = checkpoint.strip().upper()
    if not _CHECKPOINT.fullmatch(code):
        raise CaseReferenceError(f"{checkpoint!r} is not a checkpoint code (2–6 letters)")
    return str(CaseReference(code, _day(created), _hex_prefix(interview_id)))


def parse_case_reference(text: str) -> CaseReference:
    """Read a reference as a person types it: case and surrounding spaces do not matter."""
    match = _REFERENCE.fullmatch(text.strip().upper()) if isinstance(text, str) else None
    if match is None:
        raise CaseReferenceError(f"{text!r:.40} is not a case reference "
                                 "(like TIA-261123-3F9A1C)")
    try:
        day = dt.datetime.strptime(match[2], "%y%m%d").date()
    except ValueError:
        raise CaseReferenceError(f"{text!r:.40} holds no valid date") from None
    return CaseReference(match[1], day, match[3].lower())


def is_case_reference(text: str) -> bool:
    try:
        parse_case_reference(text)
    except CaseReferenceError:
        return False
    return True


def matches(reference: CaseReference | str, checkpoint: str, created: dt.date | str,
            interview_id: str | uuid.UUID) -> bool:
    """Whether ``reference`` is this interview's (a prefix alone could match another)."""
    wanted = str(reference) if isinstance(reference, CaseReference) else reference
    try:
        return case_reference(checkpoint, created, interview_id) == wanted.strip().upper()
    except CaseReferenceError:
        return False


def _day(created: dt.date | str) -> dt.date:
    if isinstance(created, dt.datetime):
        return created.date()  # as written: a store keeps UTC; converting would shift the day
    if isinstance(created, dt.date):
        return created
    try:
        return dt.date.fromisoformat(str(created)[:10])
    except ValueError:
        raise CaseReferenceError(f"{created!r:.40} is not a creation date") from None


def _hex_prefix(interview_id: str | uuid.UUID) -> str:
    try:
        value = interview_id if isinstance(interview_id, uuid.UUID) else uuid.UUID(interview_id)
    except (ValueError, TypeError, AttributeError):
        raise CaseReferenceError(f"{interview_id!r:.40} is not an interview UUID") from None
    return value.hex[:PREFIX_DIGITS]
