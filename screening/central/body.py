"""Reading a request body without letting a sender hold central's memory or its sockets: refused
as soon as it passes the size limit, before it is all in memory (an upload, an enrolment);
each part must arrive within ``settings.idle_seconds`` and the whole body within
``TOTAL_SECONDS``; and only ``BodyGate.overall`` bodies are read at once (``per_source`` from
one address), so the memory that bodies in flight can take is bounded (overall × the largest
limit). A request over the gate waits its turn a while, then is answered ``busy`` (a
workstation retries it later). Senders that trickle a body hold a slot until its total
deadline: they can slow uploads down, never exhaust memory."""

from __future__ import annotations

import asyncio
import collections
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from fastapi import Request

from screening.central.refusals import Refused
from screening.sync import wire

# 20 MB over a border post's slowest link (~300 kbit/s) takes about 9 minutes
TOTAL_SECONDS = 600.0


@dataclass
class BodyGate:
    """How many request bodies are being read, overall and per client address. A request
    over the limit waits up to ``idle_seconds`` for a turn (a body being read takes moments)
    and is then answered busy; while it waits its body stays in the kernel, not in memory."""

    overall: int = 8
    per_source: int = 4
    idle_seconds: float = 20.0
    total_seconds: float = TOTAL_SECONDS
    _reading: collections.Counter[str] = field(default_factory=collections.Counter)
    _turn: asyncio.Condition | None = None

    @contextlib.asynccontextmanager
    async def slot(self, source: str) -> AsyncIterator[None]:
        turn = self._turn = self._turn or asyncio.Condition()
        async with turn:
            try:
                await asyncio.wait_for(turn.wait_for(lambda: self._free(source)),
                                       self.idle_seconds)
            except TimeoutError:
                raise Refused("central is receiving too many requests; send again later",
                              code="busy") from None
            self._reading[source] += 1
        try:
            yield
        finally:
            async with turn:
                self._reading[source] -= 1
                if not self._reading[source]:
                    del self._reading[source]
                turn.notify_all()

    def _free(self, source: str) -> bool:
        return sum(self._reading.values()) < self.overall and \
            self._reading[source] < self.per_source


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    gate: BodyGate = request.app.state.body_gate
    source = request.client.host if request.client else ""
    async with gate.slot(source):
        return await _read(request, limit, gate)


async def _read(request: Request, limit: int, gate: BodyGate) -> bytes:
    body = bytearray()
    deadline = time.monotonic() + gate.total_seconds
    while True:
        wait = min(gate.idle_seconds, deadline - time.monotonic())
        try:
            message = await asyncio.wait_for(request.receive(), timeout=max(wait, 0.0))
        except TimeoutError:
            raise Refused("the request arrived too slowly; nothing was stored",
                          code="request_timeout") from None
        if message["type"] == "http.disconnect":
            raise Refused("the client went away before sending the whole request",
                          code="request_incomplete")
        body += message.get("body", b"")
        if len(body) > limit:
            raise _too_large(limit)
        if not message.get("more_body", False):
            return bytes(body)


def _too_large(limit: int) -> wire.TooLargeError:
    return wire.TooLargeError(f"the request is larger than {limit} bytes")
