"""``screening-central report PERIOD -o FILE.pdf``: the statistics of central's data from the
command line, with the same tables, disclosure control and files as the console's downloads
(screening/central/statistics/report.py). Everything asked is checked before any work is done,
and the staff audit records the export."""

from __future__ import annotations

import argparse
from pathlib import Path

from screening.atomicfile import free_target, free_targets, write_output
from screening.central.cases.forms import checkpoint_codes
from screening.central.cli import operator
from screening.central.staff import audit
from screening.central.statistics import report
from screening.errors import ReportError
from screening.reports.period import Period, parse_period
from screening.reports.suppression import check_threshold
from screening.reports.wording import LANGUAGES


def add_parsers(sub: argparse._SubParsersAction) -> None:
    made = sub.add_parser("report", help="the statistics report of a period (PDF, CSV, XLSX)")
    made.add_argument("period", metavar="PERIOD",
                      help="a quarter (2026Q3), a half-year (2026H2) or a year (2026)")
    made.add_argument("-o", "--output", metavar="FILE.pdf", type=Path, required=True,
                      help="the PDF file to write")
    made.add_argument("--csv", metavar="DIR", type=Path,
                      help="also write every table as a CSV file into this folder")
    made.add_argument("--xlsx", metavar="FILE.xlsx", type=Path,
                      help="also write every table into this Excel workbook")
    made.add_argument("--htcds", metavar="FILE.csv", type=Path,
                      help="also write the anonymised case-level export (HTCDS field names, "
                           "k-anonymous with k = 11)")
    made.add_argument("--suppress-below", metavar="K",
                      help="disclosure control for outside partners: hide counts below K "
                           "(at least 2)")
    made.add_argument("--checkpoint", metavar="CODE", help="only this checkpoint")
    made.add_argument("--lang", choices=LANGUAGES, default="sq",
                      help="the language of the tables (default: sq)")
    made.add_argument("--force", action="store_true", help="replace files that exist")
    made.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    k = threshold(args.suppress_below)
    code = checkpoint(args.checkpoint)
    target = free_target(args.output, args.force)
    book = free_target(args.xlsx, args.force) if args.xlsx else None
    cases = free_target(args.htcds, args.force) if args.htcds else None
    central = operator.central_of(args)
    try:
        options = {"checkpoint": code, "suppress_below": k, "lang": args.lang}
        pdf = report.report_pdf(central.engine, period, **options)
        tables = report.tables_files(central.engine, period, **options) if args.csv else {}
        csv_paths = free_targets(args.csv, tables, args.force)
        workbook = report.workbook(central.engine, period, **options) if book else None
        export = report.htcds_csv(central.engine, period, checkpoint=code) if cases else None
        audit.record_alone(central.engine, operator.name(), "report_downloaded",
                           f"{period} {code or 'all'}")
        counted = report.interviews_in(central.engine, period, code)
    finally:
        central.close()
    write_output(target, pdf.content)
    for path, content in zip(csv_paths, tables.values(), strict=True):
        write_output(path, content)
    if book and workbook:
        write_output(book, workbook.content)
    if cases and export:
        write_output(cases, export.content)
    print(_summary(period, counted, target, args.csv if tables else None, book))
    if cases and export:
        print(f"anonymised cases in {cases}" + "".join(f"; {n} (too rare to publish)"
                                                      for n in export.notes))
    return 0


def threshold(text: str | None) -> int | None:
    if text is None:
        return None
    value = text.strip()
    if not value.isdigit():
        raise ReportError(f"--suppress-below must be a whole number of at least 2, not "
                          f"{text!r:.20}", code="suppression_invalid")
    check_threshold(int(value))
    return int(value)


def checkpoint(code: str | None) -> str | None:
    if code is None:
        return None
    known = [c for c, _name in checkpoint_codes()]
    wanted = code.strip().upper()
    if wanted not in known:
        raise ReportError(f"unknown checkpoint {code!r:.40}; the codes are {', '.join(known)}",
                          code="checkpoint_unknown")
    return wanted


def _summary(period: Period, counted: int, target: Path, csv: Path | None,
             book: Path | None) -> str:
    parts = [f"statistics report {period}: {counted} interview(s), written to {target}"]
    if csv:
        parts.append(f"CSV files in {csv}")
    if book:
        parts.append(f"workbook {book}")
    return "; ".join(parts)
