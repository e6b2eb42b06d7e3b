"""Disclosure control of the published statistics: secondary suppression audited by a solver.

The method (docs/statistics.md, "Disclosure control", says why): every count from 1 to k−1 is
hidden (primary suppression), then more cells are hidden (secondary suppression) until an
attacker who knows *everything published* — every table of the report and the equations between
them, the same report for each checkpoint, and the reports of the quarters a half-year or a year
is made of — still cannot narrow any hidden small count below the protection interval
``0 … k−1``: the solver (screening/reports/audit.py) can make it 0, and it can make it k−1.
Hidden cells are all printed ``x``; zeros are hidden too where that protects a small count, so an
``x`` never tells that someone is there.

Reports are protected in one order so that the same report always comes out the same: a
checkpoint's quarter depends on that checkpoint's interviews of that quarter only; every other
report is protected against every report made before it that it is tied to by an equation (the
national quarter against the checkpoints' quarters; a checkpoint's half-year or year against all
the reports of its quarters and halves, national ones included, and the same period of the
checkpoints before it; the national one against all of those), with their published patterns
fixed; only the report being made gets more cells hidden (docs/statistics.md, "Families").
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from screening.errors import ReportError
from screening.reports.audit import Reduced, Store, System, reaching, reduce
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
    """Protects the reports of one set of interviews, each once (memoised), each against every
    report published before it that shares an equation with it (its family)."""

    def __init__(self, facts: Sequence[Facts], k: int, checkpoints: Sequence[str]) -> None:
        self.facts, self.k, self.checkpoints = list(facts), k, tuple(checkpoints)
        self.done: dict[tuple[Period, str | None], Report] = {}
        self.families: dict[tuple[Period, str | None], list[Report]] = {}

    def report(self, period: Period, checkpoint: str | None) -> Report:
        key = (period, checkpoint)
        if key not in self.done:
            earlier = self._earlier(period, checkpoint)
            target = self._fresh(period, checkpoint)
            for parts in (period.quarters(), period.halves()) if period.kind != QUARTER else ():
                if parts:
                    _follow(target, [self.report(part, checkpoint) for part in parts])
            fixed: list[Report] = []
            for report in earlier:
                fixed += [r for r in self._family(report) if all(r is not f for f in fixed)]
            _secure(target, fixed, self.k)
            self.done[key] = target
            self.families[key] = [target, *fixed]
        return self.done[key]

    def _earlier(self, period: Period, checkpoint: str | None) -> list[Report]:
        """The reports made (and published) before this one that share equations with it, in
        the order they are made: every report of its quarters (and halves), each checkpoint's
        before the national one; for the national report, the checkpoints' of its own period;
        for a checkpoint's half-year or year, the checkpoints' before it in the list (they are
        tied to it through the national quarters). A checkpoint's quarter has none: it
        depends on that checkpoint's interviews of that quarter only."""
        codes = self._codes()
        earlier: list[Report] = []
        if period.kind != QUARTER:
            for part in (*period.quarters(), *period.halves()):
                earlier += [self.report(part, code) for code in codes]
                earlier.append(self.report(part, None))
        if checkpoint is None:
            earlier += [self.report(period, code) for code in codes]
            earlier.append(self._rest(period))
        elif period.kind != QUARTER:
            before = codes[:codes.index(checkpoint)] if checkpoint in codes else codes
            earlier += [self.report(period, code) for code in before]
        return earlier

    def _family(self, report: Report) -> list[Report]:
        """The report and every report it was protected against (they are all published)."""
        return self.families.get((report.period, report.checkpoint), [report])

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


