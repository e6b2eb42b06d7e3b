"""Counting for the quarterly statistics (docs/questionnaire-standard.md §5). Pure: no layout, no
reportlab.

The counts come from :class:`Facts`, one small record per interview with just the fields the
tables need. A store or the central database builds them with :func:`facts_from_interview`
(which runs the engine, for the child flag, age and outcome) when an interview is finalised, or
hands them over as plain mappings (:func:`facts_from_mapping`); counting 100,000 of them then
needs no engine at all.

Every table is additive: each interview counts in exactly one cell, so a row total is the sum of
its cells. Where an interview has several activity sectors (table 5) it counts once, in the
column "several sectors"; an answer that was not given counts in a "not recorded" row or column.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from screening.errors import ReportError
from screening.questionnaire.evaluation import Evaluation, evaluate
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.questionnaire.scoring import AT_RISK, NO_INDICATORS, PRESUMED, SUSPECTED
from screening.reports.period import Period, parse_period
from screening.reports.period import parse_quarter as parse_quarter  # its callers import it here

Key = tuple[Any, ...]  # a row or column key: one part per dimension; a part may be None

OUTCOMES = (NO_INDICATORS, AT_RISK, SUSPECTED, PRESUMED)
VICTIM_OUTCOMES = frozenset({SUSPECTED, PRESUMED})
GROUPS = ("adult", "child")
SEXES = ("female", "male", "other", "not_stated")
ACTIONS = ("referred_shelter", "referred_social_services", "referred_child_protection",
           "referred_police_at_unit", "information_given_only", "no_action")
SECTORS = ("agriculture", "construction", "domestic_work", "hospitality", "manufacturing",
           "sexual_services", "begging", "criminal_activity", "cannabis_cultivation", "other",
           "none")
SEVERAL = "several"
RETURN_MODES = ("deported", "readmission", "voluntary_return", "assisted_voluntary_return",
                "escorted_return", "self_presented", "intercepted_departure")
AGE_BANDS = ("0-13", "14-17", "18-24", "25-34", "35+")
VICTIM_STATUS = ("new", "repeat", "unknown")
YES_NO_UNKNOWN = ("yes", "no", "unknown")
CITIZENSHIP = ("albanian", "foreign")
ALBANIA = "AL"
CONSENT = ("yes", "no")
NOTICE_BY = ("readmission_authorities", "consulate", "iom", "ngo", "other")
# a return notified in advance: by whom (several, or not said), else not notified or unknown
ADVANCE_NOTICE = (*NOTICE_BY, SEVERAL, "yes_by_unstated", "no", "unknown")
MET_ON_ARRIVAL = ("nobody", "family", "police", "social_services", "child_protection", "iom",
                  "ngo", "unknown_person", "other", SEVERAL)
REFERRAL_TYPES = ("shelter", "social_services", "child_protection", "police_anti_trafficking",
                  "health", "legal_aid", "psychological_support", "other")
# the primary referral is the action taken (QUESTIONNAIRE §3); its type in referral_type's terms
PRIMARY_REFERRAL = {"referred_shelter": "shelter", "referred_social_services": "social_services",
                    "referred_child_protection": "child_protection",
                    "referred_police_at_unit": "police_anti_trafficking"}
GREECE = "GR"
# Tables of docs/questionnaire-standard.md §5 keep their numbers 1-7 (and the chart 8); the
# breakdowns the national plan's analysts asked for follow from 9.
STANDARD_TABLES = ("t1", "t2", "t3", "t4", "t5", "t6", "t7")
PLAN_TABLES = ("t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17")
REGISTRY_TABLES = ("t18", "t19", "t20", "t21", "t22")  # central only: the case registry's


@dataclass(frozen=True, slots=True)
class Facts:
    """One interview, as the statistics see it."""

    interview_date: dt.date
    checkpoint: str | None = None
    child: bool = False
    sex: str | None = None
    age_years: int | None = None
    outcome: str | None = None  # the officer's outcome (docs/questionnaire-standard.md §5, table 2)
    action_taken: str | None = None
    nationality: str | None = None
    country_of_exploitation: str | None = None
    activity_sector: tuple[str, ...] = ()
    previously_assisted_as_victim: str | None = None
    returned_from: str | None = None
    return_mode: str | None = None
    # Central staff confirmed a match with an earlier victim interview
    # (central/repeats/candidates.py): table 6 counts it as a repeat whatever the person answered.
    repeat_by_match: bool = False
    # the answers of the plan's breakdowns (tables 9-17); None where not asked or not given
    consent_interview: str | None = None
    same_sex_interviewer_offered: str | None = None
    child_unaccompanied: str | None = None
    greece_agreement: str | None = None  # child_return_under_greece_agreement
    advance_notice: str | None = None  # from questionnaire 2026.2 on
    advance_notice_by: tuple[str, ...] = ()
    met_on_arrival_by: tuple[str, ...] = ()
    # one referral type per referral: the primary one (action_taken), then each further one
    referrals: tuple[str, ...] = ()
    exploitation_type: tuple[str, ...] = ()  # 2026.2 (the HTCDS export; 2026.1: from sectors)
    # What central's case registry adds (screening/central/statistics/registry.py); a
    # workstation has no registry, so ``registry`` stays False there and the tables these feed
    # (18-22, screening/reports/registrytables.py) are central's only.
    registry: bool = False
    shelter_admission: dt.date | None = None  # the first admission to a shelter
    shelter_exit: dt.date | None = None  # the exit of that stay, once recorded
    shelter_expected_exit: dt.date | None = None  # while still there, as the shelter expects
    formal_status: str | None = None  # the Responsible Authority's newest decision
    victim_witness: str | None = None
    residence_permit: str | None = None  # the temporary residence permit (foreign nationals)

    @property
    def victim(self) -> bool:
        return self.outcome in VICTIM_OUTCOMES


def facts_from_mapping(data: Mapping[str, Any]) -> Facts:
    """Facts from a plain mapping with the same field names (``interview_date`` as a date or
    ISO text)."""
    day = data.get("interview_date")
    if isinstance(day, dt.datetime):
        day = day.date()
    elif isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            day = None
    if not isinstance(day, dt.date):
        raise ReportError(f"interview facts without a valid interview_date: {data!r:.80}",
                          code="facts_invalid")
    fields: dict[str, Any] = {name: data.get(name) for name in Facts.__slots__ if name in data}
    fields["interview_date"] = day
    fields["child"] = bool(fields.get("child"))
    fields["registry"] = bool(fields.get("registry"))
    for name in _DAYS:
        fields[name] = _day_or_none(fields.get(name))
    for name in _TUPLES:
        fields[name] = tuple(fields.get(name) or ())
    return Facts(**fields)


_TUPLES = ("activity_sector", "advance_notice_by", "met_on_arrival_by", "referrals",
           "exploitation_type")
_DAYS = ("shelter_admission", "shelter_exit", "shelter_expected_exit")
# what the case registry adds at report time: never part of an interview's stored facts
REGISTRY_FIELDS = ("registry", *_DAYS, "formal_status", "victim_witness", "residence_permit")


def _day_or_none(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def facts_from_interview(answers: Mapping[str, Any], form: Form, reference: Reference,
                         *, started_at: dt.datetime | None = None) -> Facts:
    """Facts from an interview's answers, scored by the engine (as of the interview's time)."""
    return facts_from_evaluation(evaluate(form, answers, reference=reference, now=started_at),
                                 started_at=started_at)


def facts_from_evaluation(evaluation: Evaluation, *, started_at: dt.datetime | None = None
                          ) -> Facts:
    """Facts from the engine's evaluation of an interview (for a caller that also needs the
    evaluation itself, e.g. central's own assessment)."""
    values = evaluation.values
    started = values.get("interview_started_at") or started_at
    if not isinstance(started, dt.datetime):
        raise ReportError("the interview has no start time, so it belongs to no quarter",
                          code="facts_invalid")
    age = values.get("age_years")
    return Facts(
        interview_date=started.date(), checkpoint=values.get("checkpoint"),
        child=values.get("treated_as_child") is True, sex=values.get("sex"),
        age_years=int(age) if isinstance(age, int | float) else None,
        outcome=evaluation.final_outcome, action_taken=values.get("action_taken"),
        nationality=values.get("nationality"),
        country_of_exploitation=values.get("country_of_exploitation"),
        activity_sector=tuple(values.get("activity_sector") or ()),
        previously_assisted_as_victim=values.get("previously_assisted_as_victim"),
        returned_from=values.get("returned_from"), return_mode=values.get("return_mode"),
        consent_interview=values.get("consent_interview"),
        same_sex_interviewer_offered=values.get("same_sex_interviewer_offered"),
        child_unaccompanied=values.get("child_unaccompanied"),
        greece_agreement=values.get("child_return_under_greece_agreement"),
        advance_notice=values.get("advance_notice"),
        advance_notice_by=tuple(values.get("advance_notice_by") or ()),
        met_on_arrival_by=tuple(values.get("met_on_arrival_by") or ()),
        referrals=referral_types(values),
        exploitation_type=tuple(values.get("exploitation_type") or ()))


