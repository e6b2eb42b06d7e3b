"""``POST /v1/batches`` (a workstation's upload; the signed receipt back) and
``GET /v1/batches/{id}/receipt`` (the same receipt again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from screening.central.batches import queries
from screening.central.batches.ingest import ingest
from screening.central.body import read_body
from screening.central.refusals import Refused
from screening.sync import wire

if TYPE_CHECKING:
    from screening.central.service import Central

RECEIPT_TYPE = "application/json"


def add_routes(app: FastAPI, central: Central) -> None:
    @app.post("/v1/batches")
    async def upload(request: Request) -> Response:
        raw = await read_body(request, central.settings.limits.compressed)
        receipt = await run_in_threadpool(ingest, central, raw, "http")
        return Response(receipt, media_type=RECEIPT_TYPE)

    @app.get("/v1/batches/{batch_id}/receipt")
    def receipt(batch_id: str) -> Response:
        stored = None
        if wire.is_uuid(batch_id):  # anything else cannot be a batch id (nor reach SQL)
            with central.engine.connect() as conn:
                stored = queries.get(conn, batch_id)
        if stored is None:
            raise Refused("central has not received this batch", code="receipt_not_found")
        return Response(stored.receipt, media_type=RECEIPT_TYPE)
