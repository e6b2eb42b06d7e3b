"""The HTTP API (FastAPI): health, enrol, upload a batch, fetch a receipt again.

Every refusal is JSON ``{"error": CODE, "message": TEXT}`` with the status of
``refusals.STATUS_BY_CODE``; nothing personal is ever put in a message or a log line."""

from __future__ import annotations

import json
import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from screening import __version__
from screening.central import enrolment, reference_api
from screening.central.console import views as console
from screening.central.ingest import ingest
from screening.central.queries import batches
from screening.central.refusals import Refused, status_for
from screening.central.service import Central
from screening.errors import ScreeningError
from screening.sync import wire

log = logging.getLogger("screening.central")
RECEIPT_TYPE = "application/json"


def create_app(central: Central) -> FastAPI:
    app = FastAPI(title="Returnee Screening central", version=__version__, docs_url=None,
                  redoc_url=None)
    app.state.central = central
    _add_error_handlers(app)
    _add_routes(app, central)
    reference_api.add_routes(app, central)
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


def _add_routes(app: FastAPI, central: Central) -> None:
    @app.get("/v1/health")
    def health() -> dict[str, str]:
        with central.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__, "batch_format": wire.BATCH_FORMAT}

    @app.post("/v1/enrol")
    async def enrol(request: Request) -> JSONResponse:
        body = await _read_body(request, 64 * 1024)
        try:
            doc = json.loads(body)
        except (ValueError, RecursionError):  # nested thousands deep: refused, not a 500
            raise Refused("the enrolment request is not JSON", code="request_malformed"
                          ) from None
        parsed = wire.parse_enrol_request(doc)
        response = await run_in_threadpool(enrolment.enrol, central, parsed)
        return JSONResponse(wire.build_enrol_response(response))

    @app.post("/v1/batches")
    async def upload(request: Request) -> Response:
        raw = await _read_body(request, central.settings.limits.compressed)
        receipt = await run_in_threadpool(ingest, central, raw, "http")
        return Response(receipt, media_type=RECEIPT_TYPE)

    @app.get("/v1/batches/{batch_id}/receipt")
    def receipt(batch_id: str) -> Response:
        stored = None
        if wire.is_uuid(batch_id):  # anything else cannot be a batch id (nor reach SQL)
            with central.engine.connect() as conn:
                stored = batches.get(conn, batch_id)
        if stored is None:
            raise Refused("central has not received this batch", code="receipt_not_found")
        return Response(stored.receipt, media_type=RECEIPT_TYPE)


async def _read_body(request: Request, limit: int) -> bytes:
    """The body, refused as soon as it passes ``limit`` (before it is all in memory)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _too_large(limit)
    return bytes(body)


def _too_large(limit: int) -> wire.TooLargeError:
    return wire.TooLargeError(f"the request is larger than {limit} bytes")
