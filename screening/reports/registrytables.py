"""The tables counted from central's case registry (tables 18-22): the national plan's shelter
table, split in four so that each has row and column totals, and the period's possible victims
split by the Responsible Authority's formal identification. Pure, like statistics.py; a
workstation has no registry and so never counts them (docs/statistics.md says why).

Who is counted where, so that a half-year is the sum of its quarters and a national table the
sum of its checkpoints' (the disclosure control relies on both; see docs/statistics.md):

- tables 18-21 count each person accommodated in a shelter once, in the period of the first
  admission, with the length of that stay as the registry knows it when the report is made:
  actual once the exit is recorded, else anticipated from the expected exit;
- table 22 counts the period's interviews (by interview date) whose outcome is a possible
  victim, by formal status, and beside them the people the Responsible Authority identified
  although the screening did not suspect them.
"""

from __future__ import annotations

from collections.abc import Sequence

from screening.reports.period import Period
from screening.reports.statistics import (
    AGE_BANDS,
    ALBANIA,
    GROUPS,
    VICTIM_STATUS,
    YES_NO_UNKNOWN,
    Facts,
    Key,
    Table,
    _group,
    _status,
    _table,
    age_band,
)

SHELTER_TABLES = ("t18", "t19", "t20", "t21")  # the same people: equal grand totals
STAY_TABLE = "t19"  # the console draws its lengths of stay as a chart
ACTUAL, ANTICIPATED = "actual", "anticipated"
# upper bounds in days: under 1 month, 1-3, 3-6, 6-12 months, more than 12
STAY_BANDS = (("lt1", 30), ("1-3", 91), ("3-6", 182), ("6-12", 365), ("gt12", None))
NO_DATE = "unknown"  # still there, no expected exit recorded
PERMITS = ("applied", "granted", "refused", "none", "not_applicable")
FORMAL = ("identified_victim", "potential_victim", "not_victim", "undecided")
NOT_SUSPECTED = "not_suspected"  # identified or potential victims the screening missed
IDENTIFIED = ("identified_victim", "potential_victim")


def registry_tables(source: Sequence[Facts], chosen: Sequence[Facts], period: Period
                    ) -> tuple[Table, ...]:
    """Tables 18-22: ``source`` is every interview counted from (of the report's checkpoint),
    ``chosen`` those of the period. Facts without the registry (a workstation's) count in
    none of them, so that these tables, all zeros there, add nothing to its audit."""
    housed = [f for f in source if f.shelter_admission is not None
              and f.shelter_admission in period]
    stays = [(basis, band) for basis in (ACTUAL, ANTICIPATED) for band, _days in STAY_BANDS]
    stays.append((ANTICIPATED, NO_DATE))
    return (
        _table("t18", housed, ("country", "sex"), ("age_band",),
               lambda f: (f.nationality, f.sex), lambda f: (age_band(f.age_years),),
               [], [(b,) for b in AGE_BANDS], by_size=True),
        _table("t19", housed, ("country",), ("stay_basis", "stay"),
               lambda f: (f.country_of_exploitation,), stay, [], stays, by_size=True),
        _table("t20", housed, ("witness",), ("permit",), lambda f: (f.victim_witness,),
               lambda f: (permit(f),), [(w,) for w in YES_NO_UNKNOWN], [(p,) for p in PERMITS]),
        _table("t21", housed, ("victim_status",), ("group",), lambda f: (_status(f),), _group,
               [(s,) for s in VICTIM_STATUS], [(g,) for g in GROUPS]),
        _table("t22", [f for f in chosen if f.registry
                       and (f.victim or f.formal_status in IDENTIFIED)],
               ("formal_status",), ("group",), lambda f: (formal(f),), _group,
               [(s,) for s in (*FORMAL, NOT_SUSPECTED)], [(g,) for g in GROUPS]),
    )


def stay(facts: Facts) -> Key:
    """(actual or anticipated, band) of the stay that began with the first admission; a stay
    with neither an exit nor an expected exit recorded is (anticipated, ``NO_DATE``)."""
    admitted = facts.shelter_admission
    if admitted is None:
        return (None, None)
    if facts.shelter_exit is not None:
        return (ACTUAL, stay_band((facts.shelter_exit - admitted).days))
    if facts.shelter_expected_exit is not None:
        return (ANTICIPATED, stay_band((facts.shelter_expected_exit - admitted).days))
    return (ANTICIPATED, NO_DATE)


def stay_band(days: int) -> str:
    for band, upper in STAY_BANDS:
        if upper is None or days < upper:
            return band
    raise AssertionError("the last band has no upper bound")


def permit(facts: Facts) -> str | None:
    """The temporary residence permit: for an Albanian citizen not applicable; for a foreign
    national as recorded ("none": not applied for, or no identification recorded)."""
    if not facts.nationality:
        return None
    if facts.nationality == ALBANIA:
        return "not_applicable"
    return facts.residence_permit or "none"


def formal(facts: Facts) -> str:
    if not facts.victim:
        return NOT_SUSPECTED
    return facts.formal_status if facts.formal_status in FORMAL else "undecided"