def referral_types(values: Mapping[str, Any]) -> tuple[str, ...]:
    """The type of every referral of an interview: the primary one, then each item of the
    repeat group ``further_referrals`` (questionnaire 2026.2; 2026.1 has the primary only)."""
    primary = PRIMARY_REFERRAL.get(values.get("action_taken") or "")
    further = values.get("further_referrals")
    items = further if isinstance(further, list) else []
    kinds = [item.get("further_referral_type") for item in items if isinstance(item, Mapping)]
    return tuple([primary] if primary else []) + tuple(
        kind if isinstance(kind, str) else "other" for kind in kinds)


@dataclass(frozen=True)
class Table:
    id: str
    row_kinds: tuple[str, ...]  # how each part of a row key is named (see labels.py)
    column_kinds: tuple[str, ...]
    rows: tuple[Key, ...]
    columns: tuple[Key, ...]
    cells: Mapping[tuple[Key, Key], int]
    # the standard's own rows and columns (shown even when zero), and whether the other rows are
    # named by the data (countries): what a published table may show (screening/reports/shape.py)
    fixed_rows: tuple[Key, ...] = ()
    fixed_columns: tuple[Key, ...] = ()
    open_rows: bool = False

    def count(self, row: Key, column: Key) -> int:
        return self.cells.get((row, column), 0)

    def row_total(self, row: Key) -> int:
        return sum(self.count(row, c) for c in self.columns)

    def column_total(self, column: Key) -> int:
        return sum(self.count(r, column) for r in self.rows)

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    def grid(self) -> list[list[int]]:
        """The counts with the row totals as the last column and the column totals as the last
        row (the grand total in the corner)."""
        body = [[self.count(r, c) for c in self.columns] for r in self.rows]
        body = [[*line, sum(line)] for line in body]
        totals = [sum(col) for col in zip(*body, strict=True)] if body else \
            [0] * (len(self.columns) + 1)
        return [*body, totals]


