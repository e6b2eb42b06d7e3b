"""What each ``screening-central`` command does; cli.py only parses arguments."""

from __future__ import annotations

import argparse
import getpass
import json
import os
from pathlib import Path

from sqlalchemy import Connection

from screening import passwordpolicy
from screening.central import enrolment, settings
from screening.central.console import auth
from screening.central.ingest import ingest
from screening.central.queries import devices, interviews, staff
from screening.central.refusals import Refused
from screening.central.service import Central, open_central, utc_now
from screening.errors import ScreeningError
from screening.sync import wire


def _open(args: argparse.Namespace) -> Central:
    return open_central(settings.resolve(args.data_dir, args.db))


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def migrate(args: argparse.Namespace) -> int:
    central = _open(args)
    print(f"database {_safe_url(central.settings.db_url)} is at the newest schema")
    print(f"central's keys are in {central.settings.data_dir / 'keys'} "
          f"(receipt key fingerprint {enrolment.fingerprint(central)})")
    central.close()
    return 0


def serve(args: argparse.Namespace) -> int:
    from screening.central import server  # uvicorn and FastAPI load only for this command

    central = _open(args)
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


def staff_add(args: argparse.Namespace) -> int:
    from argon2 import PasswordHasher

    password = _new_password()
    central = _open(args)
    with central.engine.begin() as conn:
        if staff.exists(conn, args.name):
            raise Refused(f"a staff account {args.name!r} already exists", code="staff_exists")
        staff.add(conn, args.name, PasswordHasher().hash(password), utc_now())
    auth.set_role(central.engine, args.name, getattr(args, "role", None) or "viewer")
    print(f"staff account {args.name!r} added ({getattr(args, 'role', None) or 'viewer'})")
    return 0


def staff_role(args: argparse.Namespace) -> int:
    central = _open(args)
    if not auth.set_role(central.engine, args.name, args.role):
        raise Refused(f"no staff account {args.name!r}", code="staff_unknown")
    print(f"staff account {args.name!r} is now {args.role}")
    return 0


def _new_password() -> str:
    password = os.environ.get("SCREENING_CENTRAL_PASSWORD")
    if password is None:
        password = getpass.getpass("password: ")
        if getpass.getpass("again: ") != password:
            raise ScreeningError("the two passwords differ; nothing was changed",
                                 code="password_mismatch")
    passwordpolicy.check_new_password(password)
    return password


def enrolment_code(args: argparse.Namespace) -> int:
    central = _open(args)
    code = enrolment.new_code(central, args.checkpoint, args.hours)
    print(f"enrolment code for {args.checkpoint}: {code}")
    print(f"valid once, for {args.hours:g} hour(s)")
    return 0


def devices_list(args: argparse.Namespace) -> int:
    central = _open(args)
    with central.engine.connect() as conn:
        rows = [_device_row(conn, d) for d in devices.all_devices(conn)]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for row in rows:
            state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
            gap = f", {row['missing_batches']} batch(es) missing" if row["missing_batches"] else ""
            print(f"{row['id']}  {row['checkpoint']}  {state}  "
                  f"batches {row['batches']} up to #{row['last_sequence']}{gap}")
    return 0


def _device_row(conn: Connection, device: devices.Device) -> dict:
    received, highest = devices.sequence_summary(conn, device.id)
    return {"id": device.id, "checkpoint": device.checkpoint, "label": device.label,
            "enrolled_at": device.enrolled_at, "revoked_at": device.revoked_at,
            "batches": received, "last_sequence": highest, "missing_batches": highest - received}


def devices_revoke(args: argparse.Namespace) -> int:
    central = _open(args)
    with central.engine.begin() as conn:
        if devices.get(conn, args.device_id) is None:
            raise Refused(f"no device {args.device_id!r}", code="device_unknown")
        changed = devices.revoke(conn, args.device_id, utc_now())
    print(f"device {args.device_id} revoked" if changed
          else f"device {args.device_id} was already revoked")
    return 0


def interviews_list(args: argparse.Namespace) -> int:
    central = _open(args)
    with central.engine.connect() as conn:
        rows = interviews.listing(conn)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for row in rows:
            print(f"{row['id']}  {row['checkpoint']}  rev {row['revision']}  {row['status']}  "
                  f"{row['outcome'] or '-'}")
    return 0


def import_file(args: argparse.Namespace) -> int:
    central = _open(args)
    path = Path(args.file)
    try:
        size = path.stat().st_size
        if size > central.settings.limits.compressed:
            raise wire.TooLargeError(f"{path} is larger than "
                                     f"{central.settings.limits.compressed} bytes")
        raw = path.read_bytes()
    except OSError as error:
        raise ScreeningError(f"cannot read {path}: {error.strerror}", code="file_unreadable"
                             ) from None
    receipt = json.loads(ingest(central, raw, via="file"))
    counts: dict[str, int] = {}
    for result in receipt["results"]:
        counts[result["result"]] = counts.get(result["result"], 0) + 1
        if result["result"] == "refused":
            print(f"refused {result['interview_id']}: {result['code']}")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no interviews"
    print(f"batch {receipt['batch_id']} (device {receipt['device_id']}, "
          f"#{receipt['sequence']}) accepted: {summary}")
    return 0
