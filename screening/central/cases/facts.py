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
from screening.central.cases.forms import catalogue
from screening.errors import ScreeningError
from screening.questionnaire.catalogue import FormCatalogue
from screening.reports.statistics import facts_from_interview


def _local(moment: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(moment)
    except (TypeError, ValueError):
        return None
    # the engine works in local time without a zone, as the officer saw it
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def reference_of(record: dict[str, Any]) -> str:
    try:
        return case_reference(str(record.get("checkpoint", "")), str(record.get("created_at")),
                              str(record.get("id")))
    except CaseReferenceError:
        return ""


def facts_row(interview_id: str, record_json: str, forms: FormCatalogue) -> dict[str, Any]:
    """The ``case_facts`` row of one stored interview record, evaluated with its own form
    version."""
    record = json.loads(record_json)
    answers = record.get("answers") if isinstance(record.get("answers"), dict) else {}
    started_text = answers.get("interview_started_at") or record.get("created_at") or ""
    row: dict[str, Any] = {
        "interview_id": interview_id, "revision": int(record["revision"]),
        "case_reference": reference_of(record),
        "interview_date": str(started_text)[:10] or None,
        "checkpoint": answers.get("checkpoint") or record.get("checkpoint"), "child": False,
        "outcome": record.get("outcome"), "action_taken": answers.get("action_taken"),
        "facts": None, "problem": None}
    try:
        form, reference = forms.for_version(str(record.get("form_id")),
                                            str(record.get("form_version")))
        facts = facts_from_interview(answers, form, reference,
                                     started_at=_local(str(started_text)))
    except ScreeningError as error:
        row["problem"] = error.message[:300]
        return row
    except Exception as error:  # a record the engine cannot read must not break the list
        row["problem"] = f"the answers cannot be evaluated ({type(error).__name__})"
        return row
    values = dataclasses.asdict(facts)
    values["interview_date"] = facts.interview_date.isoformat()
    values["activity_sector"] = list(facts.activity_sector)
    row.update(interview_date=values["interview_date"], checkpoint=facts.checkpoint,
               child=facts.child, outcome=facts.outcome or record.get("outcome"),
               action_taken=facts.action_taken, facts=json.dumps(values, sort_keys=True))
    return row


def refresh(conn: Connection) -> int:
    """Bring ``case_facts`` up to the current revisions, in the caller's transaction; the
    number of interviews updated."""
    done, previous = 0, None
    while stale := queries.stale_facts(conn):
        ids = [iid for iid, _ in stale]
        if ids == previous:  # a record whose facts cannot be stored as current: stop
            return done
        forms = catalogue(conn)
        queries.put_facts(conn, [facts_row(iid, record, forms) for iid, record in stale])
        done, previous = done + len(stale), ids
    return done
