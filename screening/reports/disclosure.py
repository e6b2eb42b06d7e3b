"""Disclosure control of the published statistics: secondary suppression audited by a solver.

The method (docs/statistics.md, "Disclosure control", says why): every count from 1 to k−1 is
hidden (primary suppression), then more cells are hidden (secondary suppression) until an
attacker who knows *everything published* — every table of the report and the equations between
them, the same report for each checkpoint, and the reports of the quarters a half-year or a year
is made of — still cannot narrow any hidden small count below the protection interval
``0 … k−1``: the solver (screening/reports/audit.py) can make it 0, and it can make it k−1.
Hidden cells are all printed ``x``; zeros are hidden too where that protects a small count, so an
``x`` never tells that someone is there.

Reports are protected bottom-up so that the same report always comes out the same: a
checkpoint's quarter depends on that checkpoint's interviews of that quarter only; a half-year or
a year is protected with its quarters' (and halves') published patterns fixed, and a national
report with its checkpoints' patterns fixed; only the report being made gets more cells hidden.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from screening.errors import ReportError
from screening.reports.audit import System, reaching
from screening.reports.period import QUARTER, YEAR, Period
from screening.reports.registrytables import NOT_SUSPECTED, SHELTER_TABLES
from screening.reports.shape import OTHER, other_key, published, shown_rows
from screening.reports.statistics import (
    GROUPS,
    SEXES,
    VICTIM_OUTCOMES,
    Facts,
    Key,
    Statistics,
    Table,
    compute,
)
from screening.reports.suppression import Masked, close_bridges

TOTAL: Key = ("*total*",)
REST = "*rest*"  # the interviews of no listed checkpoint: in the national report only, never shown
PublishedCell = tuple[Key, Key]  # (row or TOTAL, column or TOTAL) of a published table
_ROUNDS = 40


@dataclass
class Report:
    """One report of the family, as published: its tables and which cells are hidden."""

    period: Period
    checkpoint: str | None
    tables: dict[str, Table]  # the published shape (rows folded)
    data: dict[str, Table]  # the same counts before folding (the true rows)
    hidden: dict[str, set[PublishedCell]] = field(default_factory=dict)
    shown: bool = True  # False for REST: nothing of it is published

    def value(self, table: str, cell: PublishedCell) -> int:
        t = self.tables[table]
        row, column = cell
        if row == TOTAL and column == TOTAL:
            return t.total
        if row == TOTAL:
            return t.column_total(column)
        if column == TOTAL:
            return t.row_total(row)
        return t.count(row, column)


def cells_of(table: Table) -> list[PublishedCell]:
    rows, columns = [*table.rows, TOTAL], [*table.columns, TOTAL]
    return [(r, c) for r in rows for c in columns]


def masked(report: Report, k: int) -> dict[str, Masked]:
    """The report's tables as printed, in Table.grid() coordinates (every hidden cell is
    secondary: all print ``x``)."""
    out = {}
    for tid, table in report.tables.items():
        rows, columns = [*table.rows, TOTAL], [*table.columns, TOTAL]
        hidden = frozenset((rows.index(r), columns.index(c)) for r, c in report.hidden[tid])
        out[tid] = Masked(table, table.grid(), k, frozenset(), hidden)
    return out


class Protector:
    """Protects the reports of one set of interviews, each once (memoised)."""

    def __init__(self, facts: Sequence[Facts], k: int, checkpoints: Sequence[str]) -> None:
        self.facts, self.k, self.checkpoints = list(facts), k, tuple(checkpoints)
        self.done: dict[tuple[Period, str | None], Report] = {}

    def report(self, period: Period, checkpoint: str | None) -> Report:
        key = (period, checkpoint)
        if key not in self.done:
            children = self._children(period, checkpoint)
            target = self._fresh(period, checkpoint)
            fixed: list[Report] = []
            for child in children:
                fixed += [r for r in self._family(child) if all(r is not f for f in fixed)]
            _secure(target, fixed, self.k)
            self.done[key] = target
        return self.done[key]

    def _children(self, period: Period, checkpoint: str | None) -> list[Report]:
        parts = [*period.halves(), *period.quarters()] if period.kind != QUARTER else []
        children = [self.report(p, checkpoint) for p in parts]
        if checkpoint is None:
            for code in self._codes():
                children.append(self.report(period, code))
            children.append(self._rest(period))
        return children

    def _family(self, report: Report) -> list[Report]:
        """The report and every report it was protected against (they are all published)."""
        found = [report]
        if report.shown:
            for child in self._children(report.period, report.checkpoint):
                found += [r for r in self._family(child) if all(r is not f for f in found)]
        return found

    def _codes(self) -> list[str]:
        present = {f.checkpoint for f in self.facts if f.checkpoint in self.checkpoints}
        return [c for c in self.checkpoints if c in present]

    def _fresh(self, period: Period, checkpoint: str | None) -> Report:
        stats = compute(self.facts, period, checkpoint=checkpoint,
                        checkpoints=(checkpoint,) if checkpoint else self.checkpoints)
        data = {t.id: t for t in (*stats.tables, stats.chart)}
        tables = {tid: published(t, self.k) for tid, t in data.items()}
        report = Report(period, checkpoint, tables, data)
        for tid, table in tables.items():
            report.hidden[tid] = _initial(table, self.k)
        return report

    def _rest(self, period: Period) -> Report:
        key = (period, REST)
        if key not in self.done:
            rest = [f for f in self.facts if f.checkpoint not in self.checkpoints]
            stats = compute(rest, period, checkpoints=())
            data = {t.id: t for t in (*stats.tables, stats.chart)}
            tables = {tid: published(t, self.k) for tid, t in data.items()}
            hidden = {tid: set(cells_of(t)) for tid, t in tables.items()}
            self.done[key] = Report(period, REST, tables, data, hidden, shown=False)
        return self.done[key]


def _initial(table: Table, k: int) -> set[PublishedCell]:
    """Primary suppression and the single-table secondary suppression (suppression.py)."""
    grid = table.grid()
    hidden = {(i, j) for i, line in enumerate(grid) for j, n in enumerate(line) if 0 < n < k}
    close_bridges(grid, hidden)
    rows, columns = [*table.rows, TOTAL], [*table.columns, TOTAL]
    return {(rows[i], columns[j]) for i, j in hidden}


# ----- the loop --------------------------------------------------------------------------------

def _secure(target: Report, fixed: list[Report], k: int) -> None:
    family = [target, *fixed]
    escalation, integral = 0, False
    # Hiding more cells only takes equations away, so a count the audit cleared stays clear:
    # each round asks again about the weak ones only (every small count is hidden from the
    # start, by primary suppression). The whole-number audit starts over with all of them.
    weak = exposed(family, k, integral)
    for _ in range(_ROUNDS):
        if not weak and not integral:  # the linear relaxation is fast; whole numbers decide
            integral = True
            weak = exposed(family, k, integral)
        if not weak:
            break
        before = _size(target)
        for _report, tid, cell in weak:
            _cover(target, tid, cell, k)
        while _size(target) == before and escalation < len(_ESCALATION):
            # no rectangle left to close around them: hide more of the report, step by step
            _ESCALATION[escalation](target, {tid for _report, tid, _cell in weak})
            escalation += 1
        if _size(target) == before:
            break
        weak = exposed(family, k, integral, among=weak)
    else:
        weak = exposed(family, k, True)
    if weak:  # never publish what the audit could not clear
        _hide_everything(target, set())
    _publish_implied(target, family, k)


def _hide_tables(target: Report, tables: set[str]) -> None:
    for tid in tables:
        target.hidden[tid] = set(cells_of(target.tables[tid]))


# the tables that share totals with a table (see _links): hidden together when a weak cell's
# own table can hide no more
_PARTNERS = {"t1": {"t2", "chart"}, "t2": {"t1", "t3", "t4", "t5", "t6", "chart"},
             "t3": {"t2", "chart"}, "t4": {"t2", "t5", "t6"}, "t5": {"t2", "t4", "t6"},
             "t6": {"t2", "t4", "t5"}, "t7": {"t1"}, "chart": {"t1", "t2", "t3"},
             "t9": {"t1", "t3"}, "t10": {"t1"}, "t12": {"t1"}, "t13": {"t1"}, "t14": {"t1"},
             "t15": {"t1"}, "t16": {"t1"},
             # the case registry's (central only): the shelter tables count the same people;
             # table 22 the victims of tables 2 and 6 and those the screening missed
             "t18": {"t19", "t20", "t21"}, "t19": {"t18", "t20", "t21"},
             "t20": {"t18", "t19", "t21"}, "t21": {"t18", "t19", "t20"},
             "t22": {"t2", "t6", "t1"}}


def _hide_partners(target: Report, tables: set[str]) -> None:
    _hide_tables(target, {p for tid in tables for p in _PARTNERS.get(tid, ())} | tables)


def _hide_margins(target: Report, _tables: set[str]) -> None:
    """Every row and column total but the grand totals: the links between the tables go
    through them."""
    for tid, table in target.tables.items():
        target.hidden[tid] |= {cell for cell in cells_of(table)
                               if TOTAL in cell and cell != (TOTAL, TOTAL)}


def _hide_everything(target: Report, _tables: set[str]) -> None:
    _hide_tables(target, set(target.tables))


_ESCALATION = (_hide_tables, _hide_partners, _hide_margins, _hide_everything)


def _size(report: Report) -> int:
    return sum(map(len, report.hidden.values()))


def exposed(family: list[Report], k: int, integral: bool = True,
            among: list[tuple[Report, str, PublishedCell]] | None = None
            ) -> list[tuple[Report, str, PublishedCell]]:
    """The hidden small counts (1..k−1) whose range, given everything published in ``family``,
    does not reach both 0 and k−1 (of those ``among``, when given)."""
    system, expression = model(family, k)
    if among is None:
        targets = [(r, tid, cell) for r in family if r.shown for tid in r.tables
                   for cell in sorted(r.hidden[tid], key=repr) if 0 < r.value(tid, cell) < k]
    else:
        targets = list(among)
    found = reaching(system, [expression(r, tid, cell) for r, tid, cell in targets], 0, k - 1,
                     integral=integral)
    return [t for t, ok in zip(targets, found, strict=True) if not ok]


def _publish_implied(target: Report, family: list[Report], k: int) -> None:
    """Print the hidden cells whose value the rest gives away anyway (no secret in them)."""
    system, expression = model(family, k)
    targets = [(tid, cell) for tid in target.tables for cell in sorted(target.hidden[tid],
                                                                        key=repr)
               if not 0 < target.value(tid, cell) < k]
    values = [target.value(tid, cell) for tid, cell in targets]
    expressions = [expression(target, tid, cell) for tid, cell in targets]
    lower = reaching(system, expressions, [v - 1 for v in values], values)
    higher = reaching(system, expressions, values, [v + 1 for v in values])
    for (tid, cell), down, up in zip(targets, lower, higher, strict=True):
        if not down and not up:
            target.hidden[tid].discard(cell)


def _cover(target: Report, tid: str, cell: PublishedCell, k: int) -> None:
    """Hide three more cells of ``target``'s table ``tid`` that close a rectangle with
    ``cell``, the cheapest that lets the count move down to 0 and up to k−1."""
    table = target.tables[tid]
    rows, columns = [*table.rows, TOTAL], [*table.columns, TOTAL]
    row, column = cell
    if row not in rows or column not in columns:
        row = other_key(row) if row != TOTAL and other_key(row) in rows else TOTAL
    hidden = target.hidden[tid]
    hidden.add((row, column))
    value = target.value(tid, (row, column))
    best, best_cost = None, None
    for r in rows:
        for c in columns:
            if r == row or c == column:
                continue
            new = {(row, c), (r, column), (r, c)} - hidden
            if not new:
                continue
            cost = sum(target.value(tid, x) + 1 + 40 * (TOTAL in x) for x in new)
            if target.value(tid, (r, c)) < value and TOTAL not in (r, c):
                cost += 20  # the opposite corner must be able to give up the count
            if best_cost is None or cost < best_cost:
                best, best_cost = new, cost
    if best:
        hidden.update(best)


# ----- the attacker's equations -----------------------------------------------------------------

def model(family: list[Report], k: int):  # noqa: ANN201 - (System, expression function)
    """The linear system an attacker has: an unknown per true cell of every report, the
    printed counts as equations, and the equations that tie tables and reports together."""
    system = System()
    fine = _fine_rows(family, k)
    var: dict[tuple[int, str, Key, Key], int] = {}

    def rows_of(report: Report, tid: str) -> list[Key]:
        table = report.tables[tid]
        return fine[tid] if table.open_rows else list(table.rows)

    for index, report in enumerate(family):
        for tid, table in report.tables.items():
            for f in rows_of(report, tid):
                for c in table.columns:
                    var[(index, tid, f, c)] = system.unknown()
    position = {id(r): i for i, r in enumerate(family)}

    def cell_terms(report: Report, tid: str, f: Key, c: Key) -> dict[int, float]:
        v = var.get((position[id(report)], tid, f, c))
        return {v: 1.0} if v is not None else {}

    def expression(report: Report, tid: str, cell: PublishedCell) -> dict[int, float]:
        table = report.tables[tid]
        row, column = cell
        shown = shown_rows(report.data[tid], k) if table.open_rows else set()
        if row == TOTAL:
            members = rows_of(report, tid)
        elif table.open_rows and row[0] == OTHER:
            members = [f for f in fine[tid] if f not in shown and other_key(f) == row]
        else:
            members = [row]
        columns = table.columns if column == TOTAL else [column]
        terms: dict[int, float] = {}
        for f in members:
            for c in columns:
                terms.update(cell_terms(report, tid, f, c))
        return terms

    for report in family:
        _links(system, report, expression)  # true of every report, published or not
        if not report.shown:
            if report.tables["t1"].total == 0:
                # the national table 1 prints the interviews of no listed checkpoint (its "not
                # recorded" row): when it is 0, a reader knows every table of theirs is empty,
                # also those tied to table 1 by no total (children from Greece, referrals)
                for (index, _tid, _row, _column), v in var.items():
                    if family[index] is report:
                        system.equation({v: 1.0}, 0.0)
            continue
        for tid, table in report.tables.items():
            for cell in cells_of(table):
                if cell not in report.hidden[tid]:
                    system.equation(expression(report, tid, cell), report.value(tid, cell))
    _sums(system, family, var, position, rows_of)
    return system, expression


def _fine_rows(family: list[Report], k: int) -> dict[str, list[Key]]:
    """For the tables whose rows the data names: every row some report shows, then the
    'other' rows (everything shown nowhere)."""
    fine: dict[str, list[Key]] = {}
    for report in family:
        for tid, table in report.data.items():
            if table.open_rows:
                rows = fine.setdefault(tid, [])
                for r in sorted(shown_rows(table, k), key=repr):
                    if r not in rows:
                        rows.append(r)
    for tid, rows in fine.items():
        others = [r for r in family[0].tables[tid].rows if r[0] == OTHER]
        fine[tid] = [*rows, *others]
    return fine


def _links(system: System, report: Report, expression) -> None:  # noqa: ANN001
    """The tables of one report count the same interviews: their shared totals are equal."""
    t = report.tables

    def e(tid: str, row: Key, column: Key) -> dict[int, float]:
        return expression(report, tid, (row, column))

    def equal(a: dict[int, float], b: dict[int, float]) -> None:
        system.equation(_minus(a, b), 0.0)

    everyone = [(tid, TOTAL, TOTAL) for tid in ("t1", "t2", "t3", "t7", "chart", *_EVERYONE)
                if tid in t]
    for other in everyone[1:]:
        equal(e(*everyone[0]), e(*other))
    for column in t["t1"].columns:  # adults/children × sex of everyone
        equal(e("t1", TOTAL, column), e("t2", TOTAL, column))
        if column[0] == "child" and "t12" in t:  # the children's table by sex
            equal(e("t1", TOTAL, column), e("t12", TOTAL, column[1:]))
    for group in GROUPS:  # adults, children: table 1's columns of the group added up
        of_group = _sum(e("t1", TOTAL, c) for c in t["t1"].columns if c[0] == group)
        for tid in _BY_GROUP:
            if tid in t:
                equal(of_group, e(tid, TOTAL, (group,)))
    if "t9" in t:  # how processed: by action
        for row in t["t3"].rows:
            equal(e("t3", row, TOTAL), e("t9", row, TOTAL))
    if "t18" in t:  # the case registry's tables (screening/reports/registrytables.py)
        for tid in SHELTER_TABLES[1:]:  # the people accommodated, once each
            equal(e(SHELTER_TABLES[0], TOTAL, TOTAL), e(tid, TOTAL, TOTAL))
        # table 22 less those the screening missed is table 6 — with the registry; without
        # it (a workstation: table 22 empty and unpublished) there is no such equation
        for group in GROUPS if t["t22"].total or not t["t6"].total else ():
            equal(_minus(e("t22", TOTAL, (group,)), e("t22", (NOT_SUSPECTED,), (group,))),
                  _sum(e("t6", TOTAL, c) for c in t["t6"].columns if c[0] == group))

    for row in t["t1"].rows:  # by checkpoint
        equal(e("t1", row, TOTAL), e("chart", row, TOTAL))
    for row in t["t2"].rows:  # by outcome
        equal(e("t2", row, TOTAL), e("t3", TOTAL, row))
        equal(e("t2", row, TOTAL), e("chart", TOTAL, row))
    victims = _sum(e("t2", (o,), TOTAL) for o in VICTIM_OUTCOMES)
    for tid in ("t4", "t5", "t6"):
        equal(e(tid, TOTAL, TOTAL), victims)
    for column in t["t6"].columns:  # victims by adults/children × sex
        equal(e("t6", TOTAL, column), _sum(e("t2", (o,), column) for o in VICTIM_OUTCOMES))
    for sex in (*SEXES, None):  # victims by sex: table 4's rows against table 6
        rows = [r for r in t["t4"].rows if r[1] == sex]
        equal(_sum(e("t4", r, TOTAL) for r in rows),
              _sum(e("t6", TOTAL, c) for c in t["t6"].columns if c[1] == sex))


# the plan's tables that count every interview of the report once, by adults/children (tables
# 9-16 but 11 and 12, which count children by sex; table 17 counts referrals)
_EVERYONE = ("t9", "t10", "t13", "t14", "t15", "t16")
_BY_GROUP = _EVERYONE


def _sums(system: System, family: list[Report], var: dict, position: dict,
          rows_of) -> None:  # noqa: ANN001
    """A national report is the sum of its checkpoints' (and the rest); a half-year or a year
    the sum of its quarters; a year also of its halves."""
    by_key = {(r.period, r.checkpoint): r for r in family}
    for whole in family:
        parts_lists: list[list[Report | None]] = []
        if whole.checkpoint is None:
            parts_lists.append([r for r in family if r.period == whole.period
                                and r.checkpoint is not None])
        if whole.period.kind != QUARTER:
            parts_lists.append([by_key.get((q, whole.checkpoint))
                                for q in whole.period.quarters()])
        if whole.period.kind == YEAR:
            parts_lists.append([by_key.get((h, whole.checkpoint))
                                for h in whole.period.halves()])
        for maybe in parts_lists:
            parts = [p for p in maybe if p is not None]
            if not parts or len(parts) < len(maybe):
                continue  # not all parts are in the family: no equation to write
            for tid, table in whole.tables.items():
                keys = {(f, c) for report in (whole, *parts) for f in rows_of(report, tid)
                        for c in table.columns}
                for f, c in keys:
                    terms: dict[int, float] = {}
                    v = var.get((position[id(whole)], tid, f, c))
                    if v is not None:
                        terms[v] = 1.0
                    for part in parts:
                        w = var.get((position[id(part)], tid, f, c))
                        if w is not None:
                            terms[w] = terms.get(w, 0.0) - 1.0
                    system.equation(terms, 0.0)


def _sum(parts: Iterable[dict[int, float]]) -> dict[int, float]:
    total: dict[int, float] = {}
    for part in parts:
        for v, c in part.items():
            total[v] = total.get(v, 0.0) + c
    return total


def _minus(a: dict[int, float], b: dict[int, float]) -> dict[int, float]:
    out = dict(a)
    for v, c in b.items():
        out[v] = out.get(v, 0.0) - c
    return out


def protect(statistics: Statistics, k: int) -> dict[str, Masked]:
    """Table id -> the table as published with disclosure control, for the report
    ``statistics`` describes (its period and checkpoint, from the interviews it was counted
    from).

    A single checkpoint's half-year or year is refused: published beside the national
    quarters it narrows small counts that no suppression of its own can widen again
    (docs/statistics.md, "known gap"), so it is published nationally only, or unsuppressed
    for the Responsible Authority's own use."""
    if statistics.checkpoint is not None and statistics.period.kind != QUARTER:
        raise ReportError(code="checkpoint_period_unprotected", period=str(statistics.period),
                          checkpoint=statistics.checkpoint)
    codes = tuple(row[0] for row in statistics.chart.rows if row[0] is not None)
    protector = _protector(statistics.source, k, codes)
    return masked(protector.report(statistics.period, statistics.checkpoint), k)


@functools.lru_cache(maxsize=4)
def _protector(source: tuple[Facts, ...], k: int, codes: tuple[str, ...]) -> Protector:
    # the PDF and the CSV files of one report are made from the same interviews: protect once
    return Protector(source, k, codes)
