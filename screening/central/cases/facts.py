"""The facts the case list filters on and the statistics count, derived from each
interview's current revision by the questionnaire engine and kept in ``case_facts``. The ingest
refreshes them in the batch's own transaction (``refresh``), so pages only read them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from sqlalchemy import Connection

from screening.casereference import CaseReferenceError, case_reference
from screening.central.cases import queries
from screening.central.cases.forms import KnownForms, known_forms
from screening.errors import ReportError, ScreeningError
from screening.questionnaire.evaluation import evaluate
from screening.reports.statistics import REGISTRY_FIELDS, facts_from_evaluation


def local_time(moment: object) -> dt.datetime | None:
    """An ISO time as the engine works with it: local, without a zone, as the officer saw it."""
    try:
        parsed = dt.datetime.fromisoformat(str(moment))
    except ValueError:
        return None
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def started_text(record: dict[str, Any]) -> str:
    """When the interview began: its answer, else the record's creation time."""
    held = record.get("answers")
    answers: dict[str, Any] = held if isinstance(held, dict) else {}
    return str(answers.get("interview_started_at") or record.get("created_at") or "")


def reference_of(record: dict[str, Any]) -> str:
    try:
        return case_reference(str(record.get("checkpoint", "")), str(record.get("created_at")),
                              str(record.get("id")))
    except CaseReferenceError:
        return ""


def facts_row(interview_id: str, record_json: str, known: KnownForms) -> dict[str, Any]:
    """The ``case_facts`` row of one stored interview record, with central's own assessment
    of it (computed here, never taken from the record)."""
    record = json.loads(record_json)
    answers = record.get("answers") if isinstance(record.get("answers"), dict) else {}
    started = started_text(record)
    row: dict[str, Any] = {
        "interview_id": interview_id, "revision": int(record["revision"]),
        "case_reference": reference_of(record),
        "interview_date": started[:10] or None,
        "checkpoint": answers.get("checkpoint") or record.get("checkpoint"), "child": False,
        # never the record's own ``outcome``: what counts is what central computes
        "outcome": None, "action_taken": answers.get("action_taken"),
        "facts": None, "problem": None, "computed_outcome": None, "profile": None,
        "positive_dimensions": None}
    form = known.to_count(record.get("form_id"), record.get("form_version"))
    try:
        if form is None:
            raise ReportError(f"made with the form {record.get('form_id')!r}, which central "
                              "does not have")
        evaluation = evaluate(form, answers, reference=known.reference,
                              now=local_time(started))
        facts = facts_from_evaluation(evaluation, started_at=local_time(started))
    except ScreeningError as error:
        row["problem"] = error.message[:300]
        return row
    except Exception as error:  # a record the engine cannot read must not break the list
        row["problem"] = f"the answers cannot be evaluated ({type(error).__name__})"
        return row
    values = {name: value for name, value in dataclasses.asdict(facts).items()
              if name not in REGISTRY_FIELDS}  # the registry's are added at report time
    values["interview_date"] = facts.interview_date.isoformat()
    values["activity_sector"] = list(facts.activity_sector)
    row.update(interview_date=values["interview_date"], checkpoint=facts.checkpoint,
               child=facts.child, outcome=facts.outcome,
               action_taken=facts.action_taken, facts=json.dumps(values, sort_keys=True))
    if evaluation.assessment is not None:
        row.update(computed_outcome=evaluation.assessment.outcome,
                   profile=evaluation.assessment.profile,
                   positive_dimensions=",".join(evaluation.assessment.positive_dimensions))
    return row


def refresh(conn: Connection) -> int:
    """Bring ``case_facts`` up to the current revisions, in the caller's transaction; the
    number of interviews updated."""
    done, previous, known = 0, None, known_forms(conn)
    while stale := queries.stale_facts(conn):
        ids = [iid for iid, _ in stale]
        if ids == previous:  # a record whose facts cannot be stored as current: stop
            return done
        queries.put_facts(conn, [facts_row(iid, record, known) for iid, record in stale])
        done, previous = done + len(stale), ids
    return done
