"""The quarterly report (PDF) and its CSV export."""

from __future__ import annotations

import csv
import io

import pytest

from screening.errors import QuarterError
from screening.reports.csvexport import tables_csv
from screening.reports.quarterly import build_quarterly_report
from screening.reports.statistics import compute
from tests.unit.reports.helpers import pages, render_png, squeeze, text
from tests.unit.reports.stats_fixture import fixture_facts


def report(form, reference, quarter="2026Q3", **options) -> bytes:
    return build_quarterly_report(fixture_facts(), quarter, form, reference, **options)


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads ë and ç correctly
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_report_has_every_table_with_totals_in_both_languages(standard_form, reference):
    words = text(report(standard_form, reference))
    for expected in ("STATISTIKAT TREMUJORE", "Quarterly statistics", "2026Q3",
                     "01.07.2026 – 30.09.2026", "Të gjitha pikat e kalimit",
                     "Vlerësimet sipas pikës së kalimit", "Outcomes by checkpoint",
                     "Rinas — Aeroporti Ndërkombëtar i Tiranës", "Gjithsej",
                     "Viktimë e mundshme e trafikimit, me tregues të plotë",
                     "Shqipëri · Femër", "Disa sektorë", "Greqi",
                     "Nuk është regjistruar", "Viktimë e përsëritur"):
        assert expected in words, expected
    assert "Kthimmeshoqërim" in squeeze(words)  # a column heading, wrapped
    for number in range(1, 8):
        assert f"{number}. " in words
    assert "1. Returnees screened, by checkpoint, adults/children and sex" in words
    assert "7. Returnees by country returned from and return mode" in words
    assert "44" in words
    assert "<5" not in words
    # a workstation has no case registry: tables 18-22 are said to be central's, not printed
    assert "Tabelat18–22" in squeeze(words) and "iprodhonsistemiqendror" in squeeze(words)
    assert "areproducedbythecentralsystem" in squeeze(words)
    assert "18. " not in words and "Persona të strehuar" not in words


def test_report_in_english_names(standard_form, reference):
    words = text(report(standard_form, reference, lang="en"))
    for expected in ("Rinas — Tirana International Airport", "Presumed victim", "Albania",
                     "Several sectors", "Total", "Adults", "Children"):
        assert expected in words, expected


def test_suppressed_report_hides_small_counts_and_says_how(standard_form, reference):
    # "<5" said "1 to 4, not zero" (zeros are printed): a hidden cell is now "x" whatever it
    # holds, and the audit in test_disclosure_attack.py proves what "x" hides
    words = text(report(standard_form, reference, suppress_below=5))
    assert "<5" not in words
    assert "\n x\n" in words
    assert "Countsfrom1to4arenotpublished" in squeeze(words)
    assert "Hidden values are not drawn." in words


def test_empty_quarter_says_so(standard_form, reference):
    pdf = report(standard_form, reference, quarter="2021Q1")
    words = text(pdf)
    assert "There are no interviews in this quarter: every table is empty." in words
    assert "Nuk ka asnjë intervistë në këtë tremujor" in words
    assert len(pages(pdf)) == 1


def test_one_checkpoint(standard_form, reference):
    words = text(report(standard_form, reference, checkpoint="KKV"))
    assert "Pika e kalimit kufitar Kakavijë" in words
    assert "Rinas — Aeroporti" not in words
    empty = text(report(standard_form, reference, checkpoint="SHG"))
    assert "There are no interviews in this quarter for this checkpoint" in empty


def test_bad_quarter_is_refused(standard_form, reference):
    with pytest.raises(QuarterError):
        report(standard_form, reference, quarter="2026-Q7")


