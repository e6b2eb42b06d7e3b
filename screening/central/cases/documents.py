"""The interview record PDF of one case, as central holds it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import Engine

from screening.central.cases import queries
from screening.central.cases.forms import catalogue
from screening.errors import ReportError
from screening.reports.casefile import build_case_file
from screening.reports.record import build_record


@dataclass
class Document:
    content: bytes
    file_name: str
    notes: list[str] = field(default_factory=list)


def record_pdf(engine: Engine, interview_id: str, lang: str) -> Document:
    """The record, built by the workstation's own case-file builder and printed with the form
    version the interview was made with."""
    with engine.connect() as conn:
        text = queries.record(conn, interview_id)
        if text is None:
            raise ReportError("central holds no such interview", code="interview_unknown")
        trail = queries.audit_for(conn, interview_id)
        case = build_case_file(json.loads(text), [
            (str(e.get("action", "")), str(e.get("at", "")), str(e.get("actor", "")))
            for e in trail])
        form, reference = catalogue(conn).for_version(case.form_id, case.form_version)
    pdf = build_record(case, form, reference, lang=lang)
    return Document(pdf, f"record_{case.case_reference}_{lang}.pdf")
