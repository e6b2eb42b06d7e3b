"""What central checks in an interview record before it keeps a new revision of it: its shape
(the protocol's JSON Schema), then its answers against the form version it names, with the
questionnaire engine the workstation itself uses (docs/protocol.md §9.2).

A workstation that is modified, damaged or simply older must not put into central an adult
born in 2099, an answer to no question or a lowered outcome nobody approved: each such
interview is refused on its own, with a stable code and its problems (where, a code, words —
never an answer's value, which may be a victim's name), and the rest of its batch is kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from screening import lifecycle
from screening.central.cases.facts import local_time, started_text
from screening.central.cases.forms import KnownForms
from screening.questionnaire.evaluation import AnswerIssue, Evaluation, evaluate
from screening.questionnaire.expr.compiler import is_empty
from screening.questionnaire.model import Form
from screening.questionnaire.scoring import OUTCOME_RANK
from screening.sync import schemas, wire

# How far ahead of central's clock a workstation's clock may be before its times are refused.
CLOCK_SKEW = dt.timedelta(minutes=10)

# The refusals this module gives, in the order they are looked for: the first found is the
# interview's code, every problem found is listed.
INTERVIEW_INVALID = "interview_invalid"
FORM_UNKNOWN = "form_unknown"
ANSWERS_INVALID = "answers_invalid"
ANSWERS_MISSING = "answers_missing"
TIME_IN_FUTURE = "time_in_future"
CHECKPOINT_UNKNOWN = "checkpoint_unknown"
CHECKPOINT_NOT_ENROLLED = "checkpoint_not_enrolled"
OVERRIDE_UNAPPROVED = "override_unapproved"
CODES = (INTERVIEW_INVALID, FORM_UNKNOWN, OVERRIDE_UNAPPROVED, ANSWERS_INVALID, ANSWERS_MISSING,
         TIME_IN_FUTURE, CHECKPOINT_UNKNOWN, CHECKPOINT_NOT_ENROLLED)

_MESSAGES = {
    INTERVIEW_INVALID: "the interview record is not shaped as the protocol says",
    FORM_UNKNOWN: "central has no questionnaire of this form id and version",
    ANSWERS_INVALID: "some answers are not valid for the questionnaire",
    ANSWERS_MISSING: "some required questions are not answered",
    TIME_IN_FUTURE: "a time in the interview is in the future: check the workstation's clock",
    CHECKPOINT_UNKNOWN: "the interview names a checkpoint that is not in the reference data",
    CHECKPOINT_NOT_ENROLLED: "the interview names another checkpoint than the one this "
                             "workstation is enrolled for",
    OVERRIDE_UNAPPROVED: "the officer lowered the computed outcome: the interview needs the "
                         "reason and a supervisor's approval before it is sent",
}
_REQUIRED = "this question must be answered"
OVERRIDE_REASON = "override_reason"  # the form's question (forms/returnee_screening.yaml)
# The times of a record that cannot be later than when it reaches central.
_RECORD_TIMES = ("created_at", "updated_at")


@dataclass(frozen=True)
class Verdict:
    """``code`` is ``""`` when the interview may be kept."""

    code: str = ""
    problems: tuple[wire.Problem, ...] = ()

    @property
    def message(self) -> str:
        return _MESSAGES.get(self.code, "")


Found = tuple[str, wire.Problem]  # (refusal code, problem)


def check(record: dict[str, Any], known: KnownForms, enrolled_checkpoint: str,
          now: dt.datetime) -> Verdict:
    """The verdict on one record that ``wire.interview_problem`` accepted; ``now`` is central's
    clock (aware)."""
    try:
        return _check(record, known, enrolled_checkpoint, now)
    except Exception as error:  # hostile answers must refuse one interview, not the batch
        return Verdict(ANSWERS_INVALID, (wire.Problem(
            "", "unreadable", f"the answers cannot be evaluated ({type(error).__name__})"),))


def _check(record: dict[str, Any], known: KnownForms, enrolled_checkpoint: str,
           now: dt.datetime) -> Verdict:
    shape = schemas.problems("interview", record)
    if shape:
        return Verdict(INTERVIEW_INVALID,
                       tuple(wire.Problem("", "shape", problem) for problem in shape))
    form = known.get(record["form_id"], record["form_version"])
    if form is None:
        return Verdict(FORM_UNKNOWN, (wire.Problem("", FORM_UNKNOWN, _MESSAGES[FORM_UNKNOWN]),))
    local_now = now.astimezone().replace(tzinfo=None)
    evaluation = evaluate(form, record["answers"], reference=known.reference,
                          now=local_time(started_text(record)) or local_now)
    found = [*_answers(form, evaluation), *_times(record, evaluation, local_now),
             *_checkpoints(record, known, enrolled_checkpoint),
             *_override(record, evaluation)]
    if not found:
        return Verdict()
    codes = {code for code, _problem in found}
    # a form that also requires the reason finds it missing once more: say it once
    problems = tuple(dict.fromkeys(p for _code, p in found))
    return Verdict(next(c for c in CODES if c in codes), problems)


def _answers(form: Form, evaluation: Evaluation) -> Iterator[Found]:
    for issue in evaluation.issues.values():
        yield ANSWERS_INVALID, wire.Problem(issue.question_id, issue.code,
                                            _issue_words(form, issue))
    for question_id in evaluation.missing_required:
        yield ANSWERS_MISSING, wire.Problem(question_id, "required", _REQUIRED)


def _issue_words(form: Form, issue: AnswerIssue) -> str:
    if issue.code == "invalid":
        # the engine's own words may repeat the value ("unknown choice 'Arta'"): not here
        question = form.questions.get(issue.question_id)
        kind = question.type.replace("_", " ") if question else "this"
        return f"the answer is not valid for a {kind} question"
    return str(issue.message.get("en") or issue.code)


def _times(record: dict[str, Any], evaluation: Evaluation, local_now: dt.datetime
           ) -> Iterator[Found]:
    latest = local_now + CLOCK_SKEW
    started = evaluation.values.get("interview_started_at")
    if isinstance(started, dt.datetime) and _local(started) > latest:
        yield TIME_IN_FUTURE, wire.Problem("interview_started_at", "in_future",
                                           "the interview cannot start in the future")
    for name in _RECORD_TIMES:
        if name not in record:
            continue
        moment = local_time(record[name])
        if moment is None:  # the schema says only "a string"; the protocol says ISO 8601
            yield INTERVIEW_INVALID, wire.Problem("", "time_invalid",
                                                  f"the record's {name} is not an ISO time")
        elif moment > latest:
            yield TIME_IN_FUTURE, wire.Problem("", "in_future",
                                               f"the record's {name} is in the future")


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _checkpoints(record: dict[str, Any], known: KnownForms, enrolled: str) -> Iterator[Found]:
    # The record's checkpoint is the workstation's own; the answer "checkpoint" is the
    # officer's (the form lets them correct it) and the engine checks it is a known one.
    claimed = record["checkpoint"]
    if claimed not in known.reference.checkpoints:
        yield CHECKPOINT_UNKNOWN, wire.Problem("", CHECKPOINT_UNKNOWN,
                                               _MESSAGES[CHECKPOINT_UNKNOWN])
    elif claimed != enrolled:
        yield CHECKPOINT_NOT_ENROLLED, wire.Problem("", CHECKPOINT_NOT_ENROLLED,
                                                    _MESSAGES[CHECKPOINT_NOT_ENROLLED])


def _override(record: dict[str, Any], evaluation: Evaluation) -> Iterator[Found]:
    computed, final = evaluation.outcome, evaluation.final_outcome
    if computed is None or final is None or OUTCOME_RANK[final] >= OUTCOME_RANK[computed]:
        return
    if is_empty(evaluation.values.get(OVERRIDE_REASON)):
        yield OVERRIDE_UNAPPROVED, wire.Problem(OVERRIDE_REASON, "required", _REQUIRED)
    # the supervisor's approval is the interview's status (lifecycle: only a supervisor
    # approves)
    if record["status"] != lifecycle.APPROVED:
        yield OVERRIDE_UNAPPROVED, wire.Problem("officer_outcome", "not_approved",
                                                _MESSAGES[OVERRIDE_UNAPPROVED])
