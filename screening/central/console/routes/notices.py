"""``/notices``: advance notice of returns — the interviews that may be a notice's arrival, for
staff to confirm or reject (admins), the notices with no arrival, and the recent notices."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from screening.central.cases import forms
from screening.central.console.context import PREFIX, Console, Forbidden
from screening.central.notices import linking, register
from screening.central.settings import NOTICE_LATE_DAYS

DONE = {"confirmed": "notices.done.confirmed", "rejected": "notices.done.rejected"}
SHOWN_DAYS = 30  # the recent notices: expected from this many days ago on


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/notices")
    def notices_page(request: Request, done: str | None = None) -> Response:
        console.need(request)
        today = dt.datetime.now(dt.UTC).date()
        lang = console.language_of(request)
        recent = register.listing(console.central,
                                  since=(today - dt.timedelta(days=SHOWN_DAYS)).isoformat())
        late = (today - dt.timedelta(days=NOTICE_LATE_DAYS)).isoformat()
        return console.render(
            request, "notices.html", suggestions=linking.pending(console.central),
            overdue=linking.overdue(console.central, today), recent=recent, late=late,
            message=DONE.get(done or "", ""),
            notifiers=dict(forms.choices("advance_notice_by", lang)),
            checkpoints=dict(forms.checkpoint_codes(lang)))

    def decide(request: Request, suggestion_id: str, decision: str) -> Response:
        staff = console.need(request, "decide_match")
        if not suggestion_id.isdigit() or len(suggestion_id) > 18:
            raise Forbidden("refused.no_suggestion")
        linking.decide(console.central, int(suggestion_id), decision, staff.name)
        return RedirectResponse(f"{PREFIX}/notices?done={decision}", status_code=303)

    @app.post("/notices/suggestions/{suggestion_id}/confirm")
    def confirm_link(request: Request, suggestion_id: str) -> Response:
        return decide(request, suggestion_id, "confirmed")

    @app.post("/notices/suggestions/{suggestion_id}/reject")
    def reject_link(request: Request, suggestion_id: str) -> Response:
        return decide(request, suggestion_id, "rejected")
