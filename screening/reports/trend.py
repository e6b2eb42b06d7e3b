"""The trend table: interviews per quarter by outcome, over the last eight quarters of a report.

Under disclosure control it publishes nothing new: each quarter's row is printed exactly as that
quarter's own report prints its outcome totals (table 2's row totals) and its number of
interviews, hidden where that report hides them; a column total over the quarters is printed only
when every quarter of its column is (it then follows from them), and so is the grand total.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from screening.reports.disclosure import protect
from screening.reports.period import Period, quarters_before
from screening.reports.statistics import OUTCOMES, Statistics, Table, compute
from screening.reports.suppression import Masked, unmasked

QUARTERS = 8


def trend_start(period: Period) -> dt.date:
    """The first day the trend of a report of ``period`` counts from (the interviews a caller
    must hand over to :func:`screening.reports.statistics.compute`)."""
    return min(period.start, quarters_before(period.last_quarter(), QUARTERS)[0].start)


def trend(statistics: Statistics, k: int | None) -> Masked:
    """The trend table of ``statistics`` (from the interviews it was counted from)."""
    quarters = quarters_before(statistics.period.last_quarter(), QUARTERS)
    codes = tuple(row[0] for row in statistics.chart.rows if row[0] is not None)
    columns = [(o,) for o in OUTCOMES] + [(None,)]
    cells: Counter = Counter()
    each = [compute(statistics.source, q, checkpoint=statistics.checkpoint, checkpoints=codes)
            for q in quarters]
    for quarter, stats in zip(quarters, each, strict=True):
        for column in columns:
            cells[((str(quarter),), column)] = stats.tables[1].row_total(column)
    table = Table("trend", ("quarter",), ("outcome",), tuple((str(q),) for q in quarters),
                  tuple(columns), dict(cells), open_rows=False)
    if not k:
        return unmasked(table)
    hidden = set()
    for i, stats in enumerate(each):
        published = protect(stats, k)["t2"]
        outcome_rows = [published.table.rows.index(c) for c in columns]
        last = len(published.table.columns)
        for j, row in enumerate(outcome_rows):
            if (row, last) in published.hidden:
                hidden.add((i, j))
        if (len(published.table.rows), last) in published.hidden:
            hidden.add((i, len(columns)))
    for j in range(len(columns) + 1):  # the totals over the quarters
        if any((i, j) in hidden for i in range(len(quarters))):
            hidden.add((len(quarters), j))
    return Masked(table, table.grid(), k, frozenset(), frozenset(hidden))
