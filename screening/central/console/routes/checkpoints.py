"""``/checkpoints``: checkpoints whose active workstations have gone quiet, first."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import Response

from screening.central.console.context import Console
from screening.central.devices import overview


def add_routes(app: FastAPI, console: Console) -> None:
    @app.get("/checkpoints")
    def checkpoint_page(request: Request) -> Response:
        staff = console.need(request, "see_operations")
        with console.engine.connect() as conn:
            rows = overview.workstations(conn, staff.scope)
        listing = overview.checkpoints(rows, console.settings.quiet_hours)
        return console.render(request, "checkpoints.html", checkpoints=listing,
                              quiet_hours=console.settings.quiet_hours,
                              quiet=sum(1 for e in listing if e["quiet"]))
