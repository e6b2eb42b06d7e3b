"""Small-cell suppression: small counts hidden, and no hidden count recoverable from what is
printed. The recovery check here is independent of the implementation: plain linear algebra
over the row and column equations with exact fractions."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.errors import ReportError
from screening.reports.statistics import Facts, Table, compute
from screening.reports.suppression import recoverable, suppress, unmasked
from tests.unit.reports.stats_fixture import fixture_facts


def determined(grid: list[list[int]], hidden: frozenset) -> set:
    """Hidden cells whose value follows from the printed cells by the equations "each row and
    each column adds up to its total" (Gaussian elimination on the unknowns)."""
    cells = sorted(hidden)
    index = {cell: i for i, cell in enumerate(cells)}
    last_row, last_col = len(grid) - 1, len(grid[0]) - 1
    lines = [[(i, j) for j in range(last_col + 1)] for i in range(last_row + 1)] + \
            [[(i, j) for i in range(last_row + 1)] for j in range(last_col + 1)]
    equations = []
    for number, line in enumerate(lines):
        is_row = number <= last_row
        row = [Fraction(0)] * len(cells)
        for i, j in line:
            sign = -1 if (is_row and j == last_col) or (not is_row and i == last_row) else 1
            if (i, j) in index:
                row[index[(i, j)]] += sign
        if any(row):
            equations.append(row)
    # reduced row echelon form
    pivots, rank = [], 0
    for col in range(len(cells)):
        pivot = next((r for r in range(rank, len(equations)) if equations[r][col] != 0), None)
        if pivot is None:
            continue
        equations[rank], equations[pivot] = equations[pivot], equations[rank]
        lead = equations[rank][col]
        equations[rank] = [v / lead for v in equations[rank]]
        for r in range(len(equations)):
            if r != rank and equations[r][col] != 0:
                factor = equations[r][col]
                equations[r] = [a - factor * b for a, b in zip(equations[r], equations[rank],
                                                               strict=True)]
        pivots.append(col)
        rank += 1
    # a cell is determined when some reduced equation involves it alone
    return {cells[c] for r, c in enumerate(pivots)
            if sum(1 for v in equations[r] if v != 0) == 1}


def small_table(rows: list[list[int]]) -> Table:
    keys_r = tuple((f"r{i}",) for i in range(len(rows)))
    keys_c = tuple((f"c{j}",) for j in range(len(rows[0])))
    cells = {(keys_r[i], keys_c[j]): n for i, line in enumerate(rows) for j, n in enumerate(line)
             if n}
    return Table("test", ("x",), ("y",), keys_r, keys_c, cells)


def test_lone_small_cell_gets_company_and_totals_stay_printed():
    masked = suppress(small_table([[1, 10], [10, 10]]), 3)
    assert masked.texts() == [["<3", "x", "11"],
                              ["x", "x", "20"],
                              ["11", "20", "31"]]
    assert not determined(masked.grid, masked.hidden)


def test_table_6_of_the_fixture_with_k_5():
    stats = compute(fixture_facts(), "2026Q3")
    masked = suppress(stats.tables[5], 5)
    # the counts (see test_statistics): every count 1..4 is hidden, and that alone already
    # leaves each hidden count on a cycle of hidden counts: nothing more needs hiding
    assert masked.texts() == [
        ["<5", "<5", "0", "<5", "<5", "<5", "0", "0", "13"],
        ["<5", "0", "0", "0", "<5", "0", "0", "0", "<5"],
        ["0", "<5", "0", "0", "0", "0", "0", "0", "<5"],
        ["5", "6", "0", "<5", "<5", "<5", "0", "0", "18"]]
    assert not masked.secondary
    assert not determined(masked.grid, masked.hidden)


@pytest.mark.parametrize("k", [2, 3, 5, 10])
def test_no_fixture_table_can_be_recovered_from_its_totals(k):
    stats = compute(fixture_facts(), "2026Q3", checkpoints=("TIA", "KKV", "KPS", "DRS", "SAR"))
    for table in (*stats.tables, stats.chart):
        masked = suppress(table, k)
        assert not determined(masked.grid, masked.hidden), table.id
        for i, line in enumerate(masked.grid):
            for j, n in enumerate(line):
                shown = masked.text(i, j)
                assert shown == str(n) or (i, j) in masked.hidden
                if 0 < n < k:
                    assert shown == f"<{k}"


def test_without_suppression_nothing_is_hidden():
    table = compute(fixture_facts(), "2026Q3").tables[2]
    assert unmasked(table).texts() == [[str(n) for n in line] for line in table.grid()]


def test_primary_suppression_alone_would_leak():
    # the reason for secondary suppression: hiding only the 1 gives it away (11 - 10)
    grid = small_table([[1, 10], [10, 10]]).grid()
    assert determined(grid, frozenset({(0, 0)})) == {(0, 0)}
    assert recoverable(grid, frozenset({(0, 0)})) == {(0, 0)}


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 5).flatmap(lambda rows: st.integers(1, 5).flatmap(
    lambda cols: st.lists(st.lists(st.sampled_from([0, 0, 1, 2, 3, 4, 6, 9, 15]),
                                   min_size=cols, max_size=cols),
                          min_size=rows, max_size=rows))),
       st.integers(2, 6))
def test_random_tables_never_leak(rows, k):
    masked = suppress(small_table(rows), k)
    assert not determined(masked.grid, masked.hidden)
    assert all(masked.text(i, j) == f"<{k}" for i, line in enumerate(masked.grid)
               for j, n in enumerate(line) if 0 < n < k)


@pytest.mark.parametrize("k", [0, 1, -3, True, 2.5, "5"])
def test_threshold_must_be_at_least_two(k):
    table = compute([Facts(dt.date(2026, 7, 1))], "2026Q3").tables[0]
    with pytest.raises(ReportError) as raised:
        suppress(table, k)
    assert raised.value.code == "suppression_invalid"
