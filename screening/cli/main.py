"""Entry point of the ``screening`` command. Every failure becomes a message and an exit code,
never a traceback (set ``SCREENING_DEBUG=1`` to see one when reporting a bug)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from screening import __version__, commandline
from screening.cli import forms_cmd, notices_cmd, reports_cmd, store_cmd, sync_cmd

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
  screening --lang sq slip TIA-261123-3F9A1C -o slip.pdf --as SUPERVISOR
        the same command with its messages in Albanian
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="screening", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version",
                        version=f"Returnee Screening {__version__}")
    store_cmd.add_global_options(parser)
    parser.add_argument("--lang", dest="messages_lang", choices=("en", "sq"), default="en",
                        help="the language of the command's messages: en (the default) or sq "
                             "(shqip); give it before the command")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    forms_cmd.register(commands)
    store_cmd.register(commands)
    reports_cmd.register(commands)
    sync_cmd.register(commands)
    notices_cmd.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    return commandline.run(build_parser(), argv)


if __name__ == "__main__":
    sys.exit(main())
