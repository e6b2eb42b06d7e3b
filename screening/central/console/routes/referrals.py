"""``/referrals``: the case registry in the console. A partner's inbox (only its
organisation's referrals) and the Responsible Authority's list, one referral with its history
and the form for its next step, the Responsible Authority's queue (declined, not arrived,
overdue), and on a case the formal identification and follow-up contacts. Every view of a
referral is audited; every change goes through ``referrals.registry`` / ``casework``, which
check the role again."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from screening.central.cases import forms
from screening.central.cases.forms import known_forms
from screening.central.console import render
from screening.central.console.context import PREFIX, Console, Forbidden
from screening.central.referrals import casework, lifecycle, registry
from screening.central.referrals.access import Actor
from screening.central.staff.auth import Staff
from screening.sync import wire

DONE = {"step": "referral.done", "identified": "identification.done",
        "follow_up": "followup.done"}


def actor_of(staff: Staff) -> Actor:
    return Actor(staff.name, staff.role, staff.organisation, staff.checkpoints)


def _id(text: str) -> int:
    if not text.isdigit() or len(text) > 12:
        raise Forbidden("refused.no_referral")
    return int(text)


def add_routes(app: FastAPI, console: Console) -> None:
    def looker(request: Request) -> Staff:
        staff = console.need(request)
        if not (staff.may("see_referrals") or staff.may("partner_inbox")):
            raise Forbidden("refused.not_for_role")
        return staff

    def directory(lang: str) -> dict[str, str]:
        with console.engine.connect() as conn:
            organisations = known_forms(conn).reference.organisations
        return {oid: org.name.get(lang) or org.name.get("en") or oid
                for oid, org in organisations.items()}

    @app.get("/referrals")
    def referral_list(request: Request, status: str = "", organisation: str = "",
                      page: str | None = None) -> Response:
        staff = looker(request)
        lang = console.language_of(request)
        names = directory(lang)
        status = status if status in lifecycle.STATUSES else ""
        organisation = organisation if organisation in names else ""
        number = render.page_number(page)
        rows, total = registry.listing(console.engine, actor_of(staff),
                                       organisation=organisation or None,
                                       status=status or None, limit=render.PAGE_SIZE,
                                       offset=render.offset(number))
        query = urlencode({k: v for k, v in (("status", status),
                                             ("organisation", organisation)) if v})
        return console.render(request, "referrals.html", referrals=rows, total=total,
                              page=number, pages=render.page_count(total), query=query,
                              status=status, organisation=organisation, names=names,
                              statuses=lifecycle.STATUSES)

    @app.get("/referrals/queue")
    def queue(request: Request) -> Response:
        staff = console.need(request, "see_referrals")
        rows = registry.to_rerefer(console.engine, actor_of(staff))
        late = registry.overdue(console.engine, console.central.settings, scope=staff.scope)
        return console.render(request, "queue.html", rerefer=rows, late=late,
                              names=directory(console.language_of(request)),
                              settings=console.central.settings)

    @app.get("/referrals/{referral_id}")
    def referral_page(request: Request, referral_id: str, done: str = "") -> Response:
        staff = looker(request)
        lang = console.language_of(request)
        shown = registry.view(console.engine, _id(referral_id), actor_of(staff))
        return console.render(request, "referral.html", referral=shown,
                              names=directory(lang), steps=_next_steps(shown, staff),
                              stay=lifecycle.length_of_stay(shown["admission_date"],
                                                            shown["exit_date"]),
                              sexes=dict(forms.choices("sex", lang)),
                              types=dict(forms.choices("referral_type", lang)),
                              message=DONE.get(done, ""))

    @app.post("/referrals/{referral_id}/events")
    async def record_step(request: Request, referral_id: str) -> Response:
        staff = await run_in_threadpool(console.need, request, "record_referral")
        form = await request.form()
        step = registry.Step(_field(form, "event"), _field(form, "reason"),
                             _field(form, "day") or None, _field(form, "organisation") or None)
        after = await run_in_threadpool(registry.record, console.engine, _id(referral_id),
                                        step, actor_of(staff))
        return RedirectResponse(f"{PREFIX}/referrals/{after['id']}?done=step", status_code=303)

    def case_id(interview_id: str) -> str:
        if not wire.is_uuid(interview_id):
            raise Forbidden("refused.no_case")
        return interview_id

    @app.post("/cases/{interview_id}/identification")
    async def identify(request: Request, interview_id: str) -> Response:
        staff = await run_in_threadpool(console.need, request, "identify")
        form = await request.form()
        found = casework.Identification(
            _field(form, "status"), _field(form, "decided_on"), _field(form, "basis"),
            _field(form, "victim_witness") or "unknown", _field(form, "reflection_period"),
            _field(form, "residence_permit"))
        await run_in_threadpool(casework.identify, console.engine, case_id(interview_id),
                                found, actor_of(staff))
        return RedirectResponse(f"{PREFIX}/cases/{interview_id}?done=identified",
                                status_code=303)

    @app.post("/cases/{interview_id}/follow-ups")
    async def follow_up(request: Request, interview_id: str) -> Response:
        staff = await run_in_threadpool(console.need, request, "follow_up")
        form = await request.form()
        contact = casework.FollowUp(_field(form, "contact_date"), _field(form, "organisation"),
                                    _field(form, "outcome"), _field(form, "next_date"))
        await run_in_threadpool(casework.follow_up, console.engine, case_id(interview_id),
                                contact, actor_of(staff))
        return RedirectResponse(f"{PREFIX}/cases/{interview_id}?done=follow_up",
                                status_code=303)


def _field(form: Any, name: str) -> str:
    value = form.get(name)
    return value[:2000] if isinstance(value, str) else ""


def _next_steps(referral: dict[str, Any], staff: Staff) -> list[str]:
    """The events the form offers: those that may follow the status, for this role."""
    if not staff.may("record_referral"):
        return []
    return [event for event, (after, _to) in lifecycle.STEPS.items()
            if referral["status"] in after and (event not in lifecycle.AUTHORITY_ONLY
                                                or staff.may("rerefer"))
            and (event != lifecycle.GUARDIAN or referral["child"])]