Quarter = Period  # the name the callers knew; a period may now also be a half-year or a year


@dataclass(frozen=True)
class Statistics:
    period: Period
    checkpoint: str | None
    interviews: int
    # the seven tables of docs/questionnaire-standard.md §5, then the plan's (9-17), then, from
    # central's case registry, the shelter tables and identified/suspected (18-22), in order
    tables: tuple[Table, ...]
    chart: Table  # outcomes by checkpoint, drawn as the bar chart
    # the interviews it was counted from, of any date (of its checkpoint, if it has one): the
    # disclosure control protects it together with the reports they also make
    source: tuple[Facts, ...] = ()
    # every checkpoint's interviews, of any date, and the checkpoints in display order: a
    # checkpoint's half-year or year is protected together with the national reports
    population: tuple[Facts, ...] = ()
    checkpoints: tuple[str, ...] = ()
    registry: bool = False  # counted with the case registry (central): tables 18-22 are in

    @property
    def quarter(self) -> Period:
        return self.period


def compute(facts: Iterable[Facts | Mapping[str, Any]], quarter: Period | str, *,
            checkpoint: str | None = None, checkpoints: Sequence[str] = (),
            registry: bool | None = None) -> Statistics:
    """Count the interviews of the period ``quarter`` (a quarter, half-year or year; by
    interview date), optionally of one checkpoint.
    ``checkpoints`` lists the checkpoint codes in display order, so that a checkpoint with no
    interview still shows as a row of zeros. ``registry``: the facts carry central's case
    registry, so tables 18-22 are published (None: whether any of them says so)."""
    period = quarter if isinstance(quarter, Period) else parse_period(quarter)
    population = tuple(map(_as_facts, facts))
    source = population if checkpoint is None else tuple(
        f for f in population if f.checkpoint == checkpoint)
    chosen = [f for f in source if f.interview_date in period]
    points = (checkpoint,) if checkpoint else tuple(checkpoints)
    victims = [f for f in chosen if f.victim]
    tables = (
        _table("t1", chosen, ("checkpoint",), ("group", "sex"), lambda f: (f.checkpoint,),
               _group_sex, [(c,) for c in points], _group_sex_columns()),
        _table("t2", chosen, ("outcome",), ("group", "sex"), lambda f: (f.outcome,),
               _group_sex, [(o,) for o in OUTCOMES], _group_sex_columns()),
        _table("t3", chosen, ("action",), ("outcome",), lambda f: (f.action_taken,),
               lambda f: (f.outcome,), [(a,) for a in ACTIONS], [(o,) for o in OUTCOMES]),
        _table("t4", victims, ("country", "sex"), ("age_band",),
               lambda f: (f.nationality, f.sex), lambda f: (age_band(f.age_years),),
               [], [(b,) for b in AGE_BANDS], by_size=True),
        _table("t5", victims, ("country",), ("sector",),
               lambda f: (f.country_of_exploitation,), lambda f: (_sector(f),), [], [],
               by_size=True, column_order=[*SECTORS, SEVERAL]),
        _table("t6", victims, ("victim_status",), ("group", "sex"), lambda f: (_status(f),),
               _group_sex, [(s,) for s in VICTIM_STATUS], _group_sex_columns()),
        _table("t7", chosen, ("country",), ("return_mode",), lambda f: (f.returned_from,),
               lambda f: (f.return_mode,), [], [(m,) for m in RETURN_MODES], by_size=True),
        *plan_tables(chosen),
    )
    # imported here: the registry's tables are built with this module's helpers. Counted
    # always (all zeros without a registry), so that every report of a family has the same
    # tables; only a report with the registry prints them (csvexport.printed)
    from screening.reports.registrytables import registry_tables
    tables += registry_tables(source, chosen, period)
    if registry is None:
        registry = any(f.registry for f in source)
    chart = _table("chart", chosen, ("checkpoint",), ("outcome",), lambda f: (f.checkpoint,),
                   lambda f: (f.outcome,), [(c,) for c in points], [(o,) for o in OUTCOMES])
    return Statistics(period, checkpoint, len(chosen), tables, chart, source, population,
                      tuple(checkpoints), registry)


