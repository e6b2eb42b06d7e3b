"""``/batches``: the inbox of batches received, with the sequence numbers missing."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response

from screening.central.batches.inbox import inbox
from screening.central.console import render
from screening.central.console.context import Console


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/batches")
    def batch_inbox(request: Request, page: str | None = None, device: str | None = None
                    ) -> Response:
        staff = console.need(request, "see_operations")
        number = render.page_number(page)
        device = device if device and len(device) <= 64 else None
        with console.engine.connect() as conn:
            found = inbox(conn, render.PAGE_SIZE, render.offset(number), device, staff.scope)
        return console.render(request, "batches.html", batches=found.batches, page=number,
                              total=found.total, pages=render.page_count(found.total),
                              device=device, gap_devices=found.gap_devices)
