"""The statistics on central's data, for any period: the report PDF, its tables as CSV files
(a zip) or one workbook, each built only when it is asked for, and the count of a period's
interviews. The console and ``screening-central report`` both come here."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from sqlalchemy import Engine

from screening.central.cases.documents import Document
from screening.central.cases.forms import standard_form
from screening.central.repeats.candidates import repeat_ids
from screening.central.staff.scope import EVERYWHERE, Scope
from screening.central.statistics import queries
from screening.central.statistics.charts import Chart, stacked
from screening.central.statistics.dashboard import Weekly, weekly
from screening.central.statistics.registry import with_registry
from screening.reports.csvexport import printed, tables_csv
from screening.reports.htcds import anonymised, export_csv
from screening.reports.labels import Labeller
from screening.reports.quarterly import render_quarterly
from screening.reports.registrytables import STAY_TABLE
from screening.reports.statistics import (
    Quarter,
    Statistics,
    compute,
    facts_from_mapping,
    mark_repeats,
)
from screening.reports.suppression import Masked
from screening.reports.trend import trend_start
from screening.reports.wording import word
from screening.reports.xlsxexport import sheet_number, tables_xlsx


def report_pdf(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
               suppress_below: int | None, lang: str, scope: Scope = EVERYWHERE) -> Document:
    form, reference = standard_form()
    statistics = _statistics(engine, quarter, checkpoint, scope)
    pdf = render_quarterly(statistics, form, reference, suppress_below=suppress_below,
                           lang=lang, with_trend=True)
    return Document(pdf, f"statistics_{quarter}{_suffix(checkpoint)}_{lang}.pdf")


def tables_zip(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
               suppress_below: int | None, lang: str, scope: Scope = EVERYWHERE) -> Document:
    tables = tables_files(engine, quarter, checkpoint=checkpoint,
                          suppress_below=suppress_below, lang=lang, scope=scope)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(tables.items()):
            archive.writestr(name, content)
    return Document(buffer.getvalue(),
                    f"statistics_{quarter}{_suffix(checkpoint)}_{lang}_csv.zip")


def tables_files(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
                 suppress_below: int | None, lang: str, scope: Scope = EVERYWHERE
                 ) -> dict[str, bytes]:
    """File name -> CSV bytes of every table."""
    form, reference = standard_form()
    return tables_csv(_statistics(engine, quarter, checkpoint, scope), form, reference,
                      suppress_below=suppress_below, lang=lang)


def workbook(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
             suppress_below: int | None, lang: str, scope: Scope = EVERYWHERE) -> Document:
    form, reference = standard_form()
    book = tables_xlsx(_statistics(engine, quarter, checkpoint, scope), form, reference,
                       suppress_below=suppress_below, lang=lang)
    return Document(book, f"statistics_{quarter}{_suffix(checkpoint)}_{lang}.xlsx")


def htcds_csv(engine: Engine, period: Quarter, *, checkpoint: str | None,
              scope: Scope = EVERYWHERE) -> Document:
    """The anonymised case-level export of the period's possible victims (k = 11)."""
    statistics = _statistics(engine, period, checkpoint, scope)
    chosen = [f for f in statistics.source if f.interview_date in period]
    export = anonymised(chosen)
    return Document(export_csv(export), f"htcds_{period}{_suffix(checkpoint)}.csv",
                    notes=[f"{export.left_out} left out"] if export.left_out else [])


@dataclass(frozen=True)
class ShownTable:
    """A table as the console shows it: its words in the page's language, its cells as
    printed (with disclosure control when k is given), totals last."""

    id: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    chart: Chart | None = None  # drawn above the table (table 19: the lengths of stay)


