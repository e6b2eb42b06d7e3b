"""The case list, case page and record PDF (console/routes/cases.py), on SQLite and on
PostgreSQL."""

from __future__ import annotations

import json
import re

from screening.central.batches.ingest import ingest
from tests.central.conftest import enrol_station, held_before_checks
from tests.central.console.helpers import adult, interview_record, pdf_text, received_cases


def _listed(client, query: str) -> set[str]:
    page = client.get(f"/console/cases?{query}")
    assert page.status_code == 200, page.text
    return set(re.findall(r'/console/cases/([0-9a-f-]{36})"', page.text))


def test_the_case_list_filters(central, admin):
    ids = received_cases(central)
    assert _listed(admin, "") == set(ids.values())
    assert _listed(admin, "quarter=2026Q3") == {ids["adult"], ids["child"]}
    assert _listed(admin, "quarter=2026q4") == {ids["referred"]}
    assert _listed(admin, "checkpoint=TIA") == {ids["referred"]}
    assert _listed(admin, "child=yes") == {ids["child"]}
    assert _listed(admin, "child=no") == {ids["adult"], ids["referred"]}
    assert _listed(admin, "action=referred_social_services") == {ids["referred"]}
    assert _listed(admin, "outcome=no_indicators") == {ids["adult"], ids["child"]}
    assert _listed(admin, "outcome=no_indicators&child=yes&quarter=2026Q3") == {ids["child"]}
    assert admin.get("/console/cases?quarter=last+year").status_code == 403


def test_a_newer_revision_updates_the_case(central, admin):
    station = enrol_station(central, "TIA")
    first = interview_record(adult(), seq=21)
    ingest(central, station.batch([first]))
    assert _listed(admin, "action=information_given_only") == {first["id"]}
    newer = interview_record(adult(action_taken="no_action"), seq=22, revision=2,
                             interview_id=first["id"])
    ingest(central, station.batch([newer]))
    assert _listed(admin, "action=information_given_only") == set()
    assert _listed(admin, "action=no_action") == {first["id"]}


def test_the_case_page_and_its_record_pdf(central, admin):
    ids = received_cases(central)
    page = admin.get(f"/console/cases/{ids['child']}")
    assert page.status_code == 200
    reference = re.search(r'<span class="mono" lang="zxx">([A-Z]+-\d{6}-[0-9A-F]{6})</span>',
                          page.text)[1]
    assert reference.startswith("TIA-260701-")
    pdf = admin.get(f"/console/cases/{ids['child']}/record.pdf?lang=en")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert "attachment" in pdf.headers["content-disposition"]
    text = pdf_text(pdf.content)
    assert reference in text and "Elira" in text
    found = admin.get(f"/console/cases?ref={reference.lower()}", follow_redirects=False)
    assert found.headers["location"] == f"/console/cases/{ids['child']}"
    assert admin.get("/console/cases/00000000-0000-4000-8000-000000000000").status_code == 403


def test_an_interview_of_an_unknown_form_is_listed_but_not_counted(central, admin):
    station = enrol_station(central, "TIA")
    record = {**interview_record(adult(), seq=31), "form_id": "other_form"}
    refused = json.loads(ingest(central, station.batch([record])))["results"]
    assert [r["code"] for r in refused] == ["form_unknown"]  # central refuses it today...
    held_before_checks(central, station, [record])  # ...but an older central may hold one
    page = admin.get("/console/cases")
    assert "not counted" in page.text
    case = admin.get(f"/console/cases/{record['id']}")
    assert "Not counted in the statistics" in case.text and "other_form" in case.text
    pdf = admin.get(f"/console/cases/{record['id']}/record.pdf")
    assert pdf.status_code == 400 and "does not have" in pdf.text
    assert "0 interviews" in admin.get("/console/statistics?quarter=2026Q3").text
