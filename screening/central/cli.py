"""The ``screening-central`` command: serve, migrate, staff, enrolment codes, devices,
interviews, import. Every failure is a message and an exit code, never a traceback (set
``SCREENING_DEBUG=1`` to see one when reporting a bug)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from screening.central import commands, refcommands
from screening.errors import ScreeningError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screening-central",
        description="The Responsible Authority's central service for Returnee Screening.")
    parser.add_argument("--data-dir", help="central's data folder (keys, default database); "
                        "default: SCREENING_CENTRAL_HOME or the user data folder")
    parser.add_argument("--db", metavar="URL", help="database URL, e.g. "
                        "postgresql+psycopg://user@host/db (default: SQLite in the data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _serve(sub)
    sub.add_parser("migrate", help="create or upgrade the database and make central's keys"
                   ).set_defaults(handler=commands.migrate)
    _staff(sub)
    code = sub.add_parser("enrolment-code", help="print a one-time code to enrol a workstation")
    code.add_argument("checkpoint")
    code.add_argument("--hours", type=float, default=24.0, help="valid for (default 24)")
    code.set_defaults(handler=commands.enrolment_code)
    _devices(sub)
    interviews = sub.add_parser("interviews", help="interviews held")
    isub = interviews.add_subparsers(dest="action", metavar="ACTION", required=True)
    ilist = isub.add_parser("list", help="list interviews (no answers)")
    ilist.add_argument("--json", action="store_true")
    ilist.set_defaults(handler=commands.interviews_list)
    imp = sub.add_parser("import", help="ingest a batch file from removable media")
    imp.add_argument("file")
    imp.set_defaults(handler=commands.import_file)
    refcommands.add_parsers(sub)  # publish reference|form|list, matches list|confirm|reject
    return parser


def _serve(sub: argparse._SubParsersAction) -> None:
    serve = sub.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443, help="0 takes a free port")
    serve.add_argument("--tls-cert", help="PEM certificate chain (production)")
    serve.add_argument("--tls-key", help="PEM private key of the certificate")
    serve.set_defaults(handler=commands.serve)


def _staff(sub: argparse._SubParsersAction) -> None:
    staff = sub.add_parser("staff", help="central staff accounts")
    ssub = staff.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = ssub.add_parser("add", help="add a staff account (password from "
                          "SCREENING_CENTRAL_PASSWORD or asked twice)")
    add.add_argument("name")
    add.add_argument("--role", choices=("viewer", "admin"), default="viewer",
                     help="console rights: viewer looks, admin also revokes and enrols "
                     "(default viewer)")
    add.set_defaults(handler=commands.staff_add)
    role = ssub.add_parser("role", help="change a staff account's console role")
    role.add_argument("name")
    role.add_argument("role", choices=("viewer", "admin"))
    role.set_defaults(handler=commands.staff_role)


def _devices(sub: argparse._SubParsersAction) -> None:
    devices = sub.add_parser("devices", help="enrolled workstations")
    dsub = devices.add_subparsers(dest="action", metavar="ACTION", required=True)
    dlist = dsub.add_parser("list", help="list workstations, with sequence gaps")
    dlist.add_argument("--json", action="store_true")
    dlist.set_defaults(handler=commands.devices_list)
    revoke = dsub.add_parser("revoke", help="refuse every later batch of a workstation")
    revoke.add_argument("device_id")
    revoke.set_defaults(handler=commands.devices_revoke)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0 if args.command is None else 2
    try:
        return int(args.handler(args) or 0)
    except ScreeningError as error:
        print(f"error: {error.message} [{error.code}]", file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        print(f"error: the database refused: {type(error).__name__}: "
              f"{str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: a message, not a traceback
        if os.environ.get("SCREENING_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}\nRun again with "
              "SCREENING_DEBUG=1 for details and report it to IT support.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