def plan_tables(chosen: list[Facts]) -> tuple[Table, ...]:
    """The breakdowns the national plan asks for beside the standard's (tables 9-17), by
    adults/children (the children's tables by sex): narrow, so that few cells are small."""
    children = [f for f in chosen if f.child]
    from_greece = [f for f in children if f.returned_from == GREECE]
    answers = [(a,) for a in YES_NO_UNKNOWN]
    groups = [(g,) for g in GROUPS]
    sexes = [(s,) for s in SEXES]

    def by_group(tid: str, kind: str, row_of: Callable[[Facts], Key],
                 rows: list[Key]) -> Table:
        return _table(tid, chosen, (kind,), ("group",), row_of, _group, rows, groups)

    return (
        by_group("t9", "action", lambda f: (f.action_taken,), [(a,) for a in ACTIONS]),
        by_group("t10", "citizenship", lambda f: (_citizenship(f),),
                 [(c,) for c in CITIZENSHIP]),
        _table("t11", from_greece, ("greece_agreement",), ("sex",),
               lambda f: (f.greece_agreement,), lambda f: (f.sex,), answers, sexes),
        _table("t12", children, ("unaccompanied",), ("sex",),
               lambda f: (f.child_unaccompanied,), lambda f: (f.sex,), answers, sexes),
        by_group("t13", "consent", lambda f: (f.consent_interview,), [(c,) for c in CONSENT]),
        by_group("t14", "answer", lambda f: (f.same_sex_interviewer_offered,), answers),
        by_group("t15", "advance_notice", lambda f: (_advance_notice(f),),
                 [(a,) for a in ADVANCE_NOTICE]),
        by_group("t16", "met_on_arrival", lambda f: (_one_or_several(f.met_on_arrival_by),),
                 [(m,) for m in MET_ON_ARRIVAL]),
        _referrals_table(chosen),
    )


def _group(facts: Facts) -> Key:
    return ("child" if facts.child else "adult",)


def _citizenship(facts: Facts) -> str | None:
    if not facts.nationality:
        return None
    return "albanian" if facts.nationality == ALBANIA else "foreign"


def _advance_notice(facts: Facts) -> str | None:
    if facts.advance_notice != "yes":
        return facts.advance_notice
    return _one_or_several(facts.advance_notice_by) or "yes_by_unstated"


def _one_or_several(chosen: tuple[str, ...]) -> str | None:
    values = set(chosen)
    if len(values) > 1:
        return SEVERAL
    return next(iter(values), None)


