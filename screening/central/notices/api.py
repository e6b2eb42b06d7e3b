"""``GET /v1/notices``: the signed list of notices for the checkpoint of the enrolled,
unrevoked device that signed the request (headers of screening.sync.noticelist)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from screening.central.notices import downstream
from screening.central.refusals import Refused
from screening.sync import noticelist

if TYPE_CHECKING:
    from screening.central.service import Central


def add_routes(app: FastAPI, central: Central) -> None:
    @app.get(noticelist.PATH)
    async def notices(request: Request) -> JSONResponse:
        device, at, signature = (request.headers.get(name, "") for name in (
            noticelist.DEVICE_HEADER, noticelist.TIME_HEADER, noticelist.SIGNATURE_HEADER))
        if not (device and at and signature) or len(device) > 64 or len(at) > 40:
            raise Refused("the request is not signed by a device", code="request_malformed")
        answer = await run_in_threadpool(downstream.answer, central, device, at, signature)
        return JSONResponse(answer)