def _follow(target: Report, parts: list[Report]) -> None:
    """Hide in a half-year or a year, to start with, every cell hidden in exactly one of its
    quarters (or halves): printed, it would give that cell away by subtraction (the audit
    would find it, one round later and at the price of a solve for each)."""
    for tid, table in target.tables.items():
        cells = set(cells_of(table))
        seen: dict[PublishedCell, int] = {}
        for part in parts:
            for cell in part.hidden[tid] & cells:
                seen[cell] = seen.get(cell, 0) + 1
        target.hidden[tid] |= set(seen)


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
    attack = Attack(family, k)
    escalation = 0
    # Hiding more cells only takes equations away, so a count the audit cleared stays clear:
    # each round asks again about the weak ones only (every small count is hidden from the
    # start, by primary suppression). Each audit is in whole numbers (audit.reaching asks the
    # linear relaxation first, and whole-number solves only where it must).
    weak = exposed(attack)
    for _ in range(_ROUNDS):
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
        weak = exposed(attack, among=weak)
    else:
        weak = exposed(attack)
    if weak:  # never publish what the audit could not clear
        _hide_everything(target, set())
    _publish_implied(attack)


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


def exposed(attack: Attack, integral: bool = True,
            among: list[tuple[Report, str, PublishedCell]] | None = None
            ) -> list[tuple[Report, str, PublishedCell]]:
    """The hidden small counts (1..k−1) whose range, given everything published in the
    attack's family, does not reach both 0 and k−1 (of those ``among``, when given)."""
    k = attack.k
    if among is None:
        targets = [(r, tid, cell) for r in attack.family if r.shown for tid in r.tables
                   for cell in sorted(r.hidden[tid], key=repr) if 0 < r.value(tid, cell) < k]
    else:
        targets = list(among)
    found = reaching(attack.system(), [attack.expression(r, tid, cell)
                                       for r, tid, cell in targets], 0, k - 1,
                     integral=integral, store=attack.store)
    return [t for t, ok in zip(targets, found, strict=True) if not ok]


def _publish_implied(attack: Attack) -> None:
    """Print the hidden cells whose value the rest gives away anyway (no secret in them): those
    the linear relaxation pins already (then whole numbers do too)."""
    target, k = attack.family[0], attack.k
    targets = [(tid, cell) for tid in target.tables for cell in sorted(target.hidden[tid],
                                                                        key=repr)
               if not 0 < target.value(tid, cell) < k]
    values = [target.value(tid, cell) for tid, cell in targets]
    expressions = [attack.expression(target, tid, cell) for tid, cell in targets]
    system = attack.system()
    # a count of 0 cannot go lower: only the others are asked
    some = [i for i, v in enumerate(values) if v > 0]
    lower = [False] * len(values)
    for i, down in zip(some, reaching(system, [expressions[i] for i in some],
                                      [values[i] - 1 for i in some],
                                      [values[i] for i in some], store=attack.store),
                             strict=True):
        lower[i] = down
    higher = reaching(system, expressions, values, [v + 1 for v in values], store=attack.store)
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

