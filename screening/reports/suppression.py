"""Small-cell suppression for statistics given to outside partners (docs/questionnaire-standard.md
§5).

A count from 1 to k−1 is shown as ``<k`` (primary suppression). Hiding those alone is not
enough: with the row and column totals printed, a lone hidden cell in a row is the total minus
the rest. So more cells are hidden (secondary suppression, shown as ``x``) until no hidden value
can be worked out from the printed ones.

The rule used, and why it is enough: every row and every column of the table *including its
totals* is one equation (the cells add up to the total). A hidden cell can be recovered from
those equations exactly when it is a *bridge* in the graph whose nodes are the rows and columns
and whose edges are the hidden cells — i.e. when it lies on no cycle of hidden cells. (A cycle
lets the hidden values move up and down together while every printed total stays the same.) So:

1. hide every cell and every total from 1 to k−1;
2. while a row or column has exactly one hidden entry, also hide its smallest non-zero cell
   (never a total unless nothing else is left) — this keeps the totals printed where it can;
3. if a hidden cell is still a bridge, hide its row total, column total and the grand total
   (or, for a cell in the totals themselves, the matching cells of the largest other row or
   column), which closes a cycle through it; repeat from 2.

Zeros are printed: a count of zero discloses no person. Secondary cells show ``x``, not ``<k``,
because their value may be large.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from screening.errors import ReportError
from screening.reports.statistics import Table

DEFAULT_K = 5
MIN_K = 2  # below 2 nothing would be hidden
Cell = tuple[int, int]  # (row, column) in Table.grid(); the last row and column are totals


@dataclass(frozen=True)
class Masked:
    """A table as printed: counts, with the hidden cells marked."""

    table: Table
    grid: list[list[int]]
    k: int | None
    primary: frozenset[Cell]
    secondary: frozenset[Cell]

    def text(self, row: int, column: int) -> str:
        if (row, column) in self.primary:
            return f"<{self.k}"
        if (row, column) in self.secondary:
            return "x"
        return str(self.grid[row][column])

    def texts(self) -> list[list[str]]:
        return [[self.text(i, j) for j in range(len(line))] for i, line in enumerate(self.grid)]

    @property
    def hidden(self) -> frozenset[Cell]:
        return self.primary | self.secondary


def unmasked(table: Table) -> Masked:
    return Masked(table, table.grid(), None, frozenset(), frozenset())


def suppress(table: Table, k: int = DEFAULT_K) -> Masked:
    """The table with small cells hidden so that none can be recovered from the totals."""
    check_threshold(k)
    grid = table.grid()
    primary = {(i, j) for i, line in enumerate(grid) for j, n in enumerate(line) if 0 < n < k}
    hidden = set(primary)
    close_bridges(grid, hidden)
    return Masked(table, grid, k, frozenset(primary), frozenset(hidden - primary))


def check_threshold(k: object) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or k < MIN_K:
        raise ReportError(code="suppression_invalid", minimum=MIN_K)


def recoverable(grid: list[list[int]], hidden: set[Cell] | frozenset[Cell]) -> set[Cell]:
    """The hidden cells that the printed totals give away (the bridges)."""
    return bridges(hidden)


def bridges(hidden: set[Cell] | frozenset[Cell]) -> set[Cell]:
    """Hidden cells on no cycle of hidden cells, in the graph with rows and columns as nodes
    and hidden cells as edges (Tarjan's bridge search, linear in the number of cells)."""
    neighbours: dict[tuple[str, int], list[tuple[tuple[str, int], Cell]]] = {}
    for cell in hidden:
        row, column = ("r", cell[0]), ("c", cell[1])
        neighbours.setdefault(row, []).append((column, cell))
        neighbours.setdefault(column, []).append((row, cell))
    order: dict[tuple[str, int], int] = {}
    low: dict[tuple[str, int], int] = {}
    found: set[Cell] = set()
    for root in neighbours:
        if root not in order:
            _search(root, neighbours, order, low, found)
    return found


def _search(root: tuple[str, int], neighbours: dict, order: dict, low: dict,
            found: set[Cell]) -> None:
    # iterative depth-first search: a table may have hundreds of rows (countries)
    order[root] = low[root] = len(order)
    stack: list[tuple[Any, Cell | None, Iterator[tuple[Any, Cell]]]] = [
        (root, None, iter(neighbours[root]))]
    while stack:
        node, via, edges = stack[-1]
        advanced = False
        for nxt, cell in edges:
            if cell == via:
                continue
            if nxt in order:
                low[node] = min(low[node], order[nxt])
                continue
            order[nxt] = low[nxt] = len(order)
            stack.append((nxt, cell, iter(neighbours[nxt])))
            advanced = True
            break
        if advanced:
            continue
        stack.pop()
        if stack:
            parent = stack[-1][0]
            low[parent] = min(low[parent], low[node])
            if low[node] > order[parent] and via is not None:  # only the root has no edge
                found.add(via)


def close_bridges(grid: list[list[int]], hidden: set[Cell]) -> None:
    """Hide more cells of ``grid`` until no hidden cell is a bridge (the single-table rule
    above); screening/reports/disclosure.py starts from it."""
    while True:
        _pair_lines(grid, hidden)
        weak = bridges(hidden)
        if not weak:
            return
        before = len(hidden)
        _close_cycle(grid, hidden, min(weak))
        if len(hidden) == before:  # cannot happen for a real table; never loop, never leak
            hidden.update(_nonzero(grid))
            return


def _lines(grid: list[list[int]]) -> list[list[Cell]]:
    rows = [[(i, j) for j in range(len(grid[0]))] for i in range(len(grid))]
    columns = [[(i, j) for i in range(len(grid))] for j in range(len(grid[0]))]
    return rows + columns


def _pair_lines(grid: list[list[int]], hidden: set[Cell]) -> None:
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    changed = True
    while changed:
        changed = False
        for line in _lines(grid):
            if sum(cell in hidden for cell in line) != 1:
                continue
            options = [c for c in line if c not in hidden]
            if not options:
                continue
            # interior before totals, non-zero before zero, then the smallest
            best = min(options, key=lambda c: (c[0] == last_row or c[1] == last_column,
                                               grid[c[0]][c[1]] == 0, grid[c[0]][c[1]], c))
            hidden.add(best)
            changed = True


def _close_cycle(grid: list[list[int]], hidden: set[Cell], cell: Cell) -> None:
    i, j = cell
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    other_row = last_row if i != last_row else _largest(
        [r for r in range(last_row) if r != i], lambda r: grid[r][last_column])
    other_column = last_column if j != last_column else _largest(
        [c for c in range(last_column) if c != j], lambda c: grid[last_row][c])
    if other_row is None or other_column is None:
        hidden.update(_nonzero(grid))  # nothing to pair with: hide every count
        return
    hidden.update({(i, other_column), (other_row, other_column), (other_row, j)})


def _largest(options: list[int], size: Callable[[int], int]) -> int | None:
    return max(options, key=size) if options else None


def _nonzero(grid: list[list[int]]) -> set[Cell]:
    return {(r, c) for r, line in enumerate(grid) for c, n in enumerate(line) if n}
