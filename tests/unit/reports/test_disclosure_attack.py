"""The attacker of the issue "Statistics safe to publish", in the test suite.

It reads the published CSV files — exactly what tables_csv writes — of a national quarter, of
the same quarter for every checkpoint, of the previous quarter, of a half-year with its two
quarters, and of a year with its halves and quarters (each for the country and for every
checkpoint), and writes down what a reader knows: every table's rows and columns add up to their
totals; the tables of one report count the same interviews, so their shared totals are equal; a
national table is the sum of the checkpoints', a half-year the sum of its quarters', a year
the sum of its quarters' and of its halves'; a hidden cell is a whole number ≥ 0. Then it asks
HiGHS, in whole numbers, for the smallest and the largest value of every hidden cell. It is
written from the published labels alone, apart from screening/reports/disclosure.py, so the two
do not share a mistake.

It fails on a hidden small count (1..k−1) that it can pin down, tell from zero, or keep below
k−1. And it must break the old suppression, which only stopped single subtraction: otherwise an
attacker that finds nothing would pass everything.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import random
from collections.abc import Callable
from dataclasses import replace

import highspy
import pytest

from screening.errors import ReportError
from screening.reports.csvexport import FILE_NAMES, table_csv, tables_csv
from screening.reports.disclosure import protect
from screening.reports.labels import Labeller
from screening.reports.statistics import REGISTRY_TABLES, Facts, compute
from screening.reports.suppression import suppress

K = 5
CHECKPOINTS = ("TIA", "KKV", "KPS")
BY_FILE = {name: tid for tid, name in FILE_NAMES.items()}
COUNTRY_ROWS = ("t4", "t5", "t7", "t18", "t19")  # rows the data names: folded per report
Tables = dict[str, list[list[str]]]  # table id -> the CSV's rows
Published = dict[str, Tables]  # report name -> its tables


def small_quarter(rng: random.Random, year: int, quarter: int, n: int) -> list[Facts]:
    """A small quarter where most cells hold 1 to 4 people."""
    start = dt.date(year, 3 * quarter - 2, 1)
    facts = []
    for _ in range(n):
        outcome = rng.choice(["no_indicators", "at_risk", "suspected_victim", "presumed_victim"])
        child = rng.random() < 0.25
        facts.append(Facts(
            interview_date=start + dt.timedelta(days=rng.randrange(88)),
            checkpoint=rng.choice(CHECKPOINTS), child=child,
            sex=rng.choice(["female", "male", "male"]),
            age_years=rng.choice([12, 16]) if child else rng.choice([19, 28, 40]),
            outcome=outcome,
            action_taken=rng.choice(["referred_shelter", "information_given_only", "no_action"]),
            nationality=rng.choice(["AL", "AL", "AL", "XK", "PK"]),
            country_of_exploitation=rng.choice(["GB", "IT", "GR"]),
            activity_sector=(rng.choice(["agriculture", "sexual_services", "begging"]),),
            previously_assisted_as_victim=rng.choice(["yes", "no", "no"]),
            returned_from=rng.choice(["GB", "GB", "IT", "GR", "DE"]),
            return_mode=rng.choice(["deported", "readmission", "voluntary_return"]),
            **plan_answers(rng, child)))
    return facts


def plan_answers(rng: random.Random, child: bool) -> dict:
    """The answers of tables 9-17: some interviews of 2026.1 (no advance notice, no further
    referrals), a few refusals, children from Greece."""
    newer = rng.random() < 0.7
    notice = rng.choice(["yes", "yes", "no", "unknown"]) if newer else None
    return {
        "consent_interview": rng.choice(["yes", "yes", "yes", "no"]),
        "same_sex_interviewer_offered": rng.choice(["yes", "yes", "no", "unknown"]),
        "child_unaccompanied": rng.choice(["yes", "no", "unknown"]) if child else None,
        "greece_agreement": rng.choice(["yes", "no"]) if child else None,
        "advance_notice": notice,
        "advance_notice_by": tuple(rng.sample(["iom", "consulate", "readmission_authorities"],
                                              rng.choice([1, 1, 2])))
        if notice == "yes" else (),
        "met_on_arrival_by": tuple(rng.sample(["police", "family", "iom"], rng.choice([1, 2])))
        if newer else (),
        "referrals": tuple(rng.sample(["shelter", "health", "legal_aid", "social_services"],
                                      rng.choice([0, 1, 1, 2])))}


def with_registry(facts: list[Facts], seed: int) -> list[Facts]:
    """The facts as central's case registry completes them (tables 18-22): about half the
    people accommodated in a shelter, some admitted in the next quarter, some still there;
    formal decisions, also on people the screening did not suspect."""
    rng = random.Random(seed)
    done = []
    for f in facts:
        admitted = f.interview_date + dt.timedelta(days=rng.randrange(60)) \
            if rng.random() < 0.5 else None
        left = admitted + dt.timedelta(days=rng.choice([12, 45, 100, 200, 400])) \
            if admitted and rng.random() < 0.5 else None
        expected = admitted + dt.timedelta(days=rng.choice([25, 80, 150])) \
            if admitted and not left and rng.random() < 0.7 else None
        status = rng.choice([None, None, "identified_victim", "potential_victim", "not_victim"])
        done.append(replace(
            f, registry=True, shelter_admission=admitted, shelter_exit=left,
            shelter_expected_exit=expected, formal_status=status,
            victim_witness=rng.choice(["yes", "no", "unknown"]) if status else None,
            residence_permit=rng.choice([None, "applied", "granted", "refused"])
            if status and f.nationality != "AL" else None))
    return done


def read(files: dict[str, bytes]) -> Tables:
    return {BY_FILE[name.split("_", 1)[1].removesuffix(".csv")]:
            list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) for name, data in
            files.items()}


def publish(facts: list[Facts], period: str, form, reference, *,
            masker: Callable | None = None) -> Published:
    """The national report and every checkpoint's, as their CSV files say."""
    published = {}
    for checkpoint in (None, *CHECKPOINTS):
        stats = compute(facts, period, checkpoint=checkpoint, checkpoints=CHECKPOINTS)
        if masker is None:
            files = tables_csv(stats, form, reference, suppress_below=K, lang="en")
        else:
            names = Labeller(form, reference, "en")
            files = {f"{period}_{FILE_NAMES[t.id]}.csv": table_csv(masker(t), names)
                     for t in (*stats.tables, stats.chart)
                     if stats.registry or t.id not in REGISTRY_TABLES}  # as printed() does
        published[f"{period}/{checkpoint or 'all'}"] = read(files)
    return published


