"""The HTCDS-aligned case-level export (screening/reports/htcds.py): k = 11 holds on varied,
realistic generated data, and an attacker who knows a person's quasi-identifiers cannot single
them out."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

import pytest

from screening.reports.htcds import (
    FIELDS,
    K_ANONYMITY,
    POSSIBLE_VICTIM,
    QUASI,
    anonymised,
    case_rows,
    export_csv,
    smallest_class,
)
from screening.reports.statistics import Facts, facts_from_interview
from tests.answer_sets import adult_no_indicators, with_yes
from tests.unit.reports.helpers import VICTIM_INDICATORS


def realistic(rng: random.Random, n: int, year: int = 2026) -> list[Facts]:
    """Returnees as Rinas and the land crossings see them: mostly Albanian adults returned
    from the EU and the UK, a long tail of nationalities and countries, a few children."""
    facts = []
    for _ in range(n):
        child = rng.random() < 0.2
        facts.append(Facts(
            interview_date=dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365)),
            checkpoint=rng.choice(["TIA", "KKV", "KPS", "DUR"]), child=child,
            sex=rng.choices(["female", "male", "other", "not_stated", None],
                            [45, 50, 1, 2, 2])[0],
            age_years=rng.randrange(8, 18) if child else rng.randrange(18, 66),
            outcome=rng.choices(["no_indicators", "at_risk", "suspected_victim",
                                 "presumed_victim"], [40, 20, 25, 15])[0],
            nationality=rng.choices(["AL", "XK", "MK", "SY", "AF", "PK", "BD", "MA", None],
                                    [80, 6, 3, 3, 2, 2, 1, 1, 2])[0],
            country_of_exploitation=rng.choices(
                ["GB", "IT", "GR", "DE", "FR", "BE", "TR", "AE", None], [30, 20, 20, 10, 5, 4,
                                                                        4, 2, 5])[0],
            exploitation_type=tuple(rng.sample(
                ["sexual", "forced_labour", "forced_begging", "forced_criminality",
                 "forced_marriage", "organ_removal"], rng.choices([1, 2], [9, 1])[0]))
            if rng.random() < 0.7 else (),
            activity_sector=(rng.choice(["agriculture", "construction", "sexual_services",
                                         "begging", "cannabis_cultivation"]),)))
    return facts


def classes(rows):
    found = {}
    for row in rows:
        key = tuple(row[q] for q in QUASI)
        found[key] = found.get(key, 0) + 1
    return found


@pytest.mark.parametrize(("seed", "n"), [(1, 60), (2, 400), (3, 3000), (4, 25)])
def test_every_printed_combination_is_shared_by_at_least_eleven(seed, n):
    export = anonymised(realistic(random.Random(seed), n))
    assert all(count >= K_ANONYMITY for count in classes(export.rows).values())
    victims = len(case_rows(realistic(random.Random(seed), n)))
    assert len(export.rows) + export.left_out == victims
    if victims >= 4 * K_ANONYMITY:  # enough people: a few left out, the rest generalised
        assert export.left_out <= 0.05 * victims or len(export.steps) == 12
    if export.rows:
        assert smallest_class(export.rows) >= K_ANONYMITY


def test_large_data_keeps_detail():
    export = anonymised(realistic(random.Random(5), 6000))
    # with thousands of victims the age bands and the sexes stay as they are, and the
    # generalisation stops before everything is "*"
    assert {"18-24", "25-34", "35+"} <= {row["ageBroad"] for row in export.rows}
    assert {"Female", "Male"} <= {row["prs_Gender"] for row in export.rows}
    assert export.left_out <= 0.05 * (len(export.rows) + export.left_out)


def test_the_attacker_cannot_single_out_a_rare_person():
    # the finding: "Pakistan · male · 35+" = 1 among many; he is in the data, and an
    # attacker who knows all six of his quasi-identifiers finds no row that is his alone
    rng = random.Random(9)
    facts = realistic(rng, 500)
    him = Facts(dt.date(2026, 5, 3), "TIA", False, "male", 41, "presumed_victim",
                nationality="PK", country_of_exploitation="AE",
                exploitation_type=("organ_removal",))
    export = anonymised([*facts, him])
    printed = {value for row in export.rows for value in row.values()}
    assert "PK" not in printed and "AE" not in printed and "OrganRemoval" not in printed
    candidates = [row for row in export.rows
                  if row["prs_Nationality"] in ("PK", "Foreign", "Other", "*")
                  and row["ageBroad"] in ("35+", "18+", "*")
                  and row["prs_Gender"] in ("Male", "*")
                  and row["CountryOfExploitation"] in ("AE", "Other", "*")
                  and row["vic_TypeOfExploitation"] in ("OrganRemoval", "Other", "*")
                  and row["yearOfRegistration"] == "2026"]
    assert not candidates or len(candidates) >= K_ANONYMITY


def test_too_few_victims_export_nothing():
    facts = realistic(random.Random(4), 12)
    export = anonymised(facts)
    assert export.rows == [] and export.left_out == len(case_rows(facts))


def test_the_csv_has_the_htcds_names_and_nothing_identifying(standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="presumed_victim",
                                           action_taken="referred_shelter",
                                           referral_organisation="nrcvt", referral_urgent="yes",
                                           exploitation_type=["forced_labour"]),
                       *VICTIM_INDICATORS)
    one = facts_from_interview(answers, standard_form, reference)
    assert one.exploitation_type == ("forced_labour",)
    export = anonymised([one] * 11)
    lines = list(csv.reader(io.StringIO(export_csv(export).decode("utf-8-sig"))))
    assert tuple(lines[0]) == FIELDS
    assert len(lines) == 12
    assert lines[1] == ["35+", "Male", "AL", "GR", "ForcedLabour", "2026", POSSIBLE_VICTIM]
    text = export_csv(export).decode("utf-8-sig")
    for secret in ("Arben", "Hoxha", "KKV", "2026-07-01", "nrcvt"):
        assert secret not in text


def test_hostile_values_are_generalised_like_any_other():
    odd = [Facts(dt.date(2026, 1, 1), sex="<script>", nationality="ZZ'--",
                 outcome="suspected_victim", country_of_exploitation="\u202eGB",
                 exploitation_type=("not-a-type",), age_years=-3)
           for _ in range(3)]
    export = anonymised([*odd, *realistic(random.Random(8), 300)])
    printed = {value for row in export.rows for value in row.values()}
    assert not {"<script>", "ZZ'--", "\u202eGB"} & printed
    assert smallest_class(export.rows) >= K_ANONYMITY
