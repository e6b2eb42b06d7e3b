"""Runs the API on uvicorn. The socket is bound here, so ``--port 0`` works (tests take an
ephemeral port) and the address actually bound is announced once the server accepts requests.

Against senders that hold sockets open: at most ``CONNECTIONS`` at once (more are answered
503), request headers within ``Settings.idle_seconds`` of the connection or of the last answer
(else it is closed; uvicorn itself waits for ever), at most ``HEADER_BYTES`` of them, an idle
keep-alive connection closed after ``KEEP_ALIVE_SECONDS``; bodies have their own deadlines
(``body.py``). uvicorn's own log is kept to warnings, without access lines (addresses are
personal data at a border post)."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from pathlib import Path

import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from screening.central.app import create_app
from screening.central.service import Central
from screening.errors import ScreeningError

log = logging.getLogger("screening.central")

CONNECTIONS = 64
HEADER_BYTES = 16 * 1024
KEEP_ALIVE_SECONDS = 5


class _HeaderDeadline(H11Protocol):
    """h11 with a deadline for the request line and headers: a connection that has begun no
    request ``header_seconds`` after it opened, or after it last sent data between requests,
    is closed."""

    header_seconds: float = 20.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]  # h11 takes BaseTransport; uvicorn hands a Transport
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._between_requests():
            self._arm()
        super().data_received(data)

    def _between_requests(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        timer = getattr(self, "_header_timer", None)
        if timer is not None:
            timer.cancel()
        self._header_timer = self.loop.call_later(self.header_seconds,
                                                  self._drop_if_waiting)

    def _drop_if_waiting(self) -> None:
        if self._between_requests() and not self.transport.is_closing():
            self.transport.close()


class _Contained:
    """Starlette answers an unexpected error with the app's 500 refusal, then raises it again
    for the server to log, and uvicorn logs it with its traceback, whose frames hold request
    data. Here it ends with its type in the log (``app._internal`` answered already)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except Exception as error:  # the last stop before uvicorn's log
            log.error("request ended by %s", type(error).__name__)


class _AnnouncingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self._on_ready()


def bind(host: str, port: int) -> socket.socket:
    try:
        family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as error:
        raise ScreeningError(f"cannot listen on {host}:{port}: {error.strerror or error}",
                             code="listen_failed") from None
    sock.set_inheritable(True)
    return sock


def serve(central: Central, sock: socket.socket, *, tls_cert: Path | None = None,
          tls_key: Path | None = None, on_ready: Callable[[], None] = lambda: None) -> None:
    if (tls_cert is None) != (tls_key is None):
        raise ScreeningError("give both --tls-cert and --tls-key, or neither",
                             code="tls_incomplete")
    app = _Contained(create_app(central, tls=tls_cert is not None))
    protocol = type("HeaderDeadline", (_HeaderDeadline,),
                    {"header_seconds": float(central.settings.idle_seconds)})
    config = uvicorn.Config(app, log_level="warning", access_log=False, http=protocol,
                            limit_concurrency=CONNECTIONS,
                            timeout_keep_alive=KEEP_ALIVE_SECONDS,
                            h11_max_incomplete_event_size=HEADER_BYTES,
                            ssl_certfile=str(tls_cert) if tls_cert else None,
                            ssl_keyfile=str(tls_key) if tls_key else None,
                            timeout_graceful_shutdown=10)
    _AnnouncingServer(config, on_ready).run(sockets=[sock])
