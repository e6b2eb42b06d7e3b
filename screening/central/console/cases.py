"""Cases and documents on central data: the facts the case list filters on (derived from each
interview's current revision by the questionnaire engine, kept in ``case_facts`` and recomputed
when a newer revision arrives), the interview record PDF and the quarterly statistics."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import json
import zipfile
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from screening import config, lifecycle
from screening.casereference import CaseReferenceError, case_reference
from screening.central import matches
from screening.central.console import queries
from screening.central.queries import interviews
from screening.errors import ReportError, ScreeningError
from screening.questionnaire.loader import load_form
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference, load_reference
from screening.reports.csvexport import tables_csv
from screening.reports.quarterly import render_quarterly
from screening.reports.record import build_record
from screening.reports.statistics import (
    Quarter,
    compute,
    facts_from_interview,
    facts_from_mapping,
    mark_repeats,
)


@functools.cache
def standard_form() -> tuple[Form, Reference]:
    form_path = config.standard_form_path()
    return load_form(form_path), load_reference(config.reference_dir_for(form_path))


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


def facts_row(interview_id: str, record_json: str) -> dict[str, Any]:
    """The ``case_facts`` row of one stored interview record."""
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
    form, reference = standard_form()
    try:
        if record.get("form_id") != form.id:
            raise ReportError(f"made with the form {record.get('form_id')!r}, which central "
                              "does not have")
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


def refresh_facts(engine: Engine) -> int:
    """Bring ``case_facts`` up to the current revisions; the number of interviews updated."""
    done, clashes = 0, 0
    while True:
        with engine.connect() as conn:
            stale = queries.stale_facts(conn)
        if not stale:
            return done
        rows = [facts_row(iid, record) for iid, record in stale]
        try:
            with engine.begin() as conn:
                queries.put_facts(conn, rows)
        except IntegrityError:
            clashes += 1  # another request wrote the same rows first: look again
            if clashes > 3:
                raise
            continue
        done += len(rows)


@dataclass
class Document:
    content: bytes
    file_name: str
    notes: list[str] = field(default_factory=list)


def record_pdf(engine: Engine, interview_id: str, lang: str) -> Document:
    with engine.connect() as conn:
        text = interviews.record(conn, interview_id)
        trail = queries.audit_for(conn, interview_id) if text else []
    if text is None:
        raise ReportError("central holds no such interview", code="interview_unknown")
    record = json.loads(text)
    form, reference = standard_form()
    if record.get("form_id") != form.id:
        raise ReportError(f"the interview was made with the form {record.get('form_id')!r}, "
                          "which central does not have", code="form_unknown")
    notes = []
    if record.get("form_version") != form.version:
        notes.append(f"the interview used form version {record.get('form_version')}; printed "
                     f"with version {form.version}")
    reference_text = reference_of(record)
    if not reference_text:
        raise ReportError("the interview has no case reference (its checkpoint is not a code "
                          "of 2 to 6 letters)", code="case_reference_missing")
    answers = record.get("answers") or {}
    finalised = lifecycle.finalised_at(str(record.get("status")), [
        (str(e.get("action", "")), str(e.get("at", ""))) for e in trail])
    data = {"id": record["id"], "case_reference": reference_text,
            "form_id": record["form_id"], "form_version": record["form_version"],
            "checkpoint": record["checkpoint"], "officer": record.get("officer", ""),
            "started_at": answers.get("interview_started_at") or record.get("created_at"),
            "finalised_at": finalised, "status": record["status"], "answers": answers}
    audit = [{"at": e.get("at"), "actor": e.get("actor", ""), "action": e.get("action", "")}
             for e in trail]
    pdf = build_record(data, form, reference, audit=audit, lang=lang)
    return Document(pdf, f"record_{reference_text}_{lang}.pdf", notes)


def quarterly(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
              suppress_below: int | None, lang: str) -> tuple[Document, Document, int]:
    """(report PDF, zip of the CSV tables, interviews counted)."""
    form, reference = standard_form()
    refresh_facts(engine)
    with engine.connect() as conn:
        by_id = {iid: facts_from_mapping(f) for iid, f in
                 queries.quarter_facts(conn, quarter.start.isoformat(),
                                       quarter.end.isoformat()).items()}
        facts = mark_repeats(by_id, matches.repeat_ids(conn, by_id))
    statistics = compute(facts, quarter, checkpoint=checkpoint,
                         checkpoints=tuple(reference.checkpoints))
    pdf = render_quarterly(statistics, form, reference, suppress_below=suppress_below,
                           lang=lang)
    tables = tables_csv(statistics, form, reference, suppress_below=suppress_below, lang=lang)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(tables.items()):
            archive.writestr(name, content)
    suffix = f"_{checkpoint}" if checkpoint else ""
    return (Document(pdf, f"statistics_{quarter}{suffix}_{lang}.pdf"),
            Document(buffer.getvalue(), f"statistics_{quarter}{suffix}_{lang}_csv.zip"),
            statistics.interviews)


def checkpoint_codes() -> list[tuple[str, str]]:
    """(code, English name) of the reference checkpoints, for the filters."""
    _form, reference = standard_form()
    return [(code, _name(cp)) for code, cp in reference.checkpoints.items()]


def _name(checkpoint: object) -> str:
    name = getattr(checkpoint, "name", None) or {}
    return str(name.get("en") or name.get("sq") or "")


def choices(list_name: str) -> list[tuple[str, str]]:
    """(value, English label) of one of the form's choice lists (outcomes, actions)."""
    form, _reference = standard_form()
    return [(c.value, c.label.get("en") or c.value)
            for c in form.choice_lists.get(list_name, ())]


def outcome_list() -> str:
    form, _reference = standard_form()
    return form.outcome_list or "outcome"
