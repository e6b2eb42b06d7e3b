"""The anonymised case-level export for analysts and partners: one row per possible victim,
named with the field names of IOM's Human Trafficking Case Data Standard (HTCDS) and of the
Counter Trafficking Data Collaborative (CTDC) built on it (docs/questionnaire-standard.md §6),
k-anonymised on its quasi-identifiers with k = 11 as the CTDC publishes.

Quasi-identifiers: age band, sex, nationality, country of exploitation, type of exploitation,
year. Every combination of them that the export prints is shared by at least k rows: values are
generalised step by step, each quasi-identifier up its own ladder (a rare country becomes
"Other", nationality Albanian or foreign, ages adult or child, … and at last "*"), always that
of the quasi-identifier with the most distinct values (as Datafly does); once those rows
are few (at most 5 %), they are left out instead. Nothing else of the
interview leaves: no date finer than the year, no checkpoint, no case reference.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from screening.reports.statistics import ALBANIA, Facts, age_band

K_ANONYMITY = 11  # the CTDC's threshold
SUPPRESSION_BUDGET = 0.05  # the share of rows that may be left out instead of generalising more
ANY = "*"  # a value generalised away
OTHER = "Other"

# HTCDS / CTDC names of the exported columns; the first six are the quasi-identifiers. No
# other column may tell them apart (a "minor" flag would split an age band: it is left out).
FIELDS = ("ageBroad", "prs_Gender", "prs_Nationality", "CountryOfExploitation",
          "vic_TypeOfExploitation", "yearOfRegistration", "traffickingStatus")
QUASI = FIELDS[:6]
_GENDER = {"female": "Female", "male": "Male", "other": "Other", "not_stated": "Unknown"}
_EXPLOITATION = {"sexual": "SexualExploitation", "forced_labour": "ForcedLabour",
                 "forced_begging": "ForcedBegging", "forced_criminality": "IllicitActivities",
                 "forced_marriage": "ForcedMarriage", "organ_removal": "OrganRemoval",
                 "other": "Other"}
# 2026.1 has no type of exploitation: its activity sectors say it (§6)
_FROM_SECTOR = {"sexual_services": "SexualExploitation", "begging": "ForcedBegging",
                "criminal_activity": "IllicitActivities",
                "cannabis_cultivation": "IllicitActivities", "none": ""}
SEVERAL = "MultipleTypes"
POSSIBLE_VICTIM = "Possible victim of trafficking"  # never "Actual victim": §2.1

Row = dict[str, str]


@dataclass(frozen=True)
class Export:
    rows: list[Row]
    left_out: int  # possible victims whose rows would have been too rare, even generalised
    steps: tuple[str, ...]  # the generalisations applied, in order


def case_rows(facts: Iterable[Facts]) -> list[Row]:
    """The rows before anonymisation: one per possible victim (suspected or presumed)."""
    return [_row(f) for f in facts if f.victim]


def anonymised(facts: Iterable[Facts], k: int = K_ANONYMITY) -> Export:
    """The export: generalised (and at last suppressed) until every combination of the
    quasi-identifiers it prints is shared by at least ``k`` rows."""
    rows = case_rows(facts)
    applied: list[str] = []
    ladders = {field: list(steps) for field, steps in _LADDERS.items()}
    while _rare_count(rows, k) > SUPPRESSION_BUDGET * len(rows):
        # Datafly: the next rung of the quasi-identifier with the most distinct values
        # (ties: the order of _LADDERS)
        options = [(-len({row[field] for row in rows}), index, field)
                   for index, (field, ladder) in enumerate(ladders.items()) if ladder]
        if not options:
            break
        field = min(options)[2]
        name, step = ladders[field][0]
        rows = step(rows, k)
        ladders[field].pop(0)
        applied.append(name)
    kept = _kept(rows, k)
    return Export(_shuffled(kept), len(rows) - len(kept), tuple(applied))


def export_csv(export: Export) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(export.rows)
    return buffer.getvalue().encode("utf-8-sig")


def smallest_class(rows: Sequence[Row]) -> int:
    """The size of the smallest combination of quasi-identifiers (0 for no rows)."""
    counts = _classes(rows)
    return min(counts.values()) if counts else 0


# ----- rows --------------------------------------------------------------------------------------

def _row(facts: Facts) -> Row:
    band = age_band(facts.age_years)
    return {"ageBroad": band or "Unknown", "prs_Gender": _GENDER.get(facts.sex or "", "Unknown"),
            "prs_Nationality": facts.nationality or "Unknown",
            "CountryOfExploitation": facts.country_of_exploitation or "Unknown",
            "vic_TypeOfExploitation": _exploitation(facts),
            "yearOfRegistration": str(facts.interview_date.year),
            "traffickingStatus": POSSIBLE_VICTIM}


def _exploitation(facts: Facts) -> str:
    if facts.exploitation_type:
        kinds = {_EXPLOITATION.get(t, OTHER) for t in facts.exploitation_type if t != "none"}
    else:
        kinds = {_FROM_SECTOR.get(s, "ForcedLabour") for s in facts.activity_sector}
        kinds.discard("")
    if len(kinds) > 1:
        return SEVERAL
    return next(iter(kinds), "Unknown")


# ----- generalisation ----------------------------------------------------------------------------

def _classes(rows: Iterable[Row]) -> Counter:
    return Counter(tuple(row[q] for q in QUASI) for row in rows)


def _rare_count(rows: Sequence[Row], k: int) -> int:
    return sum(n for n in _classes(rows).values() if n < k)


def _kept(rows: list[Row], k: int) -> list[Row]:
    counts = _classes(rows)
    return [row for row in rows if counts[tuple(row[q] for q in QUASI)] >= k]


def _rare_to_other(field: str) -> Callable[[list[Row], int], list[Row]]:
    """Values of ``field`` held by fewer than k rows become "Other" (and "Other" itself stays)."""
    def step(rows: list[Row], k: int) -> list[Row]:
        counts = Counter(row[field] for row in rows)
        return [{**row, field: row[field] if counts[row[field]] >= k else OTHER}
                for row in rows]
    return step


def _recode(field: str, recode: Callable[[str], str]) -> Callable[[list[Row], int], list[Row]]:
    def step(rows: list[Row], _k: int) -> list[Row]:
        return [{**row, field: recode(row[field])} for row in rows]
    return step


def _citizen(value: str) -> str:
    return value if value in (ALBANIA, ANY, "Unknown") else "Foreign"


def _adult_or_child(value: str) -> str:
    return {"0-13": "0-17", "14-17": "0-17"}.get(value, "18+" if value[:1].isdigit() else value)


Step = Callable[[list[Row], int], list[Row]]
_LADDERS: dict[str, tuple[tuple[str, Step], ...]] = {
    "CountryOfExploitation": (
        ("rare countries of exploitation → Other", _rare_to_other("CountryOfExploitation")),
        ("country of exploitation → *", _recode("CountryOfExploitation", lambda _v: ANY))),
    "vic_TypeOfExploitation": (
        ("rare types of exploitation → Other", _rare_to_other("vic_TypeOfExploitation")),
        ("type of exploitation → *", _recode("vic_TypeOfExploitation", lambda _v: ANY))),
    "prs_Nationality": (
        ("rare nationalities → Other", _rare_to_other("prs_Nationality")),
        ("nationality → Albanian or foreign", _recode("prs_Nationality", _citizen)),
        ("nationality → *", _recode("prs_Nationality", lambda _v: ANY))),
    "ageBroad": (
        ("age → child or adult", _recode("ageBroad", _adult_or_child)),
        ("age → *", _recode("ageBroad", lambda _v: ANY))),
    "prs_Gender": (
        ("rare sexes → Other", _rare_to_other("prs_Gender")),
        ("sex → *", _recode("prs_Gender", lambda _v: ANY))),
}


def _shuffled(rows: list[Row]) -> list[Row]:
    """The rows sorted by their values: the order of the interviews (their dates) is not
    published either."""
    return sorted(rows, key=lambda row: tuple(row[f] for f in FIELDS))
