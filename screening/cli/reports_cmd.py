"""The document commands: ``slip``, ``record`` and ``report quarterly``.

Each reads the store, builds the PDF with ``screening.reports``, records in the audit log that
personal data left the store, and only then writes the file — atomically and readable by its
owner only, because every one of these files holds personal data or small counts."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from screening.cli.store_cmd import add_command, add_group, open_session
from screening.errors import ReportError, ScreeningError
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.reports.csvexport import tables_csv
from screening.reports.quarterly import render_quarterly
from screening.reports.record import build_record
from screening.reports.slip import build_slip
from screening.reports.statistics import (
    Facts,
    Quarter,
    compute,
    facts_from_interview,
    parse_quarter,
)
from screening.reports.wording import LANGUAGES
from screening.store.assessments import standard_form
from screening.store.atomicfile import write_atomic
from screening.store.session import StoreSession


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
    quarterly.add_argument("quarter", metavar="QUARTER", help="for example 2026Q3")
    quarterly.add_argument("--checkpoint", metavar="CODE", help="only this checkpoint")
    quarterly.add_argument("--suppress-below", metavar="K", type=int,
                           help="hide counts below K (at least 2) for outside partners")
    _output_options(quarterly)
    quarterly.add_argument("--csv", metavar="DIR", type=Path,
                           help="also write every table as a CSV file into this folder")
    _language_option(quarterly)


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
        session.check_allowed("slip_printed")  # an officer is refused before anything is read
        data = session.document_data(args.id)
        if data["status"] in ("draft", "returned_for_correction"):
            # a slip hands the person over to an organisation: only on a finished interview
            raise ReportError(f"interview {data['case_reference']} is not finalised; finalise "
                              "it before printing the referral slip", code="not_finalised")
        form, reference = _form_for(data)
        pdf = build_slip(data, form, reference)
        session.record_event("slip_printed", data["id"])
    _write(target, pdf)
    print(f"referral slip {data['case_reference']} written to {target}")
    return 0


def run_record(args: argparse.Namespace) -> int:
    target = _free(args.output, args.force)
    with open_session(args) as session:
        session.check_allowed("record_printed")
        data = session.document_data(args.id)
        trail = session.interview_audit(data["id"])
        form, reference = _form_for(data)
        pdf = build_record(data, form, reference, audit=trail, lang=args.lang)
        session.record_event("record_printed", data["id"])
    _write(target, pdf)
    print(f"interview record {data['case_reference']} written to {target}")
    return 0


def run_quarterly(args: argparse.Namespace) -> int:
    quarter = parse_quarter(args.quarter)  # before the password: a typo costs nothing
    if args.suppress_below is not None and args.suppress_below < 2:
        raise ReportError("--suppress-below must be at least 2", code="suppression_invalid")
    target = _free(args.output, args.force)
    form, reference = standard_form()
    checkpoint = _checkpoint(args.checkpoint, reference)
    with open_session(args) as session:
        session.check_allowed("report_exported")
        statistics = compute(_facts(session, quarter, form, reference), quarter,
                             checkpoint=checkpoint, checkpoints=tuple(reference.checkpoints))
        pdf = render_quarterly(statistics, form, reference, suppress_below=args.suppress_below,
                               lang=args.lang)
        tables = tables_csv(statistics, form, reference, suppress_below=args.suppress_below,
                            lang=args.lang) if args.csv else {}
        csv_paths = _free_csv(args.csv, tables, args.force)
        session.record_export("report_exported", {
            "quarter": str(quarter), "checkpoint": checkpoint,
            "suppress_below": args.suppress_below, "interviews": statistics.interviews,
            "csv": bool(tables)})
    _write(target, pdf)
    for path, content in zip(csv_paths, tables.values(), strict=True):
        _write(path, content)
    print(f"quarterly report {quarter}: {statistics.interviews} interview(s), written to "
          f"{target}" + (f"; {len(tables)} CSV file(s) in {args.csv}" if tables else ""))
    return 0


# ----- data ----------------------------------------------------------------------------------

def _form_for(data: dict[str, Any]) -> tuple[Form, Reference]:
    form, reference = standard_form()
    if data["form_id"] != form.id:
        raise ReportError(f"the interview was made with the form {data['form_id']!r}, which "
                          "this program does not have", code="form_unknown")
    if data["form_version"] != form.version:
        # later versions only add to the form; the answers still print, but say so
        print(f"note: the interview used form version {data['form_version']}; printed with "
              f"version {form.version}", file=sys.stderr)
    return form, reference


def _facts(session: StoreSession, quarter: Quarter, form: Form,
           reference: Reference) -> Iterator[Facts]:
    for record in session.interviews_started_between(quarter.start, quarter.end):
        yield facts_from_interview(record.answers, form, reference,
                                   started_at=_local(record.created_at))


def _local(moment: str) -> dt.datetime:
    # the engine works in the station's local time, without a zone, as the officer saw it
    return dt.datetime.fromisoformat(moment).astimezone().replace(tzinfo=None)


def _checkpoint(code: str | None, reference: Reference) -> str | None:
    if code is None:
        return None
    wanted = code.strip().upper()
    if wanted not in reference.checkpoints:
        raise ReportError(f"unknown checkpoint {code!r}; the codes are "
                          f"{', '.join(reference.checkpoints)}", code="checkpoint_unknown")
    return wanted


# ----- files ---------------------------------------------------------------------------------

def _free(path: Path, force: bool) -> Path:
    """``path`` if a file may be written there; checked before any work is done."""
    if path.is_dir():
        raise ScreeningError(f"{path} is a folder; give a file name", code="output_invalid")
    if not path.parent.is_dir():
        raise ScreeningError(f"the folder {path.parent} does not exist", code="output_invalid")
    if path.exists() and not force:
        raise ScreeningError(f"{path} already exists; choose another name or add --force",
                             code="output_exists")
    return path


def _free_csv(folder: Path | None, tables: dict[str, bytes], force: bool) -> list[Path]:
    if folder is None:
        return []
    if folder.exists() and not folder.is_dir():
        raise ScreeningError(f"{folder} is not a folder", code="output_invalid")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ScreeningError(f"cannot create the folder {folder} ({error.strerror})",
                             code="output_invalid") from None
    return [_free(folder / name, force) for name in tables]


def _write(path: Path, content: bytes) -> None:
    try:
        write_atomic(path, content, mode=0o600)
    except OSError as error:
        raise ScreeningError(f"cannot write {path} ({error.strerror}); the audit log records "
                             "the attempt", code="output_failed") from None
