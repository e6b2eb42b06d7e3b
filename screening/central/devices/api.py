"""``POST /v1/enrol``: a workstation enrols with a one-time code and its verify key, and gets
its device id and central's public keys back."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from screening.central.body import read_body
from screening.central.devices import enrolment
from screening.central.refusals import Refused
from screening.sync import wire

if TYPE_CHECKING:
    from screening.central.service import Central

ENROL_LIMIT = 64 * 1024


def add_routes(app: FastAPI, central: Central) -> None:
    @app.post("/v1/enrol")
    async def enrol(request: Request) -> JSONResponse:
        body = await read_body(request, ENROL_LIMIT)
        try:
            doc = json.loads(body)
        except (ValueError, RecursionError):  # nested thousands deep: refused, not a 500
            raise Refused("the enrolment request is not JSON", code="request_malformed"
                          ) from None
        parsed = wire.parse_enrol_request(doc)
        response = await run_in_threadpool(enrolment.enrol, central, parsed)
        return JSONResponse(wire.build_enrol_response(response))
