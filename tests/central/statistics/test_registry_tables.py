"""Tables 18-22 from central's case registry, on SQLite and PostgreSQL (the people of
registry_data.py): counted with their totals in the CSV files, the workbook, the console's
tables and the PDF in both languages, small cells hidden under disclosure control."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from screening.central.statistics import report
from screening.reports.period import parse_period
from tests.central.console.helpers import pdf_text
from tests.central.statistics.registry_data import register

Q3, Q4 = parse_period("2026Q3"), parse_period("2026Q4")


@pytest.fixture
def registered(central):
    return register(central)


def csv_tables(central, period, k=None, lang="en") -> dict[str, dict[str, list[str]]]:
    found = report.tables_zip(central.engine, period, checkpoint=None, suppress_below=k,
                              lang=lang)
    tables = {}
    with zipfile.ZipFile(io.BytesIO(found.content)) as archive:
        for name in archive.namelist():
            rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
            tables[name.split("_", 2)[1]] = {line[0]: line[1:] for line in rows}
    return tables


def test_the_shelter_and_identification_tables_count_the_registry(registered):
    tables = csv_tables(registered, Q3)
    for number in ("18", "19", "20", "21"):  # five people admitted in the quarter
        assert tables[number]["Total"][-1] == "5"
    nationality = tables["18"]
    assert nationality["Albania · Female"][-1] == "2" and nationality["Nigeria · Male"] == \
        ["0", "0", "0", "0", "1", "1"]  # 41 years old: 35+
    stay = tables["19"]
    columns = stay[next(iter(stay))]  # the title line names the columns
    assert "Actual (the person left) · Under 1 month" in columns
    assert "Anticipated (still in the shelter) · 6–12 months" in columns
    assert "Anticipated (still in the shelter) · No exit date" in columns  # Dritan
    by_column = dict(zip(columns, stay["Total"], strict=True))
    assert by_column["Actual (the person left) · Under 1 month"] == "1"  # Ana
    assert by_column["Actual (the person left) · 1–3 months"] == "1"  # Chidi, 74 days
    assert by_column["Anticipated (still in the shelter) · 6–12 months"] == "1"  # Blerina
    assert by_column["Anticipated (still in the shelter) · 1–3 months"] == "1"  # Elona
    assert by_column["Anticipated (still in the shelter) · No exit date"] == "1"
    permits = tables["20"]
    permit_columns = permits[next(iter(permits))]
    granted = permit_columns.index("Permit granted")
    assert permits["Not a witness"][granted] == "1"  # Chidi, from Nigeria
    assert permits["Total"][permit_columns.index("Permit applied for")] == "1"  # Elona
    assert permits["Total"][permit_columns.index("Albanian citizen (not applicable)")] == "3"
    assert permits["Not recorded"][-1] == "1"  # Dritan: no decision recorded
    assert tables["21"]["Total"] == ["4", "1", "5"]  # Blerina is a child
    formal = tables["22"]
    assert formal["Identified victim of trafficking (formal status)"][-1] == "3"
    assert formal["Potential victim of trafficking (formal status)"][-1] == "1"
    assert formal["Not a victim of trafficking (formal decision)"][-1] == "1"  # Hana
    assert formal["Suspected at screening only: no formal decision yet"][-1] == "2"
    assert formal["Formally identified as a victim or potential victim, not suspected at "
                  "screening"][-1] == "1"  # Gent
    assert formal["Total"][-1] == "8"
    assert csv_tables(registered, Q4)["18"]["Total"][-1] == "1"  # Fatima, admitted in October
    year = csv_tables(registered, parse_period("2026"))
    assert year["18"]["Total"][-1] == "6" and year["22"]["Total"][-1] == "8"


def test_small_cells_are_hidden_and_the_words_are_in_both_languages(registered):
    protected = csv_tables(registered, Q3, k=5, lang="sq")
    shelter = protected["18"]
    assert shelter["Gjithsej"][-1] == "5"  # five: published
    body = list(shelter.items())[1:-1]  # below the title line, above the totals
    assert body and all(value in ("0", "x") for _label, line in body for value in line)
    assert "x" in protected["22"]["Gjithsej"]
    # the half-year is audited with its quarters: its 6 would give away Q4's one admission
    # beside Q3's printed 5, and its table 22 total Q3's hidden one
    half = csv_tables(registered, parse_period("2026H2"), k=5)
    assert half["18"]["Total"][-1] == "x" and half["22"]["Total"][-1] == "x"
    book = load_workbook(io.BytesIO(report.workbook(
        registered.engine, Q3, checkpoint=None, suppress_below=5, lang="en").content))
    assert {"18_shelter_nationality_sex_age", "22_identified_and_suspected"} <= \
        set(book.sheetnames)
    shown, _chart = report.shown_tables(registered.engine, Q3, checkpoint=None,
                                        suppress_below=5, lang="sq")
    titles = [t.title for t in shown]
    assert titles[-5].startswith("18. Persona të strehuar në qendra strehimi")
    assert titles[-1].startswith("22. Viktima të identifikuara formalisht")
    for lang, words in (("sq", "leja e përkohshme e qëndrimit"),
                        ("en", "temporary residence permit")):
        text = " ".join(pdf_text(report.report_pdf(
            registered.engine, Q3, checkpoint=None, suppress_below=5, lang=lang).content
        ).split())
        assert words in text and "Tabelat 18–21 numërojnë" in text
        assert "Tables 18–21 count each person" in text
