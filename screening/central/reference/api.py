"""``GET /v1/reference?since=N``: the signed reference packages newer than N, for an enrolled
and unrevoked device that signed the request (headers of screening.sync.packages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from screening.central.reference import publish
from screening.central.refusals import Refused
from screening.sync import packages

if TYPE_CHECKING:
    from screening.central.service import Central

_MAX_SINCE = 2 ** 31 - 1


def add_routes(app: FastAPI, central: Central) -> None:
    @app.get("/v1/reference")
    async def pull(request: Request, since: str = "0") -> JSONResponse:
        # isascii: str.isdigit() also holds for "²", which int() refuses
        if not (since.isascii() and since.isdigit()) or int(since) > _MAX_SINCE:
            raise Refused("since must be a package version (a whole number)",
                          code="request_malformed")
        device, at, signature = (request.headers.get(name, "") for name in (
            packages.DEVICE_HEADER, packages.TIME_HEADER, packages.SIGNATURE_HEADER))
        if not (device and at and signature) or len(device) > 64 or len(at) > 40:
            raise Refused("the request is not signed by a device", code="request_malformed")
        answer = await run_in_threadpool(publish.pull, central, device, int(since), at,
                                         signature)
        return JSONResponse(answer)