class Attack:
    """The linear system an attacker has about a family (its first report the one being
    protected): an unknown per true cell of every report, the printed counts as equations, and
    the equations that tie tables and reports together. Built once per family: between the
    rounds of the protection loop only the first report's printed cells change, so everything
    else is written, and reduced (audit.reduce), once."""

    def __init__(self, family: list[Report], k: int) -> None:
        self.family, self.k = family, k
        self.fine = _fine_rows(family, k)
        self.var: dict[tuple[int, str, Key, Key], int] = {}
        self.position = {id(r): i for i, r in enumerate(family)}
        self._expressions: dict[tuple[int, str, PublishedCell], dict[int, float]] = {}
        self._shown = {(i, tid): shown_rows(report.data[tid], k)
                       for i, report in enumerate(family) for tid, table in report.tables.items()
                       if table.open_rows}
        fixed = System()
        for index, report in enumerate(family):
            for tid, table in report.tables.items():
                for f in self.rows_of(report, tid):
                    for c in table.columns:
                        self.var[(index, tid, f, c)] = fixed.unknown()
        for index, report in enumerate(family):
            _links(fixed, report, self.expression)  # true of every report, published or not
            if not report.shown:
                if report.tables["t1"].total == 0:
                    # the national table 1 prints the interviews of no listed checkpoint (its
                    # "not recorded" row): when it is 0, a reader knows every table of theirs
                    # is empty, also those tied to table 1 by no total (children from Greece,
                    # referrals)
                    for (i, _tid, _row, _column), v in self.var.items():
                        if i == index:
                            fixed.equation({v: 1.0}, 0.0)
                continue
            if index:
                self._printed(fixed, report)
        _sums(fixed, family, self.var, self.position, self.rows_of)
        self.fixed = reduce(fixed)
        truth = self._truth(fixed)
        self.store = Store(truth) if truth is not None else None

    def _truth(self, system: System) -> list[float] | None:
        """The true count of every unknown, if it checks with every equation (else the audit
        does without the solutions it keeps)."""
        truth = [0.0] * len(system.lower)
        for index, report in enumerate(self.family):
            for tid, data in report.data.items():
                table = report.tables[tid]
                for row in data.rows:
                    for column in table.columns:
                        v = self.var.get((index, tid, row, column))
                        if v is None and table.open_rows:
                            v = self.var.get((index, tid, other_key(row), column))
                        n = data.count(row, column)
                        if v is None:
                            if n:
                                return None
                            continue
                        truth[v] += n
        for terms, constant in system.equations:
            if abs(sum(c * truth[v] for v, c in terms.items()) - constant) > 1e-6:
                return None
        return truth

    def rows_of(self, report: Report, tid: str) -> list[Key]:
        table = report.tables[tid]
        return self.fine[tid] if table.open_rows else list(table.rows)

    def expression(self, report: Report, tid: str, cell: PublishedCell) -> dict[int, float]:
        index = self.position[id(report)]
        key = (index, tid, cell)
        found = self._expressions.get(key)
        if found is None:
            found = self._expressions[key] = self._expression(index, report, tid, cell)
        return found

    def _expression(self, index: int, report: Report, tid: str, cell: PublishedCell
                    ) -> dict[int, float]:
        table = report.tables[tid]
        row, column = cell
        if row == TOTAL:
            members = self.rows_of(report, tid)
        elif table.open_rows and row[0] == OTHER:
            shown = self._shown[(index, tid)]
            members = [f for f in self.fine[tid] if f not in shown and other_key(f) == row]
        else:
            members = [row]
        columns = table.columns if column == TOTAL else [column]
        terms: dict[int, float] = {}
        for f in members:
            for c in columns:
                v = self.var.get((index, tid, f, c))
                if v is not None:
                    terms[v] = 1.0
        return terms

    def _printed(self, system: System, report: Report) -> None:
        for tid, table in report.tables.items():
            hidden = report.hidden[tid]
            for cell in cells_of(table):
                if cell not in hidden:
                    system.equation(self.expression(report, tid, cell), report.value(tid, cell))

    def system(self) -> Reduced:
        """Everything published, the first report's cells as they are hidden now."""
        printed = System(self.fixed.system.lower, [])
        self._printed(printed, self.family[0])
        return reduce(printed, self.fixed)


def model(family: list[Report], k: int) -> tuple[Reduced, Callable[..., dict[int, float]]]:
    """The attacker's (reduced) system about ``family`` and the expression of a printed cell."""
    attack = Attack(family, k)
    return attack.system(), attack.expression


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

    A checkpoint's half-year or year is tied to the national quarters (and halves), which hold
    the other checkpoints' interviews: it is protected with them, from every checkpoint's
    interviews (``statistics.population``). Without those it is refused rather than published
    unaudited."""
    codes = statistics.checkpoints or tuple(
        row[0] for row in statistics.chart.rows if row[0] is not None)
    if statistics.checkpoint is None or statistics.period.kind == QUARTER:
        source = statistics.population or statistics.source
    elif statistics.population and statistics.checkpoint in codes:
        source = statistics.population
    else:
        raise ReportError(code="checkpoint_period_unprotected", period=str(statistics.period),
                          checkpoint=statistics.checkpoint)
    protector = _protector(source, k, codes)
    return masked(protector.report(statistics.period, statistics.checkpoint), k)


@functools.lru_cache(maxsize=4)
def _protector(source: tuple[Facts, ...], k: int, codes: tuple[str, ...]) -> Protector:
    # the PDF and the CSV files of one report are made from the same interviews: protect once
    return Protector(source, k, codes)
