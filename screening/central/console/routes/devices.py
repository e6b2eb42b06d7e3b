"""``/devices``: workstations, their revocation (after a confirmation page) and one-time
enrolment codes."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from screening.central.cases.forms import checkpoint_codes
from screening.central.clock import utc_now
from screening.central.console.context import PREFIX, Console, Forbidden
from screening.central.devices import enrolment, overview, queries, revocation
from screening.central.settings import ENROLMENT_CODE_MAX_HOURS
from screening.central.staff.auth import Staff

MAX_CODE_HOURS = ENROLMENT_CODE_MAX_HOURS  # the one limit, in central.settings


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/devices")
    def device_page(request: Request, done: str | None = None) -> Response:
        staff = console.need(request, "see_operations")
        with console.engine.connect() as conn:
            rows = overview.workstations(conn, staff.scope)
            pending = queries.pending_codes(conn, utc_now(), staff.scope)
        message = "devices.done.revoked" if done == "revoked" else ""
        return console.render(request, "devices.html", devices=rows, pending=pending,
                              message=message,
                              checkpoints=[(c, n) for c, n in checkpoint_codes(
                                  console.language_of(request)) if staff.scope.allows(c)])

    def known(device_id: str, staff: Staff) -> queries.Device:
        """The workstation, or the one refusal for none and for another checkpoint's."""
        found = None
        if len(device_id) <= 64:
            with console.engine.connect() as conn:
                found = queries.get(conn, device_id)
        if found is None or not staff.scope.allows(found.checkpoint):
            raise Forbidden("refused.no_device")
        return found

    @app.get("/devices/{device_id}/revoke")
    def revoke_confirm(request: Request, device_id: str) -> Response:
        staff = console.need(request, "revoke_device")
        return console.render(request, "revoke.html", device=known(device_id, staff))

    @app.post("/devices/{device_id}/revoke")
    def revoke(request: Request, device_id: str) -> Response:
        staff = console.need(request, "revoke_device")
        known(device_id, staff)
        revocation.revoke(console.central, device_id, by=staff.name)
        return RedirectResponse(f"{PREFIX}/devices?done=revoked", status_code=303)

    @app.post("/codes")
    async def create_code(request: Request) -> Response:
        staff = await run_in_threadpool(console.need, request, "create_code")
        form = await request.form()
        checkpoint = str(form.get("checkpoint") or "").strip()
        hours_text = str(form.get("hours") or "24")
        try:
            hours = float(hours_text)
        except ValueError:
            hours = 0.0
        if not 0 < hours <= MAX_CODE_HOURS:
            raise Forbidden("refused.code_hours")
        if not staff.scope.allows(checkpoint):
            raise Forbidden("refused.checkpoint", checkpoint=checkpoint[:40])
        code = await run_in_threadpool(lambda: enrolment.new_code(
            console.central, checkpoint, hours, by=staff.name))
        return console.render(request, "code.html", code=code, checkpoint=checkpoint,
                              hours=hours)