class Attacker:
    """Unknowns for the hidden cells, equations for what a reader knows."""

    def __init__(self) -> None:
        self.lower: list[float] = []
        self.upper: list[float] = []
        self.rows: list[dict[int, float] | float] = []
        self.cells: dict[tuple[str, str, str, str], int | float] = {}
        self.highs: highspy.Highs | None = None

    def cell(self, text: str, key: tuple[str, str, str, str]) -> None:
        if text == "x":
            self.cells[key] = self._unknown(0, highspy.kHighsInf)
        elif text.startswith("<"):  # the old "<5": 1 to 4, because zeros are printed
            self.cells[key] = self._unknown(1, int(text[1:]) - 1)
        else:
            self.cells[key] = float(text)

    def _unknown(self, low: float, high: float) -> int:
        self.lower.append(low)
        self.upper.append(high)
        return len(self.lower) - 1

    def _model(self) -> highspy.Highs:
        if self.highs is None:
            self.highs = self._built(integral=True)
        return self.highs

    def _built(self, integral: bool) -> highspy.Highs:
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        for low, high in zip(self.lower, self.upper, strict=True):
            highs.addVar(low, high)
        if integral:
            for i in range(len(self.lower)):
                highs.changeColIntegrality(i, highspy.HighsVarType.kInteger)
        else:  # only the objective changes between solves: go on from the last basis
            highs.setOptionValue("simplex_strategy", 4)
        for terms, constant in self.rows:
            if terms:
                highs.addRow(constant, constant, len(terms), list(terms),
                             list(terms.values()))
        return highs

    def equal(self, left: list[tuple[str, str, str, str]],
              right: list[tuple[str, str, str, str]]) -> None:
        terms: dict[int, float] = {}
        constant = 0.0
        for sign, keys in ((1.0, left), (-1.0, right)):
            for key in keys:
                value = self.cells.get(key, 0.0)  # a row that is not printed holds no one
                if isinstance(value, int):
                    terms[value] = terms.get(value, 0.0) + sign
                else:
                    constant -= sign * value
        self.rows.append((terms, constant))

    def solve(self, costs: dict[int, float]) -> list[float] | None:
        """A whole-number solution minimising ``costs`` (None if there is none)."""
        highs = self._model()
        full = [0.0] * len(self.lower)
        for v, c in costs.items():
            full[v] = c
        highs.changeColsCost(len(full), list(range(len(full))), full)
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return list(highs.getSolution().col_value)

    def reaches(self, variables: list[int], low: float, high: float) -> dict[int, tuple]:
        """For each unknown: (whether it can be ≤ low, whether it can be ≥ high), in whole
        numbers. Every whole solution found is a witness for all the unknowns at once, so most
        need no solve of their own; the linear relaxation goes first (what it cannot reach,
        whole numbers cannot either, and its solutions are often whole); the answer is exact
        all the same (each unknown still open is solved for in whole numbers)."""
        low_ok = dict.fromkeys(variables, False)
        high_ok = dict.fromkeys(variables, False)
        lp_low, lp_high = dict(low_ok), dict(high_ok)
        n = len(self.lower)

        def mark(solution: list[float] | None, whole: bool) -> None:
            if solution is None:
                return
            whole = whole or all(abs(x - round(x)) < 1e-6 for x in solution[:n])
            for v in variables:
                down, up = solution[v] <= low + 0.5, solution[v] >= high - 0.5
                lp_low[v] = lp_low[v] or down
                lp_high[v] = lp_high[v] or up
                if whole:
                    low_ok[v] = low_ok[v] or down
                    high_ok[v] = high_ok[v] or up

        relaxed = _Relaxed(self._built(integral=False), n)
        for _ in range(8):  # the smallest sum of those still open, while it settles more
            open_ = [v for v in variables if not lp_low[v]]
            if not open_:
                break
            mark(relaxed.solve(dict.fromkeys(open_, 1.0)), False)
            if all(not lp_low[v] for v in open_):
                break
        helpers = relaxed.helpers(variables, high)
        for _ in range(8):  # the largest sum of min(x, high) of those still open
            open_ = [v for v in variables if not lp_high[v]]
            if not open_:
                break
            mark(relaxed.solve({helpers[v]: -1.0 for v in open_}), False)
            if all(not lp_high[v] for v in open_):
                break
        for v in variables:
            if not lp_low[v]:
                mark(relaxed.solve({v: 1.0}), False)
            if lp_low[v] and not lp_high[v]:
                solution = relaxed.solve({v: -1.0})
                if solution is None:  # unbounded above
                    lp_high[v] = high_ok[v] = True
                mark(solution, False)
        for v in variables:  # in whole numbers, what the relaxation could not show
            if lp_low[v] and lp_high[v]:
                if not low_ok[v]:
                    mark(self.solve({v: 1.0}), True)
                if not high_ok[v]:
                    solution = self.solve({v: -1.0})
                    if solution is None:  # unbounded above
                        high_ok[v] = True
                    mark(solution, True)
        return {v: (low_ok[v], high_ok[v]) for v in variables}