def test_csv_export_of_every_table(standard_form, reference):
    stats = compute(fixture_facts(), "2026Q3", checkpoints=tuple(reference.checkpoints))
    files = tables_csv(stats, standard_form, reference)
    assert sorted(files, key=lambda name: int(name.split("_")[1])) == [
        "2026Q3_1_screened_by_checkpoint.csv", "2026Q3_2_outcome_by_age_group_and_sex.csv",
        "2026Q3_3_action_by_outcome.csv", "2026Q3_4_victims_by_nationality_sex_age.csv",
        "2026Q3_5_victims_by_country_and_sector.csv", "2026Q3_6_new_and_repeat_victims.csv",
        "2026Q3_7_returnees_by_country_and_return_mode.csv",
        "2026Q3_8_outcomes_by_checkpoint.csv", "2026Q3_9_action_by_age_group_and_sex.csv",
        "2026Q3_10_albanian_and_foreign.csv", "2026Q3_11_children_greece_agreement.csv",
        "2026Q3_12_unaccompanied_children.csv", "2026Q3_13_declined_interview.csv",
        "2026Q3_14_same_sex_interviewer_offered.csv",
        "2026Q3_15_returns_notified_in_advance.csv", "2026Q3_16_met_on_arrival.csv",
        "2026Q3_17_referrals_by_type.csv"]
    table3 = read_csv(files["2026Q3_3_action_by_outcome.csv"])
    assert table3[0] == ["3. How processed: action taken by outcome", "No indicators",
                         "At risk", "Suspected victim", "Presumed victim", "Total"]
    assert table3[1] == ["Referred to a shelter", "0", "0", "2", "3", "5"]
    assert table3[-2] == ["Not recorded", "0", "1", "0", "0", "1"]
    assert table3[-1] == ["Total", "16", "10", "14", "4", "44"]
    table1 = read_csv(files["2026Q3_1_screened_by_checkpoint.csv"])
    assert table1[0][1] == "Adults · Female"
    assert table1[1] == ["Rinas — Tirana International Airport",
                         "10", "6", "0", "0", "0", "1", "0", "0", "0", "17"]


def test_csv_export_with_suppression_in_albanian(standard_form, reference):
    stats = compute(fixture_facts(), "2026Q3", checkpoints=tuple(reference.checkpoints))
    files = tables_csv(stats, standard_form, reference, suppress_below=5, lang="sq")
    table6 = read_csv(files["2026Q3_6_new_and_repeat_victims.csv"])
    assert table6[0][0] == "6. Viktima të reja dhe të përsëritura, sipas moshës dhe gjinisë"
    counts = stats.tables[5]  # the same cells, unpublished: every 1..4 is an "x" here
    shown = {(line[0], j): value for line in table6[1:] for j, value in enumerate(line[1:])}
    assert shown[("Viktimë e re", 0)] == "x"  # new victims, adult women: 3 (test_statistics)
    assert counts.count(("new",), ("adult", "female")) == 3
    printed_counts = [v for v in shown.values() if v != "x"]
    assert printed_counts and all(v == "0" or int(v) >= 5 for v in printed_counts)
    assert all("<" not in v for v in shown.values())


def test_report_renders_to_an_image(standard_form, reference, tmp_path):
    image = render_png(report(standard_form, reference, suppress_below=5), tmp_path, "report")
    assert image is not None, "pdftoppm is missing: run scripts/system-packages"
    assert image.stat().st_size > 10_000


def test_xlsx_has_every_table_as_printed(standard_form, reference):
    from openpyxl import load_workbook

    from screening.reports.xlsxexport import tables_xlsx

    stats = compute(fixture_facts(), "2026Q3", checkpoints=tuple(reference.checkpoints))
    book = load_workbook(io.BytesIO(tables_xlsx(stats, standard_form, reference)))
    assert book.sheetnames == ["1_screened_by_checkpoint", "2_outcome_by_age_group_and_sex",
                               "3_action_by_outcome", "4_victims_by_nationality_sex_ag",
                               "5_victims_by_country_and_sector", "6_new_and_repeat_victims",
                               "7_returnees_by_country_and_retu",
                               "8_outcomes_by_checkpoint", "9_action_by_age_group_and_sex",
                               "10_albanian_and_foreign", "11_children_greece_agreement",
                               "12_unaccompanied_children", "13_declined_interview",
                               "14_same_sex_interviewer_offered",
                               "15_returns_notified_in_advance", "16_met_on_arrival",
                               "17_referrals_by_type"]
    rows = [list(r) for r in book["3_action_by_outcome"].iter_rows(values_only=True)]
    assert rows[1] == ["Referred to a shelter", 0, 0, 2, 3, 5]
    assert rows[-1] == ["Total", 16, 10, 14, 4, 44]
    csv_files = tables_csv(stats, standard_form, reference, suppress_below=5)
    hidden = tables_xlsx(stats, standard_form, reference, suppress_below=5)
    sheet = load_workbook(io.BytesIO(hidden))["6_new_and_repeat_victims"]
    as_text = [[str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
    assert as_text == read_csv(csv_files["2026Q3_6_new_and_repeat_victims.csv"])


def test_report_ends_with_the_trend_of_eight_quarters(standard_form, reference):
    words = squeeze(text(report(standard_form, reference, lang="en")))
    assert squeeze("Trend: interviews by quarter and outcome, the last eight quarters") in words
    assert "2024Q4" in words and "2026Q3" in words