def shown_tables(engine: Engine, period: Quarter, *, checkpoint: str | None,
                 suppress_below: int | None, lang: str, scope: Scope = EVERYWHERE
                 ) -> tuple[list[ShownTable], Chart]:
    """Every table of the report for the page, and the chart of outcomes by checkpoint."""
    form, reference = standard_form()
    statistics = _statistics(engine, period, checkpoint, scope)
    names = Labeller(form, reference, lang)
    total = word("total", lang)
    masks = printed(statistics, suppress_below)
    shown = []
    for tid in sorted(masks, key=sheet_number):
        masked = masks[tid]
        labels = [*names.rows(masked.table), total]
        shown.append(ShownTable(tid, names.title(masked.table),
                                (*names.columns(masked.table), total),
                                tuple(zip(labels, map(tuple, masked.texts()), strict=True)),
                                _stay_chart(masked, names) if tid == STAY_TABLE else None))
    chart = masks["chart"]
    outcomes = [names.part("outcome", c[0]) for c in chart.table.columns]
    texts = chart.texts()
    rows = [(label, [int(t) if t.isdigit() else None for t in line[:-1]], line[-1])
            for label, line in zip(names.rows(chart.table), texts, strict=False)]
    return shown, stacked(word("chart", lang), rows, outcomes)


def _stay_chart(masked: Masked, names: Labeller) -> Chart:
    """Table 19's column totals as two bars, actual and anticipated stays, cut by length
    (hidden totals are not drawn)."""
    table, totals = masked.table, masked.texts()[-1]
    printed_total = dict(zip(table.columns, totals, strict=False))
    bands = list(dict.fromkeys(band for _basis, band in table.columns))
    rows = []
    for basis in dict.fromkeys(basis for basis, _band in table.columns):
        values = [printed_total.get((basis, band)) for band in bands]
        numbers = [int(v) if v is not None and v.isdigit() else None for v in values]
        known = [n for n in numbers if n is not None]
        rows.append((names.part("stay_basis", basis), numbers,
                     str(sum(known)) if len(known) == len(numbers) else "x"))
    return stacked(names.title(table), rows, [names.part("stay", band) for band in bands])


def dashboard(engine: Engine, period: Quarter, checkpoint: str | None,
              scope: Scope = EVERYWHERE) -> Weekly:
    _form, reference = standard_form()
    with engine.connect() as conn:
        facts = [facts_from_mapping(f) for f in queries.quarter_facts(
            conn, period.start.isoformat(), period.end.isoformat(), scope).values()]
    chosen = [f for f in facts if checkpoint is None or f.checkpoint == checkpoint]
    return weekly(chosen, period.start, period.end, reference.checkpoints)


def interviews_in(engine: Engine, quarter: Quarter, checkpoint: str | None,
                  scope: Scope = EVERYWHERE) -> int:
    """Interviews at central started in ``quarter`` (at ``checkpoint``) that can be counted."""
    with engine.connect() as conn:
        facts = queries.quarter_facts(conn, quarter.start.isoformat(), quarter.end.isoformat(),
                                      scope)
    return sum(1 for f in facts.values() if checkpoint is None or f.get("checkpoint") == checkpoint)


def _statistics(engine: Engine, quarter: Quarter, checkpoint: str | None, scope: Scope
                ) -> Statistics:
    """Counted from every checkpoint's interviews, whoever asks: a report is protected together
    with the national reports and the other checkpoints' (disclosure.protect), so an account
    limited to checkpoints gets the very report anyone gets for one of them — never one over
    its part alone, which no audit covers and whose pattern beside the others could give
    small counts away."""
    if not scope.allows(checkpoint):
        raise ValueError("the report of a checkpoint outside the account's scope")
    _form, reference = standard_form()
    with engine.connect() as conn:  # from the trend's first quarter: the PDF shows eight
        by_id = {iid: facts_from_mapping(f) for iid, f in
                 queries.quarter_facts(conn, trend_start(quarter).isoformat(),
                                       quarter.end.isoformat()).items()}
        facts = mark_repeats(with_registry(conn, by_id), repeat_ids(conn, by_id))
    return compute(facts, quarter, checkpoint=checkpoint,
                   checkpoints=tuple(reference.checkpoints), registry=True)


def _suffix(checkpoint: str | None) -> str:
    return f"_{checkpoint}" if checkpoint else ""
