"""The HTTP API (FastAPI): health here; enrol (``devices/api.py``), upload a batch and fetch
its receipt again (``batches/api.py``), reference pulls (``reference/api.py``) and the staff
console at ``/console/`` (``console/app.py``).

Every refusal is JSON ``{"error": CODE, "message": TEXT}`` with the status of
``refusals.STATUS_BY_CODE``; nothing personal is ever put in a message or a log line."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from screening import __version__
from screening.central import database
from screening.central.batches import api as batches_api
from screening.central.console import app as console
from screening.central.devices import api as devices_api
from screening.central.reference import api as reference_api
from screening.central.refusals import status_for
from screening.central.service import Central
from screening.errors import ScreeningError
from screening.sync import wire

log = logging.getLogger("screening.central")


def create_app(central: Central) -> FastAPI:
    app = FastAPI(title="Returnee Screening central", version=__version__, docs_url=None,
                  redoc_url=None)
    app.state.central = central
    _add_error_handlers(app)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        database.ping(central.engine)
        return {"status": "ok", "version": __version__, "batch_format": wire.BATCH_FORMAT}

    for api in (devices_api, batches_api, reference_api):
        api.add_routes(app, central)
    console.install(app, central)  # the staff console at /console/
    return app


def _error(code: str, message: str, status: int | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message},
                        status_code=status or status_for(code))


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ScreeningError)
    async def _refused(_request: Request, error: ScreeningError) -> JSONResponse:
        log.info("refused: %s", error.code)
        return _error(error.code, error.message)

    @app.exception_handler(Exception)
    async def _internal(_request: Request, error: Exception) -> JSONResponse:
        log.error("internal error: %s", type(error).__name__)
        return _error("internal", "central could not handle the request; nothing was stored",
                      500)
