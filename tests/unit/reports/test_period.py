"""Periods: a quarter, a half-year or a year, and the quarters they are made of."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.errors import PeriodError, QuarterError
from screening.reports.period import HALF, QUARTER, YEAR, Period, parse_period, quarters_before
from screening.reports.statistics import compute
from screening.reports.trend import trend, trend_start
from tests.unit.reports.stats_fixture import fixture_facts


@pytest.mark.parametrize(("text", "kind", "start", "end", "shown"), [
    ("2026Q3", QUARTER, dt.date(2026, 7, 1), dt.date(2026, 10, 1), "2026Q3"),
    (" 2026h2 ", HALF, dt.date(2026, 7, 1), dt.date(2027, 1, 1), "2026H2"),
    ("2026H1", HALF, dt.date(2026, 1, 1), dt.date(2026, 7, 1), "2026H1"),
    ("2026", YEAR, dt.date(2026, 1, 1), dt.date(2027, 1, 1), "2026")])
def test_periods(text, kind, start, end, shown):
    period = parse_period(text)
    assert (period.kind, period.start, period.end, str(period)) == (kind, start, end, shown)
    quarters = period.quarters()
    assert quarters[0].start == start and quarters[-1].end == end
    assert all(q.kind == QUARTER for q in quarters)


def test_a_year_has_two_halves_and_four_quarters():
    year = parse_period("2026")
    assert [str(h) for h in year.halves()] == ["2026H1", "2026H2"]
    assert [str(q) for q in year.quarters()] == ["2026Q1", "2026Q2", "2026Q3", "2026Q4"]
    assert parse_period("2026Q2").halves() == ()


@pytest.mark.parametrize("bad", ["2026H3", "2026H0", "2026Q5", "2026-3", "H2 2026", "", None,
                                 "0000", 2026])
def test_bad_period_is_a_clear_error(bad):
    with pytest.raises(PeriodError) as raised:
        parse_period(bad)
    assert isinstance(raised.value, QuarterError)  # one error: the callers catch either name
    assert "2026H2" in raised.value.message


def test_quarters_before_cross_the_year():
    assert [str(q) for q in quarters_before(Period(2026, 2), 3)] == ["2025Q4", "2026Q1",
                                                                      "2026Q2"]
    assert trend_start(parse_period("2026H2")) == dt.date(2025, 1, 1)


def test_a_half_year_counts_both_its_quarters():
    half = compute(fixture_facts(), "2026H2")
    assert half.interviews == compute(fixture_facts(), "2026Q3").interviews + \
        compute(fixture_facts(), "2026Q4").interviews
    for whole, q3, q4 in zip(half.tables, compute(fixture_facts(), "2026Q3").tables,
                             compute(fixture_facts(), "2026Q4").tables, strict=True):
        assert whole.total == q3.total + q4.total


def test_the_trend_counts_eight_quarters_with_totals():
    table = trend(compute(fixture_facts(), "2026Q4"), None).table
    assert [r[0] for r in table.rows] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1",
                                          "2026Q2", "2026Q3", "2026Q4"]
    assert [table.row_total(r) for r in table.rows][-3:] == [2, 44, 1]
    assert table.total == 47


def test_the_protected_trend_hides_what_each_quarter_hides():
    masked = trend(compute(fixture_facts(), "2026Q4"), 5)
    grid = masked.grid
    for i, line in enumerate(grid[:-1]):
        for j, n in enumerate(line):
            assert (i, j) in masked.hidden or n == 0 or n >= 5
    # a total over the quarters is printed only when its whole column is
    for j in range(len(grid[0])):
        column_hidden = any((i, j) in masked.hidden for i in range(len(grid) - 1))
        assert ((len(grid) - 1, j) in masked.hidden) == column_hidden
