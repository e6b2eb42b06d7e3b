"""The ``screening-central`` command: serve, migrate, staff, enrolment codes, devices,
interviews, import, publish, matches. Every failure is a message and an exit code, never a
traceback (set ``SCREENING_DEBUG=1`` to see one when reporting a bug)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from sqlalchemy.exc import SQLAlchemyError

from screening.central.cli import batches, devices, reference, repeats, serve, staff
from screening.errors import ScreeningError

# in the order ``--help`` lists them
GROUPS = (serve, staff, devices, batches, reference, repeats)


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
