"""Which rows and columns a table published with disclosure control shows.

A row or column that appears only when the data has it would say on its own that someone is
counted there ("Pakistan · male" in the victims' table). So a published table shows the
standard's rows and columns always (zeros included, "not recorded" included), and of the rows
named by the data (countries) only those with at least k people; the others are added up in one
row "other or not recorded" (per sex in table 4), which is always shown. The counts themselves
are the unpublished table's.
"""

from __future__ import annotations

from collections import Counter

from screening.reports.statistics import Key, Table

OTHER = "other"  # the first part of the folded row's key (labels.py names it)
# every victim has a status, every referral a type, every person of table 22 a formal status
# (or "undecided"), every stay of table 19 a band (or no date yet): no "not recorded" row or
# column
_NEVER_UNRECORDED = {"victim_status", "referral_type", "formal_status", "stay_basis"}


def published(table: Table, k: int) -> Table:
    """``table`` with the rows and columns a published table shows (see the module)."""
    rows, fold = _rows(table, k)
    columns = _columns(table)
    cells: Counter = Counter()
    for (row, column), n in table.cells.items():
        cells[(fold.get(row, row), column)] += n
    return Table(table.id, table.row_kinds, table.column_kinds, tuple(rows), tuple(columns),
                 dict(cells), table.fixed_rows, table.fixed_columns, table.open_rows)


def shown_rows(table: Table, k: int) -> set[Key]:
    """The rows named by the data that ``published`` keeps (at least ``k`` people)."""
    return {r for r in table.rows if r not in table.fixed_rows and table.row_total(r) >= k} \
        if table.open_rows else set()


def other_key(row: Key) -> Key:
    """The folded row a row named by the data is added to: same sex, country "other"."""
    return (OTHER, *row[1:])


def other_rows(table: Table) -> list[Key]:
    if len(table.row_kinds) == 2:  # table 4: country · sex
        from screening.reports.statistics import SEXES
        return [(OTHER, sex) for sex in (*SEXES, None)]
    return [(OTHER,)]


def _rows(table: Table, k: int) -> tuple[list[Key], dict[Key, Key]]:
    if table.open_rows:
        kept = shown_rows(table, k)
        rows = [r for r in table.rows if r in kept]
        fold = {r: other_key(r) for r in table.rows if r not in kept}
        return [*table.fixed_rows, *rows, *other_rows(table)], fold
    rows = list(table.fixed_rows)
    if table.row_kinds[0] not in _NEVER_UNRECORDED:
        rows.append(tuple(None for _ in table.row_kinds))
    rows += [r for r in table.rows if r not in rows]
    return rows, {}


def _columns(table: Table) -> list[Key]:
    columns = list(table.fixed_columns)
    if table.column_kinds[0] in _NEVER_UNRECORDED:
        pass
    elif len(table.column_kinds) == 2:
        firsts = list(dict.fromkeys(c[0] for c in columns))
        columns += [(first, None) for first in firsts]
    else:
        columns.append((None,))
    columns += [c for c in table.columns if c not in columns]
    first_seen: dict = {}
    for index, column in enumerate(columns):
        first_seen.setdefault(column[0], index)
    return sorted(columns, key=lambda c: first_seen[c[0]])
