"""The document commands: ``slip``, ``record`` and ``report quarterly``.

Each reads the store, builds the PDF with ``screening.reports``, records in the audit log that
personal data left the store, and only then writes the file — atomically and readable by its
owner only, because every one of these files holds personal data or small counts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from screening import paperwork
from screening.atomicfile import free_target, free_targets, write_output
from screening.cli.store_cmd import add_command, add_group, data_dir_of, open_session
from screening.errors import ReportError
from screening.reports.period import parse_period
from screening.reports.wording import LANGUAGES
from screening.sync.forms import workstation_catalogue


def register(commands: argparse._SubParsersAction) -> None:
    slip = add_command(commands, "slip", "print the referral slip of an interview "
                       "(supervisors only)", run_slip, who="SUPERVISOR")
    _interview_argument(slip)
    _output_options(slip)
    record = add_command(commands, "record", "print the full record of an interview for the "
                         "case file", run_record)
    _interview_argument(record)
    _output_options(record)
    _language_option(record)
    report = add_group(commands, "report", "statistics reports")
    quarterly = add_command(report, "quarterly", "the quarterly statistics of this station "
                            "(supervisors only)", run_quarterly, who="SUPERVISOR")
    quarterly.add_argument("quarter", metavar="PERIOD",
                           help="a quarter (2026Q3), a half-year (2026H2) or a year (2026)")
    quarterly.add_argument("--checkpoint", metavar="CODE", help="only this checkpoint")
    quarterly.add_argument("--suppress-below", metavar="K", type=int,
                           help="hide counts below K (at least 2) for outside partners")
    _output_options(quarterly)
    quarterly.add_argument("--csv", metavar="DIR", type=Path,
                           help="also write every table as a CSV file into this folder")
    quarterly.add_argument("--xlsx", metavar="FILE.xlsx", type=Path,
                           help="also write every table into this Excel workbook")
    _language_option(quarterly)
    leaflet = add_command(commands, "leaflet", "print the information leaflet for returnees "
                          "(Albanian and English, from the reference data in use)",
                          run_leaflet, who=None)
    leaflet.add_argument("--as", dest="as_user", metavar="USER",
                         help="log in to print the words the Responsible Authority published "
                              "last (their signature is checked with central's key, kept in "
                              "the store); without it, the words this program ships")
    _output_options(leaflet)


def _interview_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID", help="the interview's id or case reference")


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True,
                        help="the PDF file to write")
    parser.add_argument("--force", action="store_true", help="replace files that exist")


def _language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default="sq",
                        help="the language of the document (default: sq)")


# ----- handlers ------------------------------------------------------------------------------

def run_slip(args: argparse.Namespace) -> int:
    target = _free(args.output, args.force)
    with open_session(args) as session:
        document = paperwork.slip(session, args.id)
    _notes(document)
    _write(target, document.pdf)
    print(f"referral slip {document.case_reference} written to {target}")
    return 0


def run_record(args: argparse.Namespace) -> int:
    target = _free(args.output, args.force)
    with open_session(args) as session:
        document = paperwork.record(session, args.id, args.lang)
    _notes(document)
    _write(target, document.pdf)
    print(f"interview record {document.case_reference} written to {target}")
    return 0


def run_leaflet(args: argparse.Namespace) -> int:
    target = _free(args.output, args.force)
    if args.as_user:
        with open_session(args) as session:
            reference = session.forms.reference()
    else:
        reference = workstation_catalogue(data_dir_of(args), None).reference()
    document = paperwork.leaflet(reference)
    _write(target, document.pdf)
    print(f"information leaflet written to {target}")
    return 0


def run_quarterly(args: argparse.Namespace) -> int:
    quarter = parse_period(args.quarter)  # before the password: a typo costs nothing
    if args.suppress_below is not None and args.suppress_below < 2:
        raise ReportError(code="suppression_invalid", minimum=2)
    target = _free(args.output, args.force)
    workbook = _free(args.xlsx, args.force) if args.xlsx else None
    with open_session(args) as session:
        # the checkpoints central signed are known only once the store is open
        paperwork.known_checkpoint(args.checkpoint, session.forms.reference())
        document = paperwork.quarterly(session, quarter, checkpoint=args.checkpoint,
                                       suppress_below=args.suppress_below, lang=args.lang,
                                       with_csv=bool(args.csv), with_xlsx=bool(workbook))
    csv_paths = _free_csv(args.csv, document.tables, args.force)
    _write(target, document.pdf)
    for path, content in zip(csv_paths, document.tables.values(), strict=True):
        _write(path, content)
    if workbook:
        _write(workbook, document.xlsx)
    print(f"quarterly report {quarter}: {document.interviews} interview(s), written to "
          f"{target}" + (f"; {len(document.tables)} CSV file(s) in {args.csv}"
                         if document.tables else "")
          + (f"; workbook {workbook}" if workbook else ""))
    if document.uncounted:
        print(f"note: {document.uncounted} interview(s) of {quarter} are not counted: their "
              "personal data was purged under retention", file=sys.stderr)
    return 0


def _notes(document: paperwork.Document) -> None:
    for note in document.notes:
        print(f"note: {note}", file=sys.stderr)


# ----- files ---------------------------------------------------------------------------------

def _free(path: Path, force: bool) -> Path:
    return free_target(path, force)


def _free_csv(folder: Path | None, tables: dict[str, bytes], force: bool) -> list[Path]:
    return free_targets(folder, tables, force)


def _write(path: Path, content: bytes) -> None:
    write_output(path, content)
