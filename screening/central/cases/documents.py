"""The interview record PDF of one case, as central holds it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Engine

from screening import lifecycle
from screening.central.cases import queries
from screening.central.cases.facts import reference_of
from screening.central.cases.forms import standard_form
from screening.errors import ReportError
from screening.reports.record import build_record


@dataclass
class Document:
    content: bytes
    file_name: str
    notes: list[str] = field(default_factory=list)


def record_pdf(engine: Engine, interview_id: str, lang: str) -> Document:
    with engine.connect() as conn:
        text = queries.record(conn, interview_id)
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
