"""The plain interview data the documents are built from, as a store or central hands it over.

A store passes a mapping with these keys (extra keys are ignored)::

    id               the interview's UUID (text)
    case_reference   the reference printed and encoded on the slip (text, required)
    form_id, form_version
    checkpoint       checkpoint code, e.g. "TIA"
    officer          the interviewing officer's login name
    officer_full_name        the officer's full name, when the account has one
    approved_by, approved_by_full_name   the approving supervisor ('' until approved)
    started_at, finalised_at   datetime or ISO 8601 text (finalised_at may be empty)
    status           draft | finalised | returned_for_correction | approved
    answers          dict keyed by question id, JSON values as ``forms evaluate`` takes them
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from screening.errors import ReportError
from screening.questionnaire.evaluation import Evaluation, evaluate
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference


@dataclass(frozen=True)
class Interview:
    id: str
    case_reference: str
    form_id: str
    form_version: str
    checkpoint: str
    officer: str
    started_at: dt.datetime | None
    finalised_at: dt.datetime | None
    status: str
    answers: Mapping[str, Any] = field(default_factory=dict)
    officer_full_name: str = ""
    approved_by: str = ""
    approved_by_full_name: str = ""


def interview_from(data: Mapping[str, Any] | Interview) -> Interview:
    """Check and convert the mapping a store hands over; raise :class:`ReportError` naming the
    field that is wrong."""
    if isinstance(data, Interview):
        return data
    if not isinstance(data, Mapping):
        raise ReportError("the interview must be given as a mapping of its fields")
    reference = _text(data, "case_reference")
    if not reference.strip():
        raise ReportError("the interview has no case reference; it cannot be printed",
                          code="case_reference_missing")
    answers = data.get("answers") or {}
    if not isinstance(answers, Mapping):
        raise ReportError("the interview's answers must be a mapping of question id to answer")
    return Interview(
        id=_text(data, "id"), case_reference=reference, form_id=_text(data, "form_id"),
        form_version=_text(data, "form_version"), checkpoint=_text(data, "checkpoint"),
        officer=_text(data, "officer"), started_at=_moment(data, "started_at"),
        finalised_at=_moment(data, "finalised_at"), status=_text(data, "status"),
        answers=answers, officer_full_name=_text(data, "officer_full_name"),
        approved_by=_text(data, "approved_by"),
        approved_by_full_name=_text(data, "approved_by_full_name"))


def evaluate_interview(interview: Interview, form: Form, reference: Reference) -> Evaluation:
    # The interview's own time, not the printing time: a record printed years later must show
    # the same ages and outcome as on the day.
    now = interview.finalised_at or interview.started_at
    return evaluate(form, interview.answers, reference=reference, now=_naive_local(now))


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ReportError(f"the interview's {key} must be text, not {type(value).__name__}")
    return value


def _moment(data: Mapping[str, Any], key: str) -> dt.datetime | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise ReportError(f"the interview's {key} is not a date and time: {value!r:.60}")


def _naive_local(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)
