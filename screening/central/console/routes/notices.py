"""``/notices``: advance notice of returns — the interviews that may be a notice's arrival, for
staff to confirm or reject (admins), the notices with no arrival, and the recent notices."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from screening.central.cases import forms
from screening.central.console import catalogue
from screening.central.console.context import PREFIX, Console, Forbidden
from screening.central.notices import linking, register
from screening.central.notices.model import NoticeInvalid
from screening.central.settings import NOTICE_LATE_DAYS
from screening.central.staff import audit
from screening.central.staff.auth import Staff

DONE = {"confirmed": "notices.done.confirmed", "rejected": "notices.done.rejected",
        "added": "notices.done.added", "merged": "notices.done.merged"}
TEXT_FIELDS = ("checkpoint", "expected_date", "given_name", "family_name", "date_of_birth",
               "age", "sex", "nationality", "coming_from", "travel", "meet_organisation",
               "note")
FLAGS = ("victim_suspected", "child_suspected")
SHOWN_DAYS = 30  # the recent notices: expected from this many days ago on


def add_routes(app: FastAPI, console: Console) -> None:
    def page(request: Request, staff: Staff, message: str = "", status_code: int = 200,
             entered: dict[str, object] | None = None,
             wrong: NoticeInvalid | None = None) -> Response:
        today = dt.datetime.now(dt.UTC).date()
        lang = console.language_of(request)
        recent = register.listing(console.central,
                                  since=(today - dt.timedelta(days=SHOWN_DAYS)).isoformat(),
                                  scope=staff.scope)
        late = (today - dt.timedelta(days=NOTICE_LATE_DAYS)).isoformat()
        suggestions = linking.pending(console.central, staff.scope)
        # a suggestion shows its interview's person: a view of that case
        audit.cases_viewed(console.engine, staff.name,
                           [s["case_reference"] or s["interview_id"] for s in suggestions],
                           "notices")
        return console.render(
            request, "notices.html", status_code, entered=entered or {},
            wrong=wrong.field if wrong else "",
            wrong_said=catalogue.text(lang, "notices.add.wrong", field=_label(lang, wrong.field),
                                      reason=wrong.reason_in(lang)) if wrong else "",
            suggestions=suggestions,
            overdue=linking.overdue(console.central, today, staff.scope), recent=recent,
            late=late, message=message,
            notifiers=dict(forms.choices("advance_notice_by", lang)),
            checkpoints={code: name for code, name in forms.checkpoint_codes(lang)
                         if staff.scope.allows(code)},
            sexes=forms.choices("sex", lang), organisations=_organisations(lang))

    @app.get("/notices")
    def notices_page(request: Request, done: str | None = None) -> Response:
        staff = console.need(request, "see_notices")
        return page(request, staff, DONE.get(done or "", ""))

    @app.post("/notices/new")
    async def add_notice(request: Request) -> Response:
        staff = await run_in_threadpool(console.need, request, "record_notice")
        form = await request.form()
        fields: dict[str, object] = {name: str(form.get(name) or "") for name in TEXT_FIELDS}
        notified = [str(v) for v in form.getlist("notified_by")]
        fields["notified_by"] = ",".join(notified)
        fields.update({flag: "yes" if form.get(flag) else "" for flag in FLAGS})
        try:
            done = await run_in_threadpool(lambda: register.add(
                console.central, fields, by=staff.name, scope=staff.scope))
        except NoticeInvalid as wrong:
            # the form comes back as typed, the wrong field marked: nothing typed is lost
            return await run_in_threadpool(page, request, staff, status_code=422, wrong=wrong,
                                           entered={**fields, "notified_by": notified})
        return RedirectResponse(f"{PREFIX}/notices?done={'merged' if done.merged else 'added'}",
                                status_code=303)

    def decide(request: Request, suggestion_id: str, decision: str) -> Response:
        staff = console.need(request, "decide_match")
        if not suggestion_id.isdigit() or len(suggestion_id) > 18:
            raise Forbidden("refused.no_suggestion")
        linking.decide(console.central, int(suggestion_id), decision, staff.name,
                       staff.scope)
        return RedirectResponse(f"{PREFIX}/notices?done={decision}", status_code=303)

    @app.post("/notices/suggestions/{suggestion_id}/confirm")
    def confirm_link(request: Request, suggestion_id: str) -> Response:
        return decide(request, suggestion_id, "confirmed")

    @app.post("/notices/suggestions/{suggestion_id}/reject")
    def reject_link(request: Request, suggestion_id: str) -> Response:
        return decide(request, suggestion_id, "rejected")


def _label(lang: str, field: str) -> str:
    key = f"notices.field.{field}"
    return catalogue.text(lang, key) if key in catalogue.MESSAGES else field


def _organisations(lang: str) -> list[tuple[str, str]]:
    """(id, name in ``lang``) of the referral directory, for "who should meet the person"."""
    _form, reference = forms.standard_form()
    return [(org.id, org.name.get(lang) or org.name.get("en") or org.id)
            for org in reference.organisations.values()]
