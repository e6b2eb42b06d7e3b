"""The seven tables of docs/questionnaire-standard.md §5, against counts worked out by hand from
the blocks of stats_fixture.py (B1..B14; O1 and O2 fall outside the quarter)."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.errors import QuarterError, ReportError
from screening.reports.statistics import (
    AGE_BANDS,
    Facts,
    age_band,
    compute,
    facts_from_interview,
    facts_from_mapping,
    parse_quarter,
)
from tests.answer_sets import adult_no_indicators, child_answers, with_yes
from tests.unit.reports.stats_fixture import IN_QUARTER, fixture_facts

CHECKPOINTS = ("TIA", "HHT", "MRQ", "MOR", "QTH", "TSH", "KKV", "KPS", "TRU", "QBT", "DRS",
               "VLO", "SAR", "SHG")
GROUP_SEX = [("adult", "female"), ("adult", "male"), ("adult", "other"),
             ("adult", "not_stated"), ("adult", None), ("child", "female"), ("child", "male"),
             ("child", "other"), ("child", "not_stated")]
OUTCOMES = [("no_indicators",), ("at_risk",), ("suspected_victim",), ("presumed_victim",)]


@pytest.fixture(scope="module")
def tables():
    stats = compute(fixture_facts(), "2026Q3", checkpoints=CHECKPOINTS)
    assert stats.interviews == IN_QUARTER
    return {t.id: t for t in (*stats.tables, stats.chart)}


def test_table_1_screened_by_checkpoint_age_group_and_sex(tables):
    t1 = tables["t1"]
    assert t1.rows == tuple((c,) for c in CHECKPOINTS)
    assert list(t1.columns) == GROUP_SEX
    grid = dict(zip(CHECKPOINTS, t1.grid(), strict=False))
    #                aF  aM aO aNS a?  cF cM cO cNS  total
    assert grid["TIA"] == [10, 6, 0, 0, 0, 1, 0, 0, 0, 17]   # aF B2 5+B3 3+B4 2; aM B1; cF B14
    assert grid["KKV"] == [0, 11, 0, 0, 0, 1, 3, 0, 0, 15]   # aM B5 7+B6 4; cF B8; cM B7
    assert grid["KPS"] == [0, 6, 0, 0, 0, 0, 0, 0, 0, 6]     # aM B9 4+B10 2
    assert grid["DRS"] == [3, 0, 0, 2, 1, 0, 0, 0, 0, 6]     # aF B11; aNS B12; sex unknown B13
    assert all(sum(grid[c]) == 0 for c in CHECKPOINTS if c not in {"TIA", "KKV", "KPS", "DRS"})
    assert t1.grid()[-1] == [13, 23, 0, 2, 1, 2, 3, 0, 0, 44]


def test_table_2_outcome_by_age_group_and_sex(tables):
    t2 = tables["t2"]
    assert list(t2.rows) == OUTCOMES
    assert list(t2.columns) == GROUP_SEX
    assert t2.grid() == [
        [3, 13, 0, 0, 0, 0, 0, 0, 0, 16],  # B11 | B1 6 + B5 7
        [5, 4, 0, 0, 1, 0, 0, 0, 0, 10],   # B2 | B9 | B13
        [2, 6, 0, 2, 0, 1, 3, 0, 0, 14],   # B4 | B6 4 + B10 2 | B12 | B14 | B7
        [3, 0, 0, 0, 0, 1, 0, 0, 0, 4],    # B3 | B8
        [13, 23, 0, 2, 1, 2, 3, 0, 0, 44]]


def test_table_3_action_taken_by_outcome(tables):
    t3 = tables["t3"]
    assert [r[0] for r in t3.rows] == [
        "referred_shelter", "referred_social_services", "referred_child_protection",
        "referred_police_at_unit", "information_given_only", "no_action", None]
    assert list(t3.columns) == OUTCOMES
    assert t3.grid() == [
        [0, 0, 2, 3, 5],     # B12 | B3
        [0, 0, 4, 0, 4],     # B6
        [0, 0, 4, 1, 5],     # B7 3 + B14 1 | B8
        [0, 0, 4, 0, 4],     # B4 2 + B10 2
        [9, 9, 0, 0, 18],    # B1 6 + B11 3 | B2 5 + B9 4
        [7, 0, 0, 0, 7],     # B5
        [0, 1, 0, 0, 1],     # B13: no action recorded
        [16, 10, 14, 4, 44]]


def test_table_4_victims_by_nationality_sex_and_age_band(tables):
    t4 = tables["t4"]
    # Albania 15 victims, Kosovo 2, Viet Nam 1: largest first, each country's rows together
    assert list(t4.rows) == [("AL", "female"), ("AL", "male"), ("AL", "not_stated"),
                             ("XK", "male"), ("VN", "female")]
    assert [c[0] for c in t4.columns] == list(AGE_BANDS)
    assert t4.grid() == [
        [1, 0, 5, 0, 0, 6],   # B8 aged 13 | B3 aged 20 (3) + B4 aged 24 (2)
        [0, 3, 0, 0, 4, 7],   # B7 aged 15 | B6 aged 35
        [0, 0, 0, 0, 2, 2],   # B12 aged 45
        [0, 0, 2, 0, 0, 2],   # B10 aged 19
        [0, 1, 0, 0, 0, 1],   # B14 aged 16
        [1, 4, 7, 0, 6, 18]]


def test_table_5_victims_by_country_of_exploitation_and_sector(tables):
    t5 = tables["t5"]
    assert list(t5.rows) == [("GR",), ("GB",), ("IT",)]  # 10, 4, 4 (a tie goes by code)
    assert [c[0] for c in t5.columns] == ["agriculture", "construction", "domestic_work",
                                          "sexual_services", "begging",
                                          "cannabis_cultivation", "several"]
    assert t5.grid() == [
        [4, 2, 0, 0, 4, 0, 0, 10],  # B6 | B10 | B7 3 + B8 1
        [0, 0, 0, 3, 0, 1, 0, 4],   # B3 | B14
        [0, 0, 2, 0, 0, 0, 2, 4],   # B12 | B4 (sexual services and hospitality)
        [4, 2, 2, 3, 4, 1, 2, 18]]


def test_table_6_new_and_repeat_victims(tables):
    t6 = tables["t6"]
    assert [r[0] for r in t6.rows] == ["new", "repeat", "unknown"]
    assert list(t6.columns) == [c for c in GROUP_SEX if c[1] is not None]
    assert t6.grid() == [
        [3, 4, 0, 2, 1, 3, 0, 0, 13],  # B3 | B6 | B12 | B14 | B7
        [2, 0, 0, 0, 1, 0, 0, 0, 3],   # B4 | B8
        [0, 2, 0, 0, 0, 0, 0, 0, 2],   # B10 answered "unknown"
        [5, 6, 0, 2, 2, 3, 0, 0, 18]]


def test_table_7_returnees_by_country_and_return_mode(tables):
    t7 = tables["t7"]
    assert list(t7.rows) == [("GR",), ("GB",), ("IT",), (None,)]
    assert [c[0] for c in t7.columns] == [
        "deported", "readmission", "voluntary_return", "assisted_voluntary_return",
        "escorted_return", "self_presented", "intercepted_departure", None]
    assert t7.grid() == [
        [15, 2, 0, 0, 4, 0, 0, 0, 21],  # B5 7 + B6 4 + B9 4 | B10 | B7 3 + B8 1
        [10, 5, 0, 0, 0, 0, 0, 0, 15],  # B1 6 + B3 3 + B14 1 | B2
        [0, 0, 5, 2, 0, 0, 0, 0, 7],    # B4 2 + B11 3 | B12
        [0, 0, 0, 0, 0, 0, 0, 1, 1],    # B13: nothing recorded
        [25, 7, 5, 2, 4, 0, 0, 1, 44]]


def test_chart_counts_outcomes_by_checkpoint(tables):
    grid = dict(zip(CHECKPOINTS, tables["chart"].grid(), strict=False))
    assert grid["TIA"] == [6, 5, 3, 3, 17]   # B1 | B2 | B4 2 + B14 1 | B3
    assert grid["KKV"] == [7, 0, 7, 1, 15]   # B5 | B6 4 + B7 3 | B8
    assert grid["KPS"] == [0, 4, 2, 0, 6]
    assert grid["DRS"] == [3, 1, 2, 0, 6]


def test_one_checkpoint_only():
    stats = compute(fixture_facts(), "2026Q3", checkpoint="KKV", checkpoints=CHECKPOINTS)
    assert stats.interviews == 15  # B5 7 + B6 4 + B7 3 + B8 1; O2 is in October
    t1 = stats.tables[0]
    assert t1.rows == (("KKV",),)
    assert t1.grid()[0] == t1.grid()[-1]


def test_quarter_boundaries_count_by_interview_date():
    days = {f.interview_date for f in fixture_facts()}
    assert dt.date(2026, 6, 30) in days and dt.date(2026, 10, 1) in days
    assert compute(fixture_facts(), "2026Q2").interviews == 2    # O1
    assert compute(fixture_facts(), "2026q4").interviews == 1    # O2
    assert str(parse_quarter(" 2026Q3 ")) == "2026Q3"
    quarter = parse_quarter("2026Q4")
    assert (quarter.start, quarter.end) == (dt.date(2026, 10, 1), dt.date(2027, 1, 1))


@pytest.mark.parametrize("bad", ["2026Q5", "2026Q0", "2026-3", "Q3 2026", "", "26Q3", "2026Q",
                                 "0000Q1", None, 2026])
def test_bad_quarter_is_a_clear_error(bad):
    with pytest.raises(QuarterError) as raised:
        parse_quarter(bad)
    assert raised.value.code == "quarter_invalid"
    assert "2026Q3" in raised.value.message


def test_empty_quarter_gives_empty_tables():
    stats = compute(fixture_facts(), "2020Q1", checkpoints=CHECKPOINTS)
    assert stats.interviews == 0
    assert all(t.total == 0 for t in stats.tables)
    assert stats.tables[0].grid()[-1] == [0] * 9


def test_age_bands():
    assert [age_band(a) for a in (None, 0, 13, 14, 17, 18, 24, 25, 34, 35, 99)] == [
        None, "0-13", "0-13", "14-17", "14-17", "18-24", "18-24", "25-34", "25-34", "35+",
        "35+"]


def test_facts_from_plain_mappings():
    facts = facts_from_mapping({"interview_date": "2026-07-04T09:00:00", "checkpoint": "TIA",
                                "child": 1, "activity_sector": ["begging"], "extra": "ignored"})
    assert facts == Facts(dt.date(2026, 7, 4), "TIA", True, activity_sector=("begging",))
    assert compute([{"interview_date": "2026-07-04"}], "2026Q3").interviews == 1
    with pytest.raises(ReportError):
        facts_from_mapping({"interview_date": "soon"})


def test_facts_from_interview_use_the_engine(standard_form, reference):
    adult = facts_from_interview(with_yes(adult_no_indicators(), "obs_injuries"),
                                 standard_form, reference)
    assert adult == Facts(dt.date(2026, 7, 1), "KKV", False, "male", 36, "no_indicators",
                          "information_given_only", "AL", "GR", ("agriculture",), None, "GR",
                          "deported", consent_interview="yes",
                          same_sex_interviewer_offered="yes")
    child = facts_from_interview(child_answers(), standard_form, reference)
    assert (child.child, child.age_years, child.sex) == (True, 16, "female")
