"""The quarterly statistics page and its downloads (console/routes/statistics.py), on SQLite
and on PostgreSQL."""

from __future__ import annotations

import io
import zipfile

from screening.central.staff import audit
from tests.central.console.helpers import pdf_text, received_cases
from tests.central.statistics.registry_data import register


def test_quarterly_statistics_pdf_and_csv(central, admin):
    received_cases(central)
    page = admin.get("/console/statistics?quarter=2026Q3")
    assert "2 interviews at central started in 2026Q3" in page.text
    pdf = admin.get("/console/statistics/report.pdf?quarter=2026Q3&lang=en")
    assert pdf.status_code == 200
    assert "2026Q3" in pdf_text(pdf.content)
    tables = admin.get("/console/statistics/tables.zip?quarter=2026Q3&k=3&lang=en")
    assert tables.status_code == 200
    with zipfile.ZipFile(io.BytesIO(tables.content)) as archive:
        names = archive.namelist()
        first = archive.read(sorted(names)[0]).decode("utf-8-sig")
    assert any("screened_by_checkpoint" in n for n in names) and first
    assert admin.get("/console/statistics/report.pdf?quarter=2026Q3&k=1").status_code == 403
    assert admin.get("/console/statistics/report.pdf?quarter=2026Q3&checkpoint=XX"
                     ).status_code == 403
    only = admin.get("/console/statistics/report.pdf?quarter=2026Q4&checkpoint=TIA")
    assert only.status_code == 200


def test_downloads_are_logged(central, admin):
    ids = received_cases(central)
    admin.get(f"/console/cases/{ids['adult']}/record.pdf")
    admin.get("/console/statistics/report.pdf?quarter=2026Q3")
    with central.engine.connect() as conn:
        actions = [e["action"] for e in audit.events(conn)]
    assert "record_downloaded" in actions and "report_downloaded" in actions
    assert "login" in actions


def test_the_workbook_and_the_anonymised_cases_download(central, admin):
    from openpyxl import load_workbook

    received_cases(central)
    book = admin.get("/console/statistics/tables.xlsx?quarter=2026Q3&k=5&lang=en")
    assert book.status_code == 200
    sheets = load_workbook(io.BytesIO(book.content)).sheetnames
    assert "17_referrals_by_type" in sheets and "13_declined_interview" in sheets
    cases = admin.get("/console/statistics/cases.csv?quarter=2026")
    assert cases.status_code == 200
    lines = cases.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("ageBroad,prs_Gender,prs_Nationality")
    assert len(lines) == 1  # two interviews: fewer than k = 11, nothing leaves
    assert admin.get("/console/statistics/cases.csv?quarter=2026Q9").status_code == 403
    page = admin.get("/console/statistics?quarter=2026Q3")
    assert "cases.csv" in page.text and "tables.xlsx" in page.text
    with central.engine.connect() as conn:
        actions = [e["action"] for e in audit.events(conn)]
    assert "cases_exported" in actions


def test_the_page_shows_the_tables_the_charts_and_the_dashboard(central, admin):
    received_cases(central)
    page = admin.get("/console/statistics?quarter=2026Q3&lang=en")
    html = page.text
    assert page.status_code == 200
    for tid in ("t1", "t7", "t9", "t13", "t17", "chart"):
        assert f'id="table-{tid}"' in html, tid
    assert html.count("<svg") >= 2 and "<script" not in html
    assert 'id="weekly"' in html and 'id="referrals-by-status"' in html
    # the two interviews of the quarter (1 July 2026 is a Wednesday: its week starts 29 June)
    assert "29.06.2026" in html or "2026-06-29" in html
    hidden = admin.get("/console/statistics?quarter=2026Q3&k=5").text
    assert '<td class="num">x</td>' in hidden
    # hostile filters are refused, never drawn
    assert admin.get("/console/statistics?quarter=<svg/onload=1>").status_code == 403
    assert admin.get("/console/statistics?quarter=2026Q3&checkpoint=%3Cb%3E").status_code == 403


def test_a_checkpoints_suppressed_half_year_is_shown_and_downloaded(central, admin):
    """Protected together with the national quarters it is tied to (docs/statistics.md)."""
    received_cases(central)
    page = admin.get("/console/statistics?quarter=2026H2&checkpoint=TIA&k=5&lang=en")
    assert page.status_code == 200 and "Traceback" not in page.text
    pdf = admin.get("/console/statistics/report.pdf?quarter=2026H2&checkpoint=TIA&k=5")
    assert pdf.status_code == 200 and "2026H2" in pdf_text(pdf.content)
    assert admin.get("/console/statistics?quarter=2026H2&checkpoint=TIA").status_code == 200


def test_the_registry_tables_and_the_stay_chart_are_on_the_page(central, admin):
    register(central)
    page = admin.get("/console/statistics?quarter=2026Q3&k=5&lang=en").text
    for tid in ("t18", "t19", "t20", "t21", "t22"):
        assert f'id="table-{tid}"' in page
    assert "Persons accommodated in shelters, by country of exploitation" in page
    chart = page.split('id="table-t19"')[0].rsplit('<figure class="chart">', 1)[1]
    assert "Actual (the person left)" in chart and "No exit date" in chart  # the legend
    assert "<script" not in page
