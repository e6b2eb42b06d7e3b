"""``screening-central serve`` and ``screening-central migrate``."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.engine import make_url

from screening.central.cli.operator import central_of
from screening.central.devices import enrolment


def add_parsers(sub: argparse._SubParsersAction) -> None:
    serve_parser = sub.add_parser("serve", help="run the HTTP service")
    serve_parser.add_argument("--host", default="127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8443, help="0 takes a free port")
    serve_parser.add_argument("--tls-cert", help="PEM certificate chain (production)")
    serve_parser.add_argument("--tls-key", help="PEM private key of the certificate")
    serve_parser.set_defaults(handler=serve)
    sub.add_parser("migrate", help="create or upgrade the database and make central's keys"
                   ).set_defaults(handler=migrate)


def migrate(args: argparse.Namespace) -> int:
    central = central_of(args)
    print(f"database {_safe_url(central.settings.db_url)} is at the newest schema")
    print(f"central's keys are in {central.settings.data_dir / 'keys'} "
          f"(receipt key fingerprint {enrolment.fingerprint(central)})")
    central.close()
    return 0


def _safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def serve(args: argparse.Namespace) -> int:
    from screening.central import server  # uvicorn and FastAPI load only for this command

    central = central_of(args)
    sock = server.bind(args.host, args.port)
    host, port = sock.getsockname()[:2]
    scheme = "https" if args.tls_cert else "http"

    def announce() -> None:
        # Tests and service managers wait for this line: the server accepts requests now.
        print(f"listening on {scheme}://{host}:{port}", flush=True)

    try:
        server.serve(central, sock, tls_cert=_path(args.tls_cert), tls_key=_path(args.tls_key),
                     on_ready=announce)
    finally:
        central.close()
    return 0


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None
