"""The case file: the data a referral slip or an interview record is built from.

:func:`build_case_file` makes it from a stored interview as the workstation's store and
central both keep it (the record's fields and its audit trail), so both print the same facts:
the case reference, when the interview started (for a paper interview, the time the officer
wrote down), when it was last finalised, the officer, the status, the answers and the form
version. A caller may also hand the documents a mapping with these keys (extra keys are
ignored)::

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from screening import lifecycle
from screening.casereference import CaseReferenceError, case_reference
from screening.errors import ReportError
from screening.questionnaire.actions import FURTHER, further_referrals
from screening.questionnaire.evaluation import Evaluation, evaluate
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference

TrailEntry = tuple[str, str, str]  # (action, at, actor) of the interview's audit log, in order


@dataclass(frozen=True)
class CaseFile:
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
    # the audit trail the record prints: {"at", "actor", "action"} each
    audit: tuple[Mapping[str, str], ...] = ()


def build_case_file(record: Mapping[str, Any], trail: Iterable[TrailEntry] = (),
                    full_names: Mapping[str, str] | None = None) -> CaseFile:
    """The case file of a stored interview: ``record`` holds its stored fields (id, form_id,
    form_version, checkpoint, officer, created_at, status, answers), ``trail`` its audit
    entries, oldest first, and ``full_names`` the accounts' full names by login name (where
    they are known; a document marks a login name printed in place of a name). Raises
    :class:`ReportError` naming what is wrong."""
    full_names = full_names or {}
    entries = list(trail)
    status = str(record.get("status") or "")
    answers = record.get("answers") or {}
    officer = str(record.get("officer") or "")
    approver = _approver(status, entries)
    return case_file_from({
        **{key: record.get(key) for key in ("id", "form_id", "form_version", "checkpoint")},
        "case_reference": _reference(record), "officer": officer,
        "officer_full_name": full_names.get(officer, ""), "approved_by": approver,
        "approved_by_full_name": full_names.get(approver, "") if approver else "",
        "started_at": _started_at(record, answers), "status": status, "answers": answers,
        "finalised_at": lifecycle.finalised_at(status, [(a, at) for a, at, _ in entries]),
        "audit": tuple({"at": at, "actor": actor, "action": action}
                       for action, at, actor in entries)})


def _approver(status: str, entries: list[TrailEntry]) -> str:
    """Who approved the interview; empty until a supervisor has (or after a return)."""
    if status != lifecycle.APPROVED:
        return ""
    return next((actor for action, _at, actor in reversed(entries)
                 if action == "interview_approved"), "")


def _reference(record: Mapping[str, Any]) -> str:
    try:
        return case_reference(str(record.get("checkpoint") or ""),
                              str(record.get("created_at") or ""), str(record.get("id") or ""))
    except CaseReferenceError as error:
        raise ReportError(f"interview {record.get('id')} has no case reference: {error}",
                          code="case_reference_missing") from None


def _started_at(record: Mapping[str, Any], answers: Any) -> Any:
    # a paper interview is entered after the fact: its start is the one the officer wrote down
    answered = answers.get("interview_started_at") if isinstance(answers, Mapping) else None
    return answered if isinstance(answered, str) and answered else record.get("created_at")


def case_file_from(data: Mapping[str, Any] | CaseFile) -> CaseFile:
    """Check and convert a mapping of the case file's fields; raise :class:`ReportError`
    naming the field that is wrong."""
    if isinstance(data, CaseFile):
        return data
    if not isinstance(data, Mapping):
        raise ReportError("the interview must be given as a mapping of its fields")
    reference = _text(data, "case_reference")
    if not reference.strip():
        raise ReportError(code="case_reference_missing")
    answers = data.get("answers") or {}
    if not isinstance(answers, Mapping):
        raise ReportError("the interview's answers must be a mapping of question id to answer")
    return CaseFile(
        id=_text(data, "id"), case_reference=reference, form_id=_text(data, "form_id"),
        form_version=_text(data, "form_version"), checkpoint=_text(data, "checkpoint"),
        officer=_text(data, "officer"), started_at=_moment(data, "started_at"),
        finalised_at=_moment(data, "finalised_at"), status=_text(data, "status"),
        answers=answers, officer_full_name=_text(data, "officer_full_name"),
        approved_by=_text(data, "approved_by"),
        approved_by_full_name=_text(data, "approved_by_full_name"),
        audit=tuple(data.get("audit") or ()))


def evaluate_interview(interview: CaseFile, form: Form, reference: Reference) -> Evaluation:
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


@dataclass(frozen=True)
class FurtherReferral:
    """One further referral (2026.2) as documents print it, in both languages."""

    number: int  # the entry's number, as the officer and the engine's messages name it
    organisation: Mapping[str, str]  # the directory's name; its id when this directory lacks it
    city: Mapping[str, str]
    kind: Mapping[str, str]  # the type of help, the form's words
    urgent: bool


def further_referrals_of(evaluation: Evaluation, reference: Reference,
                         languages: Iterable[str]) -> list[FurtherReferral]:
    """The further referrals of the interview, in the officer's order; none for an interview
    on an earlier form version, or whose list was refused (it counts for nothing)."""
    form = evaluation.form
    entries = evaluation.values.get(FURTHER)
    found = []
    for referral, entry in zip(further_referrals(evaluation.values, reference),
                               entries if isinstance(entries, list) else [], strict=False):
        org, org_id = referral.organisation, str(entry.get("further_referral_organisation"))
        found.append(FurtherReferral(
            number=referral.item or 0,
            organisation={lang: (org.name.get(lang) or org.name.get("en") or org.id)
                          if org is not None else org_id for lang in languages},
            city={lang: (org.city.get(lang) or "") if org is not None else ""
                  for lang in languages},
            kind={lang: form.choice_label(_kind_list(form), referral.kind or "", lang)
                  if referral.kind else "" for lang in languages},
            urgent=referral.urgent == "yes"))
    return found


def _kind_list(form: Form) -> str:
    children = form.questions[FURTHER].children
    return next((c.choices or "" for c in children if c.id == "further_referral_type"), "")
