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


def ranges(system: System, targets: Sequence[Expression], *,
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
    for variables, indices in _problems(parts, free_targets):
        answers = _solve(system, variables, [free_targets[i] for i in indices], integral)
        for index, (low, high) in zip(indices, answers, strict=True):
            found[index] = (found[index][0] + low, found[index][1] + high)
    return found


def reaching(system: System, targets: Sequence[Expression], low: float | Sequence[float],
             high: float | Sequence[float], *, integral: bool = False) -> list[bool]:
    """For each target: can it be as small as ``low`` and as large as ``high``? Like
    :func:`ranges`, but every solution found is checked against all the targets, so most need
    no problem of their own (the protection loop asks this many times)."""
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
    for variables, indices in _problems(parts, free):
        highs, column = _model(system, variables, integral)
        for index, ok in zip(indices, _reach(highs, column, [free[i] for i in indices],
                                             [lows[i] - shift[i] for i in indices],
                                             [highs_wanted[i] - shift[i] for i in indices]),
                             strict=True):
            answer[index] = ok
    return answer


def _problems(parts: dict[int, int], targets: Sequence[Expression]
              ) -> list[tuple[list[int], list[int]]]:
    """(the variables of one independent problem, the indices of the targets asked of it). A
    target spanning pieces of the system joins them into one problem; a target with no free
    variable needs none."""
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
    return [(members[root], indices) for root, indices in by_part.items()]


def _reach(highs: Any, column: dict[int, int], targets: list[dict[int, float]],
           lows: list[float], highs_wanted: list[float]) -> list[bool]:
    low_ok = [False] * len(targets)
    high_ok = [False] * len(targets)

    def mark(values: list[float]) -> None:
        for i, target in enumerate(targets):
            value = sum(c * values[column[v]] for v, c in target.items())
            low_ok[i] = low_ok[i] or value <= lows[i] + 0.5
            high_ok[i] = high_ok[i] or value >= highs_wanted[i] - 0.5

    size = len(column)
    if len(targets) > 1:
        size = _together(highs, column, targets, highs_wanted, low_ok, high_ok, mark)
    for i, target in enumerate(targets):
        for sense, done in ((1.0, low_ok), (-1.0, high_ok)):
            if done[i]:
                continue
            if _optimum(highs, column, target, size, sense) == -math.inf:
                high_ok[i] = True  # unbounded above
                continue
            mark(list(highs.getSolution().col_value))
    return [a and b for a, b in zip(low_ok, high_ok, strict=True)]


def _together(highs: Any, column: dict[int, int], targets: list[dict[int, float]],
              highs_wanted: list[float], low_ok: list[bool], high_ok: list[bool],
              mark: Any) -> int:
    """Settle most targets with a few solves for all of them at once, before each is asked
    alone: the smallest sum of the targets (lows), then, with a helper y_i ≤ target_i capped at
    the wanted high, the largest sum of the helpers (highs), again for those still open. The
    helpers restrict nothing (y = 0 always fits); the number of columns is returned."""
    import highspy

    together: dict[int, float] = {}
    for target in targets:
        for v, c in target.items():
            together[v] = together.get(v, 0.0) + c
    base = len(column)
    if _optimum(highs, column, together, base, 1.0) != -math.inf:
        mark(list(highs.getSolution().col_value))
    helpers: list[int] = []
    for target, wanted in zip(targets, highs_wanted, strict=True):
        highs.addVar(0.0, max(wanted, 0.0))
        helper = base + len(helpers)
        helpers.append(helper)
        indices = [helper, *(column[v] for v in target)]
        highs.addRow(-highspy.kHighsInf, 0.0, len(indices), indices,
                     [1.0, *(-c for c in target.values())])
    size = base + len(helpers)
    for _ in range(3):
        open_ = [i for i in range(len(targets)) if not high_ok[i]]
        if len(open_) < 2:
            break
        before = len(open_)
        costs = [0.0] * size
        for i in open_:
            costs[helpers[i]] = -1.0
        highs.changeColsCost(size, list(range(size)), costs)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        mark(list(highs.getSolution().col_value))
        if sum(1 for i in open_ if not high_ok[i]) == before:
            break
    return size


def _reduced(system: System) -> tuple[System, dict[int, float]]:
    """The system with every unknown that an equation pins on its own (a printed cell made of
    one true cell) replaced by its value, repeatedly: what is left falls apart into small
    independent pieces."""
    known: dict[int, float] = {}
    equations = [(dict(terms), constant) for terms, constant in system.equations]
    changed = True
    while changed:
        changed = False
        left = []
        for terms, constant in equations:
            for v in [v for v in terms if v in known]:
                constant -= terms.pop(v) * known[v]
            if len(terms) == 1:
                (v, c), = terms.items()
                known[v] = constant / c
                changed = True
            elif terms:
                left.append((terms, constant))
        equations = left
    return System(system.lower, equations), known


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


def _model(system: System, variables: list[int], integral: bool = False) -> tuple[object,
                                                                                 dict[int, int]]:
    import highspy  # lazily: only a report with suppression needs the solver

    column = {v: i for i, v in enumerate(variables)}
    highs = _quiet_highs(highspy)
    inf = highspy.kHighsInf
    for v in variables:
        highs.addVar(system.lower[v], inf)
    if integral:
        for i in range(len(variables)):
            highs.changeColIntegrality(i, highspy.HighsVarType.kInteger)
    for terms, constant in system.equations:
        if next(iter(terms)) in column:
            indices = [column[v] for v in terms]
            highs.addRow(constant, constant, len(indices), indices, list(terms.values()))
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
