"""The ``screening-central`` command: serve, migrate, staff, enrolment codes, devices,
interviews, import, publish, matches, referrals, notices, keys, report. Every failure is a message
and an exit code, never a traceback (set ``SCREENING_DEBUG=1`` to see one when reporting a bug)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from screening import commandline
from screening.central.cli import (
    batches,
    devices,
    keys,
    notices,
    reference,
    referrals,
    repeats,
    report,
    serve,
    staff,
)

# in the order ``--help`` lists them
GROUPS = (serve, staff, devices, batches, reference, repeats, referrals, notices,
          report, keys)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screening-central",
        description="The Responsible Authority's central service for Returnee Screening.")
    parser.add_argument("--data-dir", help="central's data folder (keys, default database); "
                        "default: SCREENING_CENTRAL_HOME or the user data folder")
    parser.add_argument("--db", metavar="URL", help="database URL, e.g. "
                        "postgresql+psycopg://user@host/db (default: SQLite in the data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return commandline.run(build_parser(), argv, show_code=True, explain=_database_refused)


def _database_refused(error: BaseException) -> str | None:
    # the kind of failure only, never the driver's message: it can quote the data it refused
    if isinstance(error, SQLAlchemyError):
        return (f"the database refused the change ({type(error).__name__}); nothing was "
                "changed. Check the database URL and that the schema is current "
                "(screening-central migrate).")
    return None


if __name__ == "__main__":
    sys.exit(main())
