"""The quarterly statistics on central's data: the report PDF and its tables as CSV files in a
zip, each built only when it is asked for, and the count of a quarter's interviews."""

from __future__ import annotations

import io
import zipfile

from sqlalchemy import Engine

from screening.central.cases.documents import Document
from screening.central.cases.forms import standard_form
from screening.central.repeats.candidates import repeat_ids
from screening.central.statistics import queries
from screening.reports.csvexport import tables_csv
from screening.reports.quarterly import render_quarterly
from screening.reports.statistics import (
    Quarter,
    Statistics,
    compute,
    facts_from_mapping,
    mark_repeats,
)
from screening.reports.trend import trend_start


def report_pdf(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
               suppress_below: int | None, lang: str) -> Document:
    form, reference = standard_form()
    statistics = _statistics(engine, quarter, checkpoint)
    pdf = render_quarterly(statistics, form, reference, suppress_below=suppress_below,
                           lang=lang, with_trend=True)
    return Document(pdf, f"statistics_{quarter}{_suffix(checkpoint)}_{lang}.pdf")


def tables_zip(engine: Engine, quarter: Quarter, *, checkpoint: str | None,
               suppress_below: int | None, lang: str) -> Document:
    form, reference = standard_form()
    statistics = _statistics(engine, quarter, checkpoint)
    tables = tables_csv(statistics, form, reference, suppress_below=suppress_below, lang=lang)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(tables.items()):
            archive.writestr(name, content)
    return Document(buffer.getvalue(),
                    f"statistics_{quarter}{_suffix(checkpoint)}_{lang}_csv.zip")


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