class _Relaxed:
    """The attacker's linear relaxation: solved again and again with another objective."""

    def __init__(self, highs: highspy.Highs, size: int) -> None:
        self.highs, self.size = highs, size

    def helpers(self, variables: list[int], high: float) -> dict[int, int]:
        """y_v ≤ x_v and y_v ≤ high for each v: maximising their sum pushes many x_v up to
        ``high`` at once (y = 0 always fits: they restrict nothing)."""
        found = {}
        for v in variables:
            self.highs.addVar(0.0, high)
            found[v] = self.size
            self.size += 1
            self.highs.addRow(-highspy.kHighsInf, 0.0, 2, [found[v], v], [1.0, -1.0])
        return found

    def solve(self, costs: dict[int, float]) -> list[float] | None:
        full = [0.0] * self.size
        for v, c in costs.items():
            full[v] = c
        self.highs.changeColsCost(self.size, list(range(self.size)), full)
        self.highs.run()
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return list(self.highs.getSolution().col_value)


def attacker(published: Published) -> Attacker:
    a = Attacker()
    for report, tables in published.items():
        for tid, rows in tables.items():
            head, *body = rows
            for line in body:
                for column, text in zip(head[1:], line[1:], strict=True):
                    a.cell(text, (report, tid, line[0], column))
        for tid, rows in tables.items():
            _additive(a, report, tid, rows)
        _linked(a, report, tables)
    _national_is_the_sum(a, published)
    _period_is_the_sum(a, published)
    return a


