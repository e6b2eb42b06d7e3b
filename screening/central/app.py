"""The HTTP API (FastAPI): health here; enrol (``devices/api.py``), upload a batch and fetch
its receipt again (``batches/api.py``), reference pulls (``reference/api.py``), a checkpoint's
notices (``notices/api.py``) and the staff console at ``/console/`` (``console/app.py``).

Every refusal is JSON ``{"error": CODE, "message": TEXT}`` with the status of
``refusals.STATUS_BY_CODE``, signed like a receipt (``refusals.answer``), routing errors
included; nothing personal is ever put in a message or a log line, and no traceback (which
would show request data) reaches the log."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from screening import __version__
from screening.central import database
from screening.central.batches import api as batches_api
from screening.central.body import BodyGate
from screening.central.console import app as console
from screening.central.devices import api as devices_api
from screening.central.notices import api as notices_api
from screening.central.reference import api as reference_api
from screening.central.refusals import answer, code_for_http
from screening.central.service import Central
from screening.errors import ScreeningError
from screening.sync import wire

log = logging.getLogger("screening.central")


HSTS = "max-age=31536000"


def create_app(central: Central, *, tls: bool = False) -> FastAPI:
    """``tls``: central is served over HTTPS, so browsers are told to use nothing else."""
    app = FastAPI(title="Returnee Screening central", version=__version__, docs_url=None,
                  redoc_url=None)
    app.state.central = central
    app.state.body_gate = BodyGate(idle_seconds=central.settings.idle_seconds)
    if tls:
        _add_hsts(app)
    _add_error_handlers(app)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        database.ping(central.engine)
        return {"status": "ok", "version": __version__, "batch_format": wire.BATCH_FORMAT}

    for api in (devices_api, batches_api, reference_api, notices_api):
        api.add_routes(app, central)
    console.install(app, central)  # the staff console at /console/
    return app


def _add_error_handlers(app: FastAPI) -> None:
    central: Central = app.state.central

    @app.exception_handler(ScreeningError)
    async def _refused(request: Request, error: ScreeningError) -> JSONResponse:
        log.info("refused: %s", error.code)
        return answer(central.keys.signing, request, error.code, error.message)

    @app.exception_handler(HTTPException)
    async def _routing(request: Request, error: HTTPException) -> JSONResponse:
        code, message = code_for_http(error.status_code)
        return answer(central.keys.signing, request, code, message, error.status_code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, error: Exception) -> JSONResponse:
        # the type only: a traceback would carry the request's data into the log
        log.error("internal error: %s", type(error).__name__)
        return answer(central.keys.signing, request, "internal",
                      "central could not handle the request; nothing was stored", 500)


def _add_hsts(app: FastAPI) -> None:
    app.add_middleware(_Hsts)


class _Hsts:
    """Plain ASGI, not ``@app.middleware``: it must not stand between a handler and the body
    it streams (``body.read_body``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_hsts(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []),
                                      (b"strict-transport-security", HSTS.encode())]
            await send(message)

        await self.app(scope, receive, send_with_hsts if scope["type"] == "http" else send)