def _referrals_table(chosen: list[Facts]) -> Table:
    """Referrals, not people: an interview counts once per referral it made (table 17)."""
    units = [(f, kind) for f in chosen for kind in f.referrals]
    cells = Counter(((kind,), _group(f)) for f, kind in units)
    rows = [(t,) for t in REFERRAL_TYPES]
    rows += sorted({r for r, _ in cells if r not in rows}, key=str)
    groups = tuple((g,) for g in GROUPS)
    return Table("t17", ("referral_type",), ("group",), tuple(rows), groups, dict(cells),
                 tuple((t,) for t in REFERRAL_TYPES), groups, False)


def age_band(age: int | None) -> str | None:
    if age is None:
        return None
    for band, upper in zip(AGE_BANDS, (14, 18, 25, 35), strict=False):
        if age < upper:
            return band
    return AGE_BANDS[-1]


def _as_facts(item: Facts | Mapping[str, Any]) -> Facts:
    return item if isinstance(item, Facts) else facts_from_mapping(item)


def _group_sex(facts: Facts) -> Key:
    return ("child" if facts.child else "adult", facts.sex)


def _group_sex_columns() -> list[Key]:
    return [(g, s) for g in GROUPS for s in SEXES]


def _sector(facts: Facts) -> str | None:
    sectors = set(facts.activity_sector)
    if len(sectors) > 1:
        return SEVERAL
    return next(iter(sectors), None)


def _status(facts: Facts) -> str:
    answer = facts.previously_assisted_as_victim
    if answer == "yes" or facts.repeat_by_match:
        return "repeat"
    return "new" if answer == "no" else "unknown"


def mark_repeats(facts: Mapping[str, Facts], repeat_ids: Collection[str]) -> list[Facts]:
    """The facts (by interview id) with ``repeat_by_match`` set for ``repeat_ids``: the
    interviews that central's confirmed matches show to be repeat victims."""
    return [replace(f, repeat_by_match=True) if iid in repeat_ids else f
            for iid, f in facts.items()]


def _table(table_id: str, facts: list[Facts], row_kinds: tuple[str, ...],
           column_kinds: tuple[str, ...], row_of: Callable[[Facts], Key],
           column_of: Callable[[Facts], Key], rows: list[Key], columns: list[Key], *,
           by_size: bool = False, column_order: Sequence[str] = ()) -> Table:
    cells = Counter((row_of(f), column_of(f)) for f in facts)
    found_rows: Counter[Key] = Counter()
    for (row, _), n in cells.items():
        found_rows[row] += n
    all_rows = _extend(rows, found_rows, by_size)
    found_columns = {column for _, column in cells}
    if column_order:  # only the columns that occur, in the standard's order
        rank = {value: i for i, value in enumerate(column_order)}
        columns = sorted(found_columns, key=lambda c: (c[0] is None, rank.get(c[0], 99),
                                                       str(c[0])))
    all_columns = _grouped(_extend(columns, Counter(dict.fromkeys(found_columns, 0)), False))
    fixed_columns = [(value,) for value in column_order] if column_order else columns
    return Table(table_id, row_kinds, column_kinds, tuple(all_rows), tuple(all_columns),
                 dict(cells), tuple(rows), tuple(fixed_columns), by_size)


def _extend(fixed: list[Key], found: Counter, by_size: bool) -> list[Key]:
    """The fixed keys in their order, then keys found in the data: by value, or, when
    ``by_size``, largest first by their first part (so a country's rows stay together); an
    unrecorded value sorts last."""
    known = set(fixed)
    extra = [k for k in found if k not in known]
    first: Counter = Counter()
    for key, n in found.items():
        first[key[0]] += n
    size = (lambda k: -first[k[0]]) if by_size else (lambda k: 0)
    extra.sort(key=lambda k: (k[0] is None, size(k), str(k[0]),
                              tuple((p is None, str(p)) for p in k[1:])))
    return [*fixed, *extra]


def _grouped(columns: list[Key]) -> list[Key]:
    """Columns sharing a first part side by side (an unrecorded sex next to the other adults'
    sexes, not after the children), each group where it first appears."""
    first_seen: dict[Any, int] = {}
    for index, column in enumerate(columns):
        first_seen.setdefault(column[0], index)
    return sorted(columns, key=lambda c: first_seen[c[0]])  # stable: order inside a group kept