def _additive(a: Attacker, report: str, tid: str, rows: list[list[str]]) -> None:
    head, *body = rows
    columns, labels = head[1:], [line[0] for line in body]
    for label in labels:  # every row, the total row too
        a.equal([(report, tid, label, c) for c in columns[:-1]], [(report, tid, label, "Total")])
    for column in columns:
        a.equal([(report, tid, r, column) for r in labels[:-1]], [(report, tid, "Total", column)])


def _linked(a: Attacker, report: str, tables: Tables) -> None:
    def total(tid: str, row: str = "Total", column: str = "Total") -> tuple:
        return (report, tid, row, column)

    victims = ["Suspected victim", "Presumed victim"]
    for tid in ("t2", "t3", "t7", "chart"):
        a.equal([total("t1")], [total(tid)])
    for tid in ("t4", "t5", "t6"):
        a.equal([total(tid)], [total("t2", v) for v in victims])
    for column in tables["t1"][0][1:]:
        a.equal([total("t1", column=column)], [total("t2", column=column)])
    for line in tables["t1"][1:]:
        a.equal([total("t1", row=line[0])], [total("chart", row=line[0])])
    for line in tables["t2"][1:-1]:
        a.equal([total("t2", row=line[0])], [total("t3", column=line[0])])
        a.equal([total("t2", row=line[0])], [total("chart", column=line[0])])
    for column in tables["t6"][0][1:]:
        a.equal([total("t6", column=column)], [total("t2", v, column) for v in victims])
    for sex in ("Female", "Male", "Other", "Not stated", "Not recorded"):
        a.equal([total("t4", row=line[0]) for line in tables["t4"][1:-1]
                 if line[0].endswith(f" · {sex}")],
                [total("t6", column=c) for c in tables["t6"][0][1:-1]
                 if c.endswith(f" · {sex}")])
        # the children's table by sex is table 1's children of that sex
        a.equal([total("t12", column=sex)], [total("t1", column=f"Children · {sex}")])
    for tid in ("t9", "t10", "t13", "t14", "t15", "t16"):  # everyone, once each
        a.equal([total("t1")], [total(tid)])
    for group in ("Adults", "Children"):  # table 1's columns of the group, added up
        of_group = [total("t1", column=c) for c in tables["t1"][0][1:-1]
                    if c.startswith(f"{group} · ")]
        for tid in ("t9", "t10", "t13", "t14", "t15", "t16"):
            a.equal(of_group, [total(tid, column=group)])
    for line in tables["t3"][1:-1]:  # how processed, by action
        a.equal([total("t3", row=line[0])], [total("t9", row=line[0])])
    if "t18" in tables:  # the case registry's: the same people accommodated, and table 22
        for tid in ("t19", "t20", "t21"):  # less the people the screening missed: table 6's
            a.equal([total("t18")], [total(tid)])
        missed = "Formally identified as a victim or potential victim, not suspected at screening"
        for group in ("Adults", "Children"):
            a.equal([total("t22", column=group)],
                    [total("t6", column=c) for c in tables["t6"][0][1:-1]
                     if c.startswith(f"{group} · ")] + [total("t22", row=missed, column=group)])



