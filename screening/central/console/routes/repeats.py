"""``/matches``: possible repeat victims, both interviews side by side; admins confirm or
reject them."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from screening.central.cases import forms
from screening.central.cases import queries as cases
from screening.central.console.context import PREFIX, Console, Forbidden
from screening.central.repeats import candidates
from screening.central.staff import audit

DONE = {"confirmed": "matches.done.confirmed", "rejected": "matches.done.rejected"}


def add_routes(app: FastAPI, console: Console) -> None:
    statuses = (*candidates.STATUSES, "all")

    @app.get("/matches")
    def match_page(request: Request, status: str = "pending", done: str | None = None
                   ) -> Response:
        staff = console.need(request, "see_cases")
        if status not in statuses:
            raise Forbidden("refused.match_status", statuses=", ".join(statuses))
        found = candidates.list_candidates(console.central, None if status == "all" else status,
                                           staff.scope)
        with console.engine.connect() as conn:
            references = cases.case_references(
                conn, [side["id"] for c in found for side in c["interviews"]])
        for candidate in found:
            for side in candidate["interviews"]:
                side["case_reference"] = references.get(side["id"], "")
        # both people of each pair are shown: each is a view of that case
        audit.cases_viewed(console.engine, staff.name,
                           [side["case_reference"] or side["id"] for c in found
                            for side in c["interviews"]], "matches")
        return console.render(request, "matches.html", candidates=found, status=status,
                              statuses=statuses, message=DONE.get(done or "", ""),
                              outcomes=dict(forms.choices(forms.outcome_list(),
                                                          console.language_of(request))))

    def decide(request: Request, match_id: str, decision: str) -> Response:
        staff = console.need(request, "decide_match")
        if not match_id.isdigit() or len(match_id) > 18:
            raise Forbidden("refused.no_match")
        candidates.decide(console.central, int(match_id), decision, staff.name, staff.scope)
        return RedirectResponse(f"{PREFIX}/matches?done={decision}", status_code=303)

    @app.post("/matches/{match_id}/confirm")
    def confirm_match(request: Request, match_id: str) -> Response:
        return decide(request, match_id, "confirmed")

    @app.post("/matches/{match_id}/reject")
    def reject_match(request: Request, match_id: str) -> Response:
        return decide(request, match_id, "rejected")
