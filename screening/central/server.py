"""Runs the API on uvicorn. The socket is bound here, so ``--port 0`` works (tests take an
ephemeral port) and the address actually bound is announced once the server accepts requests."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import uvicorn

from screening.central.app import create_app
from screening.central.service import Central
from screening.errors import ScreeningError


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
    config = uvicorn.Config(create_app(central), log_level="warning", access_log=False,
                            ssl_certfile=str(tls_cert) if tls_cert else None,
                            ssl_keyfile=str(tls_key) if tls_key else None,
                            timeout_graceful_shutdown=10)
    _AnnouncingServer(config, on_ready).run(sockets=[sock])