def _national_is_the_sum(a: Attacker, published: Published) -> None:
    """Every interview has a listed checkpoint here (the national table 1 says so: its "not
    recorded" row is 0), so each national cell is the sum of the checkpoints' — row by row where
    the rows are the standard's, column by column in the tables whose rows are countries (a
    country may be folded into "other" in one report and not in another)."""
    for name, tables in published.items():
        period, where = name.split("/")
        if where != "all":
            continue
        parts = [f"{period}/{c}" for c in CHECKPOINTS]
        for tid, rows in tables.items():
            countries = tid in COUNTRY_ROWS
            labels = ["Total"] if countries else [line[0] for line in rows[1:]]
            for label in labels:
                for column in rows[0][1:]:
                    a.equal([(name, tid, label, column)], [(p, tid, label, column)
                                                           for p in parts])


def _period_is_the_sum(a: Attacker, published: Published) -> None:
    """A half-year's report is the sum of its two quarters' (same checkpoint); a year's the sum
    of its four quarters', and of its two halves'."""
    for name, tables in published.items():
        period, where = name.split("/")
        year = int(period[:4])
        if "H" in period:
            half = int(period[-1])
            partitions = [[f"{year}Q{q}" for q in (2 * half - 1, 2 * half)]]
        elif "Q" not in period:
            partitions = [[f"{year}Q{q}" for q in (1, 2, 3, 4)], [f"{year}H1", f"{year}H2"]]
        else:
            continue
        for periods in partitions:
            parts = [f"{p}/{where}" for p in periods]
            if not all(p in published for p in parts):
                continue
            for tid, rows in tables.items():
                labels = ["Total"] if tid in COUNTRY_ROWS else [line[0] for line in rows[1:]]
                for label in labels:
                    for column in rows[0][1:]:
                        a.equal([(name, tid, label, column)], [(p, tid, label, column)
                                                               for p in parts])


def weak_cells(published: Published, truth: dict[tuple, int]) -> list[tuple]:
    """Hidden small counts the attacker narrows below 0..k−1: (cell, true count, whether it
    can be 0, whether it can be k−1)."""
    a = attacker(published)
    small = {variable: key for key, variable in a.cells.items()
             if isinstance(variable, int) and 0 < truth[key] < K}
    found = []
    for variable, (zero, high) in a.reaches(list(small), 0, K - 1).items():
        if not (zero and high):
            found.append((small[variable], truth[small[variable]], zero, high))
    return found


def a_range(a: Attacker, variable: int | float) -> tuple[float, float]:
    """The smallest and the largest whole value of one hidden cell."""
    assert isinstance(variable, int)
    low, high = (a.solve({variable: sense}) for sense in (1.0, -1.0))
    assert low is not None
    return low[variable], high[variable] if high is not None else highspy.kHighsInf


def truth_of(facts: list[Facts], period: str, form, reference) -> dict[tuple, int]:
    names = Labeller(form, reference, "en")
    truth = {}
    for checkpoint in (None, *CHECKPOINTS):
        stats = compute(facts, period, checkpoint=checkpoint, checkpoints=CHECKPOINTS)
        for tid, masked in protect(stats, K).items():
            table = masked.table
            rows = [*names.rows(table), "Total"]
            columns = [*names.columns(table), "Total"]
            for i, line in enumerate(masked.grid):
                for j, n in enumerate(line):
                    truth[(f"{period}/{checkpoint or 'all'}", tid, rows[i], columns[j])] = n
    return truth


@pytest.mark.parametrize(("seed", "registry"), [(1, False), (2, True)])
def test_the_solver_cannot_narrow_any_hidden_small_count(seed, registry, standard_form,
                                                         reference):
    # without the registry: a workstation's tables; with it, central's (tables 18-22 too)
    rng = random.Random(seed)
    facts = small_quarter(rng, 2026, 2, 24) + small_quarter(rng, 2026, 3, 30)
    if registry:
        facts = with_registry(facts, seed)
    published, truth = {}, {}
    for period in ("2026Q2", "2026Q3"):  # the quarter and the one before
        published |= publish(facts, period, standard_form, reference)
        truth |= truth_of(facts, period, standard_form, reference)
    hidden_small = [k for k, t in truth.items() if 0 < t < K]
    assert hidden_small, "the data must have small counts to protect"
    assert registry == any(k[1] in ("t18", "t22") for k in hidden_small)
    assert weak_cells(published, truth) == []


