"""Reading a request body under a size limit: refused as soon as it passes the limit, before
it is all in memory (an upload, an enrolment)."""

from __future__ import annotations

from fastapi import Request

from screening.sync import wire


async def read_body(request: Request, limit: int) -> bytes:
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
