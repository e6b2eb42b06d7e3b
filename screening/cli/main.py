"""Entry point of the ``screening`` command. Every failure becomes a message and an exit code,
never a traceback (set ``SCREENING_DEBUG=1`` to see one when reporting a bug)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from screening import __version__
from screening.cli import forms_cmd, reports_cmd, store_cmd, sync_cmd
from screening.errors import ScreeningError

DESCRIPTION = """\
Returnee Screening — the standardized returnee questionnaire for Albania's border police.

Common tasks:
  screening forms check forms/returnee_screening.yaml
        check a questionnaire definition before it is used
  screening forms evaluate forms/returnee_screening.yaml --answers answers.json --lang en
        score a set of answers and explain the outcome
  screening slip TIA-261123-3F9A1C -o slip.pdf --as SUPERVISOR
        print the referral slip of an interview
  screening report quarterly 2026Q3 -o 2026Q3.pdf --csv tables --as SUPERVISOR
        the quarterly statistics, with every table as CSV
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screening", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version",
                        version=f"Returnee Screening {__version__}")
    store_cmd.add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    forms_cmd.register(commands)
    store_cmd.register(commands)
    reports_cmd.register(commands)
    sync_cmd.register(commands)
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
        print(f"error: {error.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:  # the last line of defence: a message, not a traceback
        if os.environ.get("SCREENING_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}\n"
              "Nothing was changed. Please report this message to the IT support desk "
              "(run again with SCREENING_DEBUG=1 for details).", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