def test_a_half_year_and_its_quarters_together_give_nothing_away(standard_form, reference):
    # H2 = Q3 + Q4, cell by cell: with both quarters published, the half-year's printed cells
    # are equations on the quarters' hidden ones (and the other way round)
    rng = random.Random(7)
    facts = small_quarter(rng, 2026, 3, 14) + small_quarter(rng, 2026, 4, 12)
    published, truth = {}, {}
    for period in ("2026Q3", "2026Q4", "2026H2"):
        published |= publish(facts, period, standard_form, reference)
        truth |= truth_of(facts, period, standard_form, reference)
    assert weak_cells(published, truth) == []


def test_a_year_its_halves_and_its_quarters_together_give_nothing_away(standard_form,
                                                                       reference):
    # every report of a year, for the country and for each checkpoint: the year is the sum of
    # its quarters and of its halves, a half-year of its quarters, the country of the
    # checkpoints; a checkpoint's year is tied to the other checkpoints' through them
    rng = random.Random(11)
    facts = [f for q in (1, 2, 3, 4) for f in small_quarter(rng, 2026, q, 9)]
    published, truth = {}, {}
    for period in ("2026Q1", "2026Q2", "2026Q3", "2026Q4", "2026H1", "2026H2", "2026"):
        published |= publish(facts, period, standard_form, reference)
        truth |= truth_of(facts, period, standard_form, reference)
    assert weak_cells(published, truth) == []


@pytest.mark.parametrize("period", ["2026H2", "2026"])
def test_a_checkpoints_half_year_or_year_needs_every_checkpoints_interviews(period):
    """Protected with the national reports it is tied to: from every checkpoint's interviews.
    Statistics that do not carry them (made by hand) are refused, never published unaudited."""
    rng = random.Random(3)
    facts = small_quarter(rng, 2026, 3, 14)
    stats = compute(facts, period, checkpoint=CHECKPOINTS[0], checkpoints=CHECKPOINTS)
    assert protect(stats, K)
    with pytest.raises(ReportError) as refused:
        protect(dataclasses.replace(stats, population=()), K)
    assert refused.value.code == "checkpoint_period_unprotected"
    assert "all checkpoints" in refused.value.message
    assert "të gjitha pikat e kalimit" in refused.value.in_language("sq")
    quarter = compute(facts, "2026Q3", checkpoint=CHECKPOINTS[0], checkpoints=CHECKPOINTS)
    assert protect(dataclasses.replace(quarter, population=()), K)  # a quarter needs none
    # a listed checkpoint without a single interview: all zeros, nothing hidden
    empty = compute(facts, "2026H2", checkpoint="HHT", checkpoints=(*CHECKPOINTS, "HHT"))
    assert not any(m.hidden for m in protect(empty, K).values())


def test_the_attacker_breaks_the_old_suppression(standard_form, reference):
    # the finding: single-table suppression leaves cells that the links give away
    rng = random.Random(1)
    facts = small_quarter(rng, 2026, 3, 30)
    published = publish(facts, "2026Q3", standard_form, reference,
                        masker=lambda table: suppress(table, K))
    names = Labeller(standard_form, reference, "en")
    truth = {}
    for checkpoint in (None, *CHECKPOINTS):
        stats = compute(facts, "2026Q3", checkpoint=checkpoint, checkpoints=CHECKPOINTS)
        for table in (*stats.tables, stats.chart):
            rows, columns = [*names.rows(table), "Total"], [*names.columns(table), "Total"]
            for i, line in enumerate(table.grid()):
                for j, n in enumerate(line):
                    truth[(f"2026Q3/{checkpoint or 'all'}", table.id, rows[i], columns[j])] = n
    broken = weak_cells(published, truth)
    assert broken, "the attacker recovered nothing from the old suppression"
    # the finding, again: the old rule printed "<5", so none can be told from 0 ...
    assert all(not zero for _key, _true, zero, _high in broken)
    # ... and cells are pinned: one whole solution at most leaves them where they are
    a = attacker(published)
    pinned = next((key for key, true, _zero, _high in broken
                   if a_range(a, a.cells[key]) == (true, true)), None)
    assert pinned, "the attacker pinned no cell of the old suppression"
