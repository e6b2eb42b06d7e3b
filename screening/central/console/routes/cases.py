"""``/cases``: interviews held, filtered or opened by case reference; a case page and its
interview record PDF."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from screening.casereference import CaseReferenceError, parse_case_reference
from screening.central.cases import documents, forms, queries
from screening.central.console import render
from screening.central.console.context import PREFIX, Console, Forbidden
from screening.central.referrals import casework
from screening.central.staff import audit
from screening.central.staff.auth import Staff
from screening.central.staff.scope import Scope
from screening.errors import QuarterError
from screening.reports.period import parse_period
from screening.sync import wire

CASE_DONE = {"identified": "identification.done", "follow_up": "followup.done"}


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/cases")
    def case_list(request: Request, quarter: str = "", checkpoint: str = "",
                  outcome: str = "", child: str = "", action: str = "", ref: str = "",
                  page: str | None = None) -> Response:
        staff = console.need(request, "see_cases")
        lang = console.language_of(request)
        if ref.strip():
            found = _by_reference(console, ref, staff.scope)
            if found:
                return RedirectResponse(f"{PREFIX}/cases/{found}", status_code=303)
        filters = {"quarter": quarter.strip(), "checkpoint": checkpoint[:100],
                   "outcome": outcome[:100], "child": child, "action": action[:100]}
        wanted = _filter(filters)
        number = render.page_number(page)
        with console.engine.connect() as conn:
            rows, total = queries.cases(conn, wanted, render.PAGE_SIZE, render.offset(number),
                                        staff.scope)
            seen_checkpoints = queries.case_checkpoints(conn, staff.scope)
        known = {code: name for code, name in forms.checkpoint_codes(lang)
                 if staff.scope.allows(code)}
        for code in seen_checkpoints:
            known.setdefault(code, code)
        query = urlencode({k: v for k, v in filters.items() if v})
        return console.render(request, "cases.html", cases=rows, total=total, page=number,
                              pages=render.page_count(total), filters=filters, query=query,
                              outcomes=dict(forms.choices(forms.outcome_list(), lang)),
                              actions=dict(forms.choices("action_taken", lang)),
                              checkpoints=sorted(known.items()),
                              not_found=ref.strip() if ref.strip() else "")

    def held(interview_id: str, staff: Staff) -> dict[str, Any]:
        """The case, or the one refusal for a case that is not there and for another
        checkpoint's case (``staff.scope``)."""
        found = None
        if wire.is_uuid(interview_id):
            with console.engine.connect() as conn:
                found = queries.case(conn, interview_id, staff.scope)
        if found is None:
            raise Forbidden("refused.no_case")
        return found

    @app.get("/cases/{interview_id}")
    def case_page(request: Request, interview_id: str, done: str = "") -> Response:
        staff = console.need(request, "see_cases")
        lang = console.language_of(request)
        case = held(interview_id, staff)
        with console.engine.begin() as conn:
            trail = queries.audit_for(conn, interview_id)
            registry_part = casework.of_case(conn, interview_id)
            audit.record(conn, staff.name, "case_viewed", case["case_reference"] or interview_id)
            names = {oid: org.name.get(lang) or oid for oid, org in
                     forms.known_forms(conn).reference.organisations.items()}
        return console.render(request, "case.html", case=case, trail=trail, **registry_part,
                              names=names, message=CASE_DONE.get(done, ""),
                              identification_statuses=casework.STATUSES,
                              witness=casework.WITNESS, permits=casework.PERMIT,
                              outcomes=dict(forms.choices(forms.outcome_list(), lang)),
                              actions=dict(forms.choices("action_taken", lang)))

    @app.get("/cases/{interview_id}/record.pdf")
    def case_record(request: Request, interview_id: str, lang: str = "sq") -> Response:
        staff = console.need(request, "see_cases")
        case = held(interview_id, staff)
        document = documents.record_pdf(console.engine, interview_id,
                                        "en" if lang == "en" else "sq")
        audit.record_alone(console.engine, staff.name, "record_downloaded",
                           case["case_reference"] or interview_id)
        return render.download(document, "application/pdf")


def _by_reference(console: Console, ref: str, scope: Scope) -> str | None:
    try:
        wanted = str(parse_case_reference(ref))
    except CaseReferenceError:
        raise Forbidden("refused.case_reference", text=ref.strip()[:40]) from None
    with console.engine.connect() as conn:
        return queries.case_by_reference(conn, wanted, scope)


def _filter(filters: dict[str, str]) -> queries.CaseFilter:
    """The case list's filter; ``filters["quarter"]`` is written back as read ("2026Q3")."""
    start = end = None
    if filters["quarter"]:
        try:
            parsed = parse_period(filters["quarter"])
        except QuarterError:
            raise Forbidden("refused.quarter") from None
        filters["quarter"] = str(parsed)
        start, end = parsed.start.isoformat(), parsed.end.isoformat()
    return queries.CaseFilter(start, end, filters["checkpoint"] or None,
                              filters["outcome"] or None,
                              {"yes": True, "no": False}.get(filters["child"]),
                              filters["action"] or None)
