"""The statistics on central's data, for any period: the report PDF, its tables as CSV files
(a zip) or one workbook, each built only when it is asked for, and the count of a period's
interviews. The console and ``screening-central report`` both come here."""

from __future__ import annotations

import io
import zipfile

from sqlalchemy import Engine

from screening.central.cases.documents import Document
from screening.central.cases.forms import standard_form
from screening.central.repeats.candidates import repeat_ids
from screening.central.statistics import queries
from screening.reports.csvexport import tables_csv
from screening.reports.htcds import anonymised, export_csv
from screening.reports.quarterly import render_quarterly
from screening.reports.statistics import (
    Quarter,
    Statistics,
    compute,
    facts_from_mapping,
    mark_repeats,
)
from screening.reports.trend import trend_start
from screening.reports.xlsxexport import tables_xlsx


def report_pdf(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
               suppress_below: int | None, lang: str) -> Document:
    form, reference = standard_form()
    statistics = _statistics(engine, quarter, checkpoint)
    pdf = render_quarterly(statistics, form, reference, suppress_below=suppress_below,
                           lang=lang, with_trend=True)
    return Document(pdf, f"statistics_{quarter}{_suffix(checkpoint)}_{lang}.pdf")


def tables_zip(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
               suppress_below: int | None, lang: str) -> Document:
    tables = tables_files(engine, quarter, checkpoint=checkpoint,
                          suppress_below=suppress_below, lang=lang)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(tables.items()):
            archive.writestr(name, content)
    return Document(buffer.getvalue(),
                    f"statistics_{quarter}{_suffix(checkpoint)}_{lang}_csv.zip")


def tables_files(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
                 suppress_below: int | None, lang: str) -> dict[str, bytes]:
    """File name -> CSV bytes of every table."""
    form, reference = standard_form()
    return tables_csv(_statistics(engine, quarter, checkpoint), form, reference,
                      suppress_below=suppress_below, lang=lang)


def workbook(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
             suppress_below: int | None, lang: str) -> Document:
    form, reference = standard_form()
    book = tables_xlsx(_statistics(engine, quarter, checkpoint), form, reference,
                       suppress_below=suppress_below, lang=lang)
    return Document(book, f"statistics_{quarter}{_suffix(checkpoint)}_{lang}.xlsx")


def htcds_csv(engine: Engine, period: Quarter, *, checkpoint: str | None) -> Document:
    """The anonymised case-level export of the period's possible victims (k = 11)."""
    statistics = _statistics(engine, period, checkpoint)
    chosen = [f for f in statistics.source if f.interview_date in period]
    export = anonymised(chosen)
    return Document(export_csv(export), f"htcds_{period}{_suffix(checkpoint)}.csv",
                    notes=[f"{export.left_out} left out"] if export.left_out else [])


def interviews_in(engine: Engine, quarter: Quarter, checkpoint: str | None) -> int:
    """Interviews at central started in ``quarter`` (at ``checkpoint``) that can be counted."""
    with engine.connect() as conn:
        facts = queries.quarter_facts(conn, quarter.start.isoformat(), quarter.end.isoformat())
    return sum(1 for f in facts.values() if checkpoint is None or f.get("checkpoint") == checkpoint)


def _statistics(engine: Engine, quarter: Quarter, checkpoint: str | None) -> Statistics:
    _form, reference = standard_form()
    with engine.connect() as conn:  # from the trend's first quarter: the PDF shows eight
        by_id = {iid: facts_from_mapping(f) for iid, f in
                 queries.quarter_facts(conn, trend_start(quarter).isoformat(),
                                       quarter.end.isoformat()).items()}
        facts = mark_repeats(by_id, repeat_ids(conn, by_id))
    return compute(facts, quarter, checkpoint=checkpoint,
                   checkpoints=tuple(reference.checkpoints))


def _suffix(checkpoint: str | None) -> str:
    return f"_{checkpoint}" if checkpoint else ""
