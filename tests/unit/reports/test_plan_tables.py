"""The national plan's breakdowns (tables 9-17): counted from interviews of both questionnaire
versions, each with row and column totals, in the PDF, the CSV files and the workbook."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest

from screening.reports.csvexport import tables_csv
from screening.reports.quarterly import render_quarterly
from screening.reports.statistics import (
    PLAN_TABLES,
    REGISTRY_TABLES,
    STANDARD_TABLES,
    Facts,
    compute,
    facts_from_interview,
    facts_from_mapping,
)
from screening.reports.xlsxexport import tables_xlsx
from tests.answer_sets import adult_no_indicators, child_answers, for_2026_1, with_yes
from tests.unit.reports.helpers import squeeze, text

REFERRED = {"action_taken": "referred_police_at_unit",
            "referral_organisation": "police_anti_trafficking", "referral_urgent": "yes",
            "officer_outcome": "suspected_victim"}
FURTHER = [{"further_referral_organisation": "nrcvt", "further_referral_type": "shelter",
            "further_referral_urgent": "yes"},
           {"further_referral_organisation": "state_social_services",
            "further_referral_type": "health", "further_referral_urgent": "no"}]


@pytest.fixture(scope="module")
def facts(standard_form, form_2026_1, reference):
    newer = [
        # 2026.2: notified in advance by IOM and the consulate, met by the police, referred to
        # the police and two further organisations
        with_yes(adult_no_indicators(**REFERRED, further_referrals=FURTHER,
                                     advance_notice="yes",
                                     advance_notice_by=["iom", "consulate"],
                                     met_on_arrival_by=["police"]), "ind_violence"),
        adult_no_indicators(nationality="XK", advance_notice="no", met_on_arrival_by=["nobody"],
                            same_sex_interviewer_offered="no"),
        child_answers(child_unaccompanied="yes", child_return_under_greece_agreement="yes",
                      advance_notice="yes", met_on_arrival_by=["child_protection", "police"]),
        adult_no_indicators(consent_interview="no", sex="female"),
    ]
    older = [for_2026_1(adult_no_indicators(action_taken="referred_shelter",
                                             referral_organisation="nrcvt",
                                             referral_urgent="no",
                                             officer_outcome="presumed_victim")),
             for_2026_1(child_answers(returned_from="IT",
                                      child_return_under_greece_agreement=None))]
    made = [facts_from_interview(a, standard_form, reference) for a in newer]
    made += [facts_from_interview(a, form_2026_1, reference) for a in older]
    return made


def table(stats, tid):
    return next(t for t in stats.tables if t.id == tid)


def test_the_standard_tables_keep_their_numbers_and_the_plan_follows(facts):
    stats = compute(facts, "2026Q3")
    # the case registry's follow (all zeros without it: a workstation prints none of them)
    assert [t.id for t in stats.tables] == [*STANDARD_TABLES, *PLAN_TABLES, *REGISTRY_TABLES]
    assert stats.chart.id == "chart" and not stats.registry
    assert all(table(stats, tid).total == 0 for tid in REGISTRY_TABLES)


def test_facts_read_both_questionnaire_versions(facts):
    first, _foreign, child, _declined, older, _older_child = facts
    assert first.referrals == ("police_anti_trafficking", "shelter", "health")
    assert first.advance_notice == "yes"
    assert set(first.advance_notice_by) == {"iom", "consulate"}
    assert child.child_unaccompanied == "yes" and child.greece_agreement == "yes"
    # 2026.1 has neither advance notice nor further referrals: its primary referral counts
    assert older.referrals == ("shelter",)
    assert older.advance_notice is None and older.met_on_arrival_by == ()


def test_each_breakdown_counts(facts):
    stats = compute(facts, "2026Q3")
    assert table(stats, "t9").count(("referred_police_at_unit",), ("adult",)) == 1
    citizens = table(stats, "t10")
    assert citizens.row_total(("albanian",)) == 5
    assert citizens.row_total(("foreign",)) == 1
    greece = table(stats, "t11")  # children returned from Greece only
    assert greece.total == 1 and greece.count(("yes",), ("female",)) == 1
    unaccompanied = table(stats, "t12")
    assert unaccompanied.total == 2  # every child, of either version
    assert unaccompanied.count(("yes",), ("female",)) == 1
    declined = table(stats, "t13")
    assert declined.count(("no",), ("adult",)) == 1
    assert declined.row_total(("yes",)) == 5
    assert table(stats, "t14").count(("no",), ("adult",)) == 1
    notice = table(stats, "t15")
    assert notice.count(("several",), ("adult",)) == 1  # IOM and the consulate
    assert notice.count(("yes_by_unstated",), ("child",)) == 1
    assert notice.count(("no",), ("adult",)) == 1
    assert notice.count((None,), ("adult",)) == 2  # the one that was not asked, and 2026.1
    met = table(stats, "t16")
    assert met.count(("police",), ("adult",)) == 1
    assert met.count(("several",), ("child",)) == 1
    assert met.count(("nobody",), ("adult",)) == 1


def test_referrals_count_the_primary_one_and_each_further_one(facts):
    referrals = table(compute(facts, "2026Q3"), "t17")
    assert referrals.count(("police_anti_trafficking",), ("adult",)) == 1
    assert referrals.count(("shelter",), ("adult",)) == 2  # a further one, and 2026.1's primary
    assert referrals.count(("health",), ("adult",)) == 1
    assert referrals.total == 4
    grid = referrals.grid()
    assert grid[-1][-1] == 4 and all(line[-1] == sum(line[:-1]) for line in grid)


def test_facts_kept_as_json_at_central_come_back_the_same(facts):
    first = facts[0]
    stored = dataclasses.asdict(first)
    stored["interview_date"] = first.interview_date.isoformat()
    stored.update({name: list(value) for name, value in stored.items()
                   if isinstance(value, tuple)})
    assert facts_from_mapping(stored) == first


def test_facts_of_an_older_central_row_count_as_not_recorded():
    old = facts_from_mapping({"interview_date": "2026-07-02", "checkpoint": "TIA"})
    stats = compute([old], "2026Q3")
    assert table(stats, "t15").count((None,), ("adult",)) == 1
    assert table(stats, "t17").total == 0


def test_hostile_answers_do_not_break_the_count():
    odd = Facts(dt.date(2026, 7, 1), referrals=("not-a-type",), advance_notice="maybe",
                met_on_arrival_by=("<script>",))
    stats = compute([odd], "2026Q3")
    assert table(stats, "t17").count(("not-a-type",), ("adult",)) == 1
    assert table(stats, "t15").total == 1 and table(stats, "t16").total == 1


@pytest.mark.parametrize("period", ["2026Q3", "2026H2", "2026"])
def test_the_breakdowns_are_in_the_pdf_csv_and_workbook(facts, standard_form, reference,
                                                        period):
    from openpyxl import load_workbook

    stats = compute(facts, period, checkpoints=tuple(reference.checkpoints))
    pdf = text(render_quarterly(stats, standard_form, reference, lang="en"))
    for title in ("9. How processed", "10. Albanian citizens and foreign nationals",
                  "11. Children returned from Greece", "12. Children: whether unaccompanied",
                  "13. Consent to the interview", "14. Whether an interviewer of the same sex",
                  "15. Returns notified in advance", "16. Who met the person on arrival",
                  "17. Referrals"):
        assert squeeze(title) in squeeze(pdf), title
    files = tables_csv(stats, standard_form, reference, lang="en")
    referrals = files[f"{period}_17_referrals_by_type.csv"].decode("utf-8-sig").splitlines()
    assert referrals[0] == "17. Referrals (the primary one and every further one), by type, " \
        "adults/children and sex,Adults,Children,Total" or referrals[0].endswith(",Total")
    assert referrals[-1].split(",")[-1] == "4"
    declined = files[f"{period}_13_declined_interview.csv"].decode("utf-8-sig")
    assert "Declined the interview,1,0,1" in declined
    book = load_workbook(io.BytesIO(tables_xlsx(stats, standard_form, reference)))
    sheet = book["10_albanian_and_foreign"]
    rows = [[c.value for c in line] for line in sheet.iter_rows()]
    assert rows[1][0] == "Albanian citizens" and rows[1][-1] == 5
    assert rows[-1][-1] == 6


def test_the_albanian_report_names_the_breakdowns_in_albanian(facts, standard_form, reference):
    stats = compute(facts, "2026Q3")
    files = tables_csv(stats, standard_form, reference, lang="sq")
    declined = files["2026Q3_13_declined_interview.csv"].decode("utf-8-sig")
    assert "Nuk pranoi intervistën" in declined and "Gjithsej" in declined
    citizens = files["2026Q3_10_albanian_and_foreign.csv"].decode("utf-8-sig")
    assert "Shtetas të huaj" in citizens and "Fëmijë" in citizens
