"""The quarterly statistics report (PDF, A4 landscape): the seven tables of
docs/questionnaire-standard.md §5 with row and column totals and a chart of outcomes by checkpoint.

Titles and notes are in both languages; the names in the tables are in ``lang``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from screening.errors import ReportError
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.reports.answers import checkpoint_name, format_date
from screening.reports.chart import outcomes_chart
from screening.reports.csvexport import printed
from screening.reports.labels import Labeller
from screening.reports.layout import (
    ACCENT,
    FILL,
    MUTED,
    RULE,
    band,
    content_width,
    field_table,
    footer,
    markup,
    para,
    render,
)
from screening.reports.period import QUARTER
from screening.reports.statistics import Facts, Quarter, Statistics, compute
from screening.reports.suppression import Masked
from screening.reports.trend import trend
from screening.reports.wording import LANGUAGES, both, word

PAGE = landscape(A4)
WIDTH = content_width(PAGE)
ROW_LABEL = 70 * mm


def build_quarterly_report(facts: Iterable[Facts | Mapping[str, Any]], quarter: Quarter | str,
                           form: Form, reference: Reference, *, checkpoint: str | None = None,
                           suppress_below: int | None = None, lang: str = "sq") -> bytes:
    """Count ``facts`` (see :mod:`screening.reports.statistics`) and lay out the report."""
    statistics = compute(facts, quarter, checkpoint=checkpoint,
                         checkpoints=tuple(reference.checkpoints))
    return render_quarterly(statistics, form, reference, suppress_below=suppress_below,
                            lang=lang, with_trend=True)


def render_quarterly(statistics: Statistics, form: Form, reference: Reference, *,
                     suppress_below: int | None = None, lang: str = "sq",
                     uncounted: int = 0, with_trend: bool = False) -> bytes:
    """The report of ``statistics``; ``uncounted`` interviews of the period could not be
    counted (their personal data was purged) and the first page says so. ``with_trend`` adds
    the trend over eight quarters: only when ``statistics`` was counted from the interviews
    since :func:`screening.reports.trend.trend_start` (else earlier quarters would show 0)."""
    if lang not in LANGUAGES:
        raise ReportError(code="language_unknown", lang=lang)
    names = Labeller(form, reference, lang)
    masks = printed(statistics, suppress_below)
    story = _cover(statistics, reference, suppress_below, lang, masks["t1"].text(-1, -1),
                   uncounted)
    if statistics.interviews:
        story += _chart(masks["chart"], names)
        for table in statistics.tables:
            if table.id in masks:  # the case registry's tables: central's only
                story += _table(masks[table.id], names)
        if with_trend:
            story += _table(trend(statistics, suppress_below), names)
    notice = f"{both('quarterly_title')} {statistics.quarter}"
    return render(story, title=f"{both('quarterly_title')} {statistics.quarter}",
                  on_page=footer(notice), pagesize=PAGE)


def _cover(statistics: Statistics, reference: Reference, k: int | None,
           lang: str, counted: str, uncounted: int) -> list[Flowable]:
    quarter = statistics.quarter
    last_day = quarter.end - dt.timedelta(days=1)
    period = f"{format_date(quarter.start)} – {format_date(last_day)}"
    where = checkpoint_name(reference, statistics.checkpoint, lang) if statistics.checkpoint \
        else word("all_checkpoints", lang)
    kind = "quarter" if quarter.kind == QUARTER else "period"
    rows = [[_both_label(kind), para(f"{quarter}   ({period})", "strong")],
            [_both_label("checkpoint"), para(where, "strong")],
            [_both_label("interviews_counted"), para(counted, "strong")]]
    story = [markup(escape(word("quarterly_title", "sq")).upper(), "title"),
             para(f"{word('quarterly_title', 'en')}  ·  {word('authority', lang)}", "subtitle"),
             Spacer(1, 4 * mm), field_table(rows, [ROW_LABEL, WIDTH - ROW_LABEL]),
             Spacer(1, 3 * mm), _both_note("counting_note")]
    if uncounted:
        story.append(_both_note("uncounted_note", n=uncounted))
    story.append(_both_note("registry_note" if statistics.registry
                            else "registry_central_only"))
    if k:
        story.append(_both_note("suppression_note", k=k, k1=k - 1))
    if not statistics.interviews:
        place = {x: word("empty_where", x) if statistics.checkpoint else "" for x in LANGUAGES}
        story += [Spacer(1, 8 * mm)] + [para(word("empty_quarter", x).format(where=place[x]),
                                             "big") for x in LANGUAGES]
    return story


def _chart(masked: Masked, names: Labeller) -> list[Flowable]:
    drawing = outcomes_chart(masked, names, WIDTH)
    parts = [Spacer(1, 5 * mm), band(word("chart", "sq"), WIDTH, word("chart", "en")),
             Spacer(1, 2 * mm), drawing]
    if masked.hidden:
        parts.append(para(both("chart_hidden", "  ·  "), "muted"))
    return [KeepTogether(parts)]


def _table(masked: Masked, names: Labeller) -> list[Flowable]:
    table = masked.table
    header = _header(table.column_kinds, table.columns, names)
    texts = masked.texts()
    labels = [*names.rows(table), word("total", names.lang)]
    body = [[para(label, "small"), *[para(t, "number") for t in line]]
            for label, line in zip(labels, texts, strict=True)]
    numbers = len(table.columns) + 1
    # a wide table (all eleven sectors are printed under disclosure control) gets a narrower
    # name column, so that its headings are not broken inside words
    label = max(45 * mm, min(ROW_LABEL, WIDTH - numbers * 18 * mm))
    width = min(22 * mm, (WIDTH - label) / numbers)
    grid = Table([*header, *body], colWidths=[label] + [width] * numbers,
                 repeatRows=len(header), hAlign="LEFT")
    grid.setStyle(_table_style(len(header), header_spans(table.column_kinds, table.columns)))
    title = [CondPageBreak(40 * mm), band(word(table.id, "sq"), WIDTH),
             para(word(table.id, "en"), "muted"), Spacer(1, 1.5 * mm)]
    return [*title, grid, Spacer(1, 6 * mm)]


def _header(kinds: tuple[str, ...], columns: tuple[Any, ...], names: Labeller) -> list[list]:
    total = markup(f"<b>{escape(word('total', names.lang))}</b>", "colhead")
    if len(kinds) == 2:  # e.g. adults/children over sexes: a spanning first line
        first: list[Paragraph | str] = [para("", "small")]
        previous = object()
        for column in columns:
            first.append(para(names.part(kinds[0], column[0]), "grouphead")
                         if column[0] != previous else "")
            previous = column[0]
        second = [""] + [para(names.part(kinds[1], c[1]), "colhead") for c in columns]
        return [[*first, total], [*second, ""]]
    return [[""] + [para(names.part(kinds[0], c[0]), "colhead") for c in columns] + [total]]


def header_spans(kinds: tuple[str, ...], columns: tuple[Any, ...]) -> list[tuple[int, int]]:
    """(first, last) column index of each run of equal first parts, for a two-line header."""
    if len(kinds) != 2:
        return []
    spans, start = [], 0
    for index in range(1, len(columns) + 1):
        if index == len(columns) or columns[index][0] != columns[start][0]:
            spans.append((start + 1, index))
            start = index
    return spans


def _table_style(header_rows: int, spans: list[tuple[int, int]]) -> TableStyle:
    commands: list[Any] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), FILL),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ("LINEBELOW", (0, header_rows), (-1, -2), 0.3, RULE),
        ("BACKGROUND", (-1, header_rows), (-1, -1), FILL),
        ("BACKGROUND", (0, -1), (-1, -1), FILL),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
    for first, last in spans:
        commands += [("SPAN", (first, 0), (last, 0)),
                     ("LINEBELOW", (first, 0), (last, 0), 0.3, MUTED)]
    if header_rows == 2:
        commands.append(("SPAN", (-1, 0), (-1, 1)))
    return TableStyle(commands)


def _both_label(key: str) -> Flowable:
    return markup(f"{escape(word(key, 'sq'))}<br/><font size='7' color='{MUTED.hexval()}'>"
                  f"{escape(word(key, 'en'))}</font>", "label")


def _both_note(key: str, **values: Any) -> Flowable:
    sq, en = (word(key, x).format(**values) for x in LANGUAGES)
    return markup(f"{escape(sq)}<br/><font color='{MUTED.hexval()}'>{escape(en)}</font>",
                  "small")
