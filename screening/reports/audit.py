"""What an attacker with a linear-programming solver can work out about hidden counts.

The attacker knows a set of linear equations over unknown whole counts ``x ≥ 0`` (a table's
cells add up to its totals, a national table is the sum of the checkpoints' tables, a year the
sum of its quarters, …) with the printed numbers as constants, and asks the solver for the
smallest and the largest value each hidden count can take. This module answers that question
with HiGHS, one small problem per group of unknowns that share an equation (printed cells cut
the tables into independent pieces, which keeps it fast).

HiGHS is imported here only, and only when an audit runs: the desktop starts without it.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Expression = Mapping[int, float]  # variable -> coefficient


@dataclass
class System:
    """Unknowns 0..n-1 with lower bounds, and equations ``sum(coefficient * x) == constant``."""

    lower: list[float] = field(default_factory=list)
    equations: list[tuple[dict[int, float], float]] = field(default_factory=list)

    def unknown(self, lower: float = 0.0) -> int:
        self.lower.append(lower)
        return len(self.lower) - 1

    def equation(self, terms: Mapping[int, float], constant: float) -> None:
        merged: dict[int, float] = {}
        for variable, coefficient in terms.items():
            merged[variable] = merged.get(variable, 0.0) + coefficient
        merged = {v: c for v, c in merged.items() if c}
        if merged:
            self.equations.append((merged, constant))


def ranges(system: System | Reduced, targets: Sequence[Expression], *,
           integral: bool = False) -> list[tuple[float, float]]:
    """(smallest, largest) value of each target expression over every solution of the system;
    ``math.inf`` when nothing bounds it above. ``integral`` asks for whole-number solutions
    (slower; the tables' equations mostly give whole numbers anyway)."""
    system, known = _reduced(system)
    parts = _components(system)
    found: list[tuple[float, float]] = []
    free_targets: list[Expression] = []
    for target in targets:
        constant = sum(c * known[v] for v, c in target.items() if v in known)
        free_targets.append({v: c for v, c in target.items() if v not in known})
        found.append((constant, constant))
    for variables, indices in _problems(parts, free_targets)[0]:
        answers = _solve(system, variables, [free_targets[i] for i in indices], integral)
        for index, (low, high) in zip(indices, answers, strict=True):
            found[index] = (found[index][0] + low, found[index][1] + high)
    return found


def reaching(system: System | Reduced, targets: Sequence[Expression], low: float | Sequence[float],
             high: float | Sequence[float], *, integral: bool = False,
             store: Store | None = None) -> list[bool]:
    """For each target: can it be as small as ``low`` and as large as ``high``? Like
    :func:`ranges`, but every solution found is checked against all the targets, so most need
    no problem of their own (the protection loop asks this many times). ``store``: whole
    solutions found before, of a system with these equations and maybe more; the whole
    solutions found now are added to it."""
    lows = [low] * len(targets) if isinstance(low, int | float) else list(low)
    highs_wanted = [high] * len(targets) if isinstance(high, int | float) else list(high)
    system, known = _reduced(system)
    parts = _components(system)
    free: list[dict[int, float]] = []
    shift: list[float] = []
    for target in targets:
        shift.append(sum(c * known[v] for v, c in target.items() if v in known))
        free.append({v: c for v, c in target.items() if v not in known})
    answer = [lows[i] >= shift[i] - 0.5 and highs_wanted[i] <= shift[i] + 0.5
              for i in range(len(targets))]
    before = store.settled(targets, lows, highs_wanted) if store else None
    problems, merged = _problems(parts, free)
    by_root: dict[int, list[tuple[dict[int, float], float]]] = {}
    for equation in system.equations:
        by_root.setdefault(merged[next(iter(equation[0]))], []).append(equation)
    for variables, indices in problems:
        found = _reach(system, variables, by_root.get(merged[variables[0]], []),
                       [free[i] for i in indices],
                       [lows[i] - shift[i] for i in indices],
                       [highs_wanted[i] - shift[i] for i in indices], integral,
                       [(before[0][i], before[1][i]) for i in indices] if before else None,
                       store)
        for index, ok in zip(indices, found, strict=True):
            answer[index] = ok
    return answer


def _problems(parts: dict[int, int], targets: Sequence[Expression]
              ) -> tuple[list[tuple[list[int], list[int]]], dict[int, int]]:
    """(the variables of one independent problem, the indices of the targets asked of it), and
    each unknown's problem. A target spanning pieces of the system joins them into one
    problem; a target with no free variable needs none."""
    parts = dict(parts)
    for target in targets:
        roots = {parts[v] for v in target}
        if len(roots) > 1:
            root = min(roots)
            for v, r in parts.items():
                if r in roots:
                    parts[v] = root
    by_part: dict[int, list[int]] = {}
    for index, target in enumerate(targets):
        if target:
            by_part.setdefault(parts[next(iter(target))], []).append(index)
    members: dict[int, list[int]] = {}
    for v, r in parts.items():
        members.setdefault(r, []).append(v)
    return [(members[root], indices) for root, indices in by_part.items()], parts


class _Witnesses:
    """Which targets some solution found so far takes down to its low and up to its high: in
    whole numbers (``low_ok``, ``high_ok``) and in the linear relaxation (``lp_*``). Any
    solution of the relaxation that happens to be whole is a whole-number witness too, so most
    targets need no whole-number solve of their own."""

    def __init__(self, column: dict[int, int], targets: list[dict[int, float]],
                 lows: list[float], highs_wanted: list[float]) -> None:
        import numpy as np

        self.np = np
        rows, columns, coefficients = [], [], []
        for i, target in enumerate(targets):
            for v, c in target.items():
                rows.append(i)
                columns.append(column[v])
                coefficients.append(c)
        self.rows, self.columns = np.array(rows, dtype=np.int64), np.array(columns,
                                                                           dtype=np.int64)
        self.coefficients = np.array(coefficients, dtype=np.float64)
        self.size = len(column)
        self.count = len(targets)
        self.lows = np.array(lows, dtype=np.float64) + 0.5
        self.highs = np.array(highs_wanted, dtype=np.float64) - 0.5
        self.low_ok = np.zeros(self.count, dtype=bool)
        self.high_ok = np.zeros(self.count, dtype=bool)
        self.lp_low = np.zeros(self.count, dtype=bool)
        self.lp_high = np.zeros(self.count, dtype=bool)
        self.keep: Any = None  # called with each whole solution that settles something new

    def mark(self, solution: Sequence[float], whole: bool) -> None:
        np = self.np
        x = np.asarray(solution, dtype=np.float64)[:self.size]
        values = np.bincount(self.rows, weights=self.coefficients * x[self.columns],
                             minlength=self.count)
        down, up = values <= self.lows, values >= self.highs
        self.lp_low |= down
        self.lp_high |= up
        if whole or bool(np.all(np.abs(x - np.round(x)) < 1e-6)):
            new = bool(np.any(down & ~self.low_ok) or np.any(up & ~self.high_ok))
            self.low_ok |= down
            self.high_ok |= up
            if new and self.keep is not None:
                self.keep(np.round(x))


class Store:
    """Whole-number solutions found so far, each as a value for every unknown of the system:
    the solved piece's from the solver, every other unknown's from ``truth`` (the true
    counts, a solution of every piece). The protection loop only ever hides more cells, which
    takes equations away: a solution found in an earlier round is a solution still, and
    settles most counts before any solve."""

    def __init__(self, truth: Sequence[float], limit: int = 48) -> None:
        import numpy as np

        self.np = np
        self.truth = np.asarray(truth, dtype=np.float64)
        self.limit = limit
        self.found: list[Any] = []

    def keep(self, variables: list[int], values: Any) -> None:
        x = self.truth.copy()
        x[variables] = values[:len(variables)]
        self.found.append(x)
        del self.found[:-self.limit]

    def settled(self, targets: Sequence[Expression], lows: list[float],
                highs_wanted: list[float]) -> tuple[list[bool], list[bool]]:
        """Which targets a kept solution takes down to its low, and which up to its high."""
        np = self.np
        count = len(targets)
        if not self.found or not count:
            return [False] * count, [False] * count
        rows, columns, coefficients = [], [], []
        for i, target in enumerate(targets):
            for v, c in target.items():
                rows.append(i)
                columns.append(v)
                coefficients.append(c)
        solutions = np.stack(self.found)[:, columns] * np.array(coefficients)
        values = np.zeros((len(self.found), count))
        np.add.at(values, (slice(None), np.array(rows, dtype=np.int64)), solutions)
        down = (values <= np.array(lows, dtype=np.float64) + 0.5).any(axis=0)
        up = (values >= np.array(highs_wanted, dtype=np.float64) - 0.5).any(axis=0)
        return [bool(d) for d in down], [bool(u) for u in up]


def _reach(system: System, variables: list[int],
           equations: list[tuple[dict[int, float], float]], targets: list[dict[int, float]],
           lows: list[float], highs_wanted: list[float], integral: bool,
           before: list[tuple[bool, bool]] | None = None,
           store: Store | None = None) -> list[bool]:
    """The linear relaxation first (primal simplex from the last basis: only the objective
    changes between solves); a count it cannot take to its low or its high cannot get there in
    whole numbers either. With ``integral``, the counts no whole solution of the relaxation has
    shown to get there are asked again of the whole-number problem."""
    highs, column = _model(system, variables, equations=equations)
    seen = _Witnesses(column, targets, lows, highs_wanted)
    if before:
        for i, (down, up) in enumerate(before):
            seen.low_ok[i] = seen.lp_low[i] = down
            seen.high_ok[i] = seen.lp_high[i] = up
    if store:
        seen.keep = lambda solution: store.keep(variables, solution)
    _settle(highs, column, targets, highs_wanted, seen, whole=not integral)
    if integral:
        ask = [i for i in range(len(targets)) if seen.lp_low[i] and seen.lp_high[i]
               and not (seen.low_ok[i] and seen.high_ok[i])]
        if ask:
            highs, column = _model(system, variables, integral=True, equations=equations)
            seen.lp_low[ask] = seen.low_ok[ask]
            seen.lp_high[ask] = seen.high_ok[ask]
            _settle(highs, column, targets, highs_wanted, seen, whole=True, only=ask)
        return [bool(a and b) for a, b in zip(seen.low_ok, seen.high_ok, strict=True)]
    return [bool(a and b) for a, b in zip(seen.lp_low, seen.lp_high, strict=True)]


def _settle(highs: Any, column: dict[int, int], targets: list[dict[int, float]],
            highs_wanted: list[float], seen: _Witnesses, *, whole: bool,
            only: list[int] | None = None) -> None:
    """Find solutions until every target asked is settled in ``seen``'s relaxation answers
    (``lp_low``/``lp_high``; of the whole-number problem when the model is): a few solves for
    all of them at once, then each one still open alone (one that cannot reach its low needs no
    solve for its high)."""
    asked = list(range(len(targets))) if only is None else only
    size = len(column)
    if len(asked) > 1:
        size = _together(highs, column, targets, asked, highs_wanted, seen, whole)
    for i in asked:
        for sense, done in ((1.0, seen.lp_low), (-1.0, seen.lp_high)):
            if done[i]:
                continue
            if _optimum(highs, column, targets[i], size, sense) == -math.inf:
                # unbounded above: in whole numbers too (a whole multiple of the ray, added to
                # the true counts)
                seen.lp_high[i] = seen.high_ok[i] = True
                continue
            seen.mark(list(highs.getSolution().col_value), whole)
            if not done[i]:
                break  # it cannot get there: weak, whatever the other side


def _together(highs: Any, column: dict[int, int], targets: list[dict[int, float]],
              asked: list[int], highs_wanted: list[float], seen: _Witnesses,
              whole: bool) -> int:
    """Settle most targets with a few solves for all of them at once, before each is asked
    alone: the smallest sum of the targets still open (lows), then, with a helper y_i ≤
    target_i capped at the wanted high, the largest sum of the helpers of those still open
    (highs), again while that settles more. The helpers restrict nothing (y = 0 always fits);
    the number of columns is returned."""
    import highspy

    base = len(column)
    for _ in range(_JOINT):
        open_ = [i for i in asked if not seen.lp_low[i]]
        if len(open_) < 2:
            break
        together: dict[int, float] = {}
        for i in open_:
            for v, c in targets[i].items():
                together[v] = together.get(v, 0.0) + c
        if _optimum(highs, column, together, base, 1.0) == -math.inf:
            break
        seen.mark(list(highs.getSolution().col_value), whole)
        if sum(1 for i in open_ if not seen.lp_low[i]) == len(open_):
            break
    helpers: dict[int, int] = {}
    for i in asked:
        highs.addVar(0.0, max(highs_wanted[i], 0.0))
        helpers[i] = base + len(helpers)
        indices = [helpers[i], *(column[v] for v in targets[i])]
        highs.addRow(-highspy.kHighsInf, 0.0, len(indices), indices,
                     [1.0, *(-c for c in targets[i].values())])
    size = base + len(helpers)
    for _ in range(_JOINT):
        open_ = [i for i in asked if not seen.lp_high[i] and seen.lp_low[i]]
        if len(open_) < 2:
            break
        costs = [0.0] * size
        for i in open_:
            costs[helpers[i]] = -1.0
        highs.changeColsCost(size, list(range(size)), costs)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        seen.mark(list(highs.getSolution().col_value), whole)
        if sum(1 for i in open_ if not seen.lp_high[i]) == len(open_):
            break
    return size


_JOINT = 8  # joint solves per side at most: each settles many targets at once


@dataclass
class Reduced:
    """A system with every unknown that an equation pins on its own replaced by its value:
    ``system`` holds the equations left (over the same unknowns), ``known`` the values."""

    system: System
    known: dict[int, float]
    _index: dict[int, list[int]] | None = None

    def index(self) -> dict[int, list[int]]:
        """Unknown -> the positions of the equations left that hold it."""
        if self._index is None:
            self._index = {}
            for position, (terms, _constant) in enumerate(self.system.equations):
                for v in terms:
                    self._index.setdefault(v, []).append(position)
        return self._index


def reduce(system: System, start: Reduced | None = None) -> Reduced:
    """The system with every unknown that an equation pins on its own (a printed cell made of
    one true cell) replaced by its value, repeatedly: what is left falls apart into small
    independent pieces. ``start``: the reduction of other equations over the same unknowns,
    to which ``system``'s are added (the result is that of all of them together); only its
    equations that hold a newly pinned unknown are looked at again."""
    base = start.system.equations if start else []
    base_index = start.index() if start else {}
    known = dict(start.known) if start else {}
    # equation ids: base positions, then len(base) + i for the new ones; current forms of
    # those that changed
    current: dict[int, tuple[dict[int, float], float]] = {}
    new_index: dict[int, list[int]] = {}
    for i, (terms, constant) in enumerate(system.equations):
        current[len(base) + i] = (dict(terms), constant)
        for v in terms:
            new_index.setdefault(v, []).append(len(base) + i)
    pending = list(current)
    while pending:
        eid = pending.pop()
        terms, constant = current[eid] if eid in current else base[eid]
        if any(v in known for v in terms):
            terms = dict(terms)
            for v in [v for v in terms if v in known]:
                constant -= terms.pop(v) * known[v]
            current[eid] = (terms, constant)
        if len(terms) == 1:
            (v, c), = terms.items()
            if v not in known:
                known[v] = constant / c
                pending += base_index.get(v, ())
                pending += new_index.get(v, ())
            current[eid] = ({}, 0.0)
    left = [equation for position, equation in enumerate(base) if position not in current]
    left += [equation for eid, equation in sorted(current.items()) if equation[0]]
    return Reduced(System(system.lower, left), known)


def _reduced(system: System | Reduced) -> tuple[System, dict[int, float]]:
    reduced = system if isinstance(system, Reduced) else reduce(system)
    return reduced.system, reduced.known


def _components(system: System) -> dict[int, int]:
    parent = list(range(len(system.lower)))

    def find(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for terms, _ in system.equations:
        first, *rest = terms
        for other in rest:
            a, b = find(first), find(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {v: find(v) for v in range(len(system.lower))}


def _model(system: System, variables: list[int], integral: bool = False,
           equations: list[tuple[dict[int, float], float]] | None = None
           ) -> tuple[Any, dict[int, int]]:
    """One independent problem: ``variables`` and the equations over them (``equations``, if
    the caller has picked them out already)."""
    import highspy  # lazily: only a report with suppression needs the solver
    import numpy as np

    column = {v: i for i, v in enumerate(variables)}
    if equations is None:
        equations = [(t, c) for t, c in system.equations if next(iter(t)) in column]
    highs = _quiet_highs(highspy)
    inf = highspy.kHighsInf
    size = len(variables)
    highs.addVars(size, np.array([system.lower[v] for v in variables], dtype=np.float64),
                  np.full(size, inf))
    if integral:
        highs.changeColsIntegrality(size, np.arange(size, dtype=np.int32),
                                    np.full(size, highspy.HighsVarType.kInteger))
    else:
        # only the objective changes between solves: the last basis stays feasible, so the
        # primal simplex goes on from it in a few steps (the dual starts far off)
        highs.setOptionValue("simplex_strategy", 4)
    if equations:
        starts: list[int] = []
        indices: list[int] = []
        values: list[float] = []
        for terms, _constant in equations:
            starts.append(len(indices))
            indices.extend(column[v] for v in terms)
            values.extend(terms.values())
        constants = np.array([c for _t, c in equations], dtype=np.float64)
        highs.addRows(len(equations), constants, constants, len(indices),
                      np.array(starts, dtype=np.int32), np.array(indices, dtype=np.int32),
                      np.array(values, dtype=np.float64))
    return highs, column


_banner_shown = False


def _quiet_highs(highspy: Any) -> Any:
    """A solver that prints nothing. HiGHS writes its banner to the process's standard output
    when the first one is made, whatever its options: that first time, standard output points
    at the null device (a person reading the command's output must not see it)."""
    global _banner_shown
    if not _banner_shown:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                highs = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _banner_shown = True
    else:
        highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    return highs


def _solve(system: System, variables: list[int], targets: list[Expression],
           integral: bool) -> list[tuple[float, float]]:
    highs, column = _model(system, variables, integral)
    answers = []
    for target in targets:
        low = _optimum(highs, column, target, len(variables), 1.0)
        high = _optimum(highs, column, target, len(variables), -1.0)
        answers.append((low, -high if high != -math.inf else math.inf))
    return answers


def _optimum(highs: Any, column: dict[int, int], target: Expression, size: int,
             sense: float) -> float:
    import highspy

    costs = [0.0] * size
    for v, c in target.items():
        costs[column[v]] = sense * c
    highs.changeColsCost(size, list(range(size)), costs)
    highs.run()
    status = highs.getModelStatus()
    if status == highspy.HighsModelStatus.kUnbounded:
        return -math.inf
    if status != highspy.HighsModelStatus.kOptimal:
        # unbounded problems sometimes come back as "unbounded or infeasible"
        if status == highspy.HighsModelStatus.kUnboundedOrInfeasible:
            return -math.inf
        reason = highs.modelStatusToString(status)
        raise RuntimeError(f"the disclosure audit's solver stopped: {reason}")
    return float(highs.getInfo().objective_function_value)
