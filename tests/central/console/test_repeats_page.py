"""The console's page of candidate repeat-victim matches (SQLite is enough): both interviews
side by side, admin-only decisions behind the session's CSRF token, and confirmed matches
counted as repeats in the quarterly statistics."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest

from screening.central.app import create_app
from screening.central.batches.ingest import ingest
from screening.central.console import catalogue
from screening.central.repeats import candidates as matches
from screening.central.statistics import report
from screening.reports.statistics import parse_quarter
from tests.answer_sets import with_yes
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    ENGLISH,
    TestClient,
    add_staff,
    adult,
    csrf_of,
    interview_record,
    logged_in,
)

DOCUMENT = "AB1234567"


def _victim(**overrides):
    return with_yes(adult(officer_outcome="suspected_victim",
                          action_taken="referred_police_at_unit",
                          referral_organisation="police_anti_trafficking",
                          referral_urgent="yes", id_document_number=DOCUMENT,
                          previously_assisted_as_victim="no", **overrides), "ind_violence")


@pytest.fixture
def client(central):
    with TestClient(create_app(central), headers=ENGLISH) as test_client:
        yield test_client


@pytest.fixture
def pair(central) -> dict[str, str]:
    """Two victim interviews a year apart with the same document number."""
    station = enrol_station(central, "TIA")
    earlier = interview_record(_victim(interview_started_at="2025-08-01T09:00:00"),
                               created_at="2025-08-01T09:00:00+00:00",
                               outcome="suspected_victim", seq=1)
    later = interview_record(_victim(checkpoint="TIA", given_name="Arbeni",
                                     interview_started_at="2026-08-03T09:00:00"),
                             created_at="2026-08-03T09:00:00+00:00",
                             outcome="suspected_victim", seq=2)
    ingest(central, station.batch([earlier, later]))
    return {"earlier": earlier["id"], "later": later["id"]}


def _match_id(page: str) -> str:
    found = re.findall(r'action="/console/matches/(\d+)/confirm"', page)
    assert len(found) == 1, page
    return found[0]


def _t6_repeats(central) -> int:
    """Repeat victims (adult men) in 2026Q3's table 6, read from the console's CSV zip (the
    later interview is the only victim in the quarter: new or repeat)."""
    tables = report.tables_zip(central.engine, parse_quarter("2026Q3"), checkpoint=None,
                               suppress_below=None, lang="en")
    with zipfile.ZipFile(io.BytesIO(tables.content)) as archive:
        [name] = [n for n in archive.namelist() if "new_and_repeat_victims" in n]
        rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    header, *body = rows
    counts = {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in body}
    assert int(counts["New victim"]["Total"]) + int(counts["Repeat victim"]["Total"]) == 1
    return int(counts["Repeat victim"]["Adults · Male"])


def test_the_page_lists_the_pair_side_by_side(central, client, pair):
    add_staff(central, "drita", "viewer")
    logged_in(client, "drita")
    page = client.get("/console/matches")
    assert page.status_code == 200, page.text
    assert 'href="/console/matches" aria-current="page"' in page.text
    assert catalogue.text("en", "match.reason.document_number") in page.text  # the reason, in words
    assert page.text.count(DOCUMENT) == 2
    assert "Arben Hoxha" in page.text and "Arbeni Hoxha" in page.text
    assert "1990-05-01" in page.text and "TIA" in page.text
    for iid in pair.values():
        assert f"/console/cases/{iid}" in page.text
    assert "/confirm" not in page.text  # a viewer sees no decision buttons
    assert "no-store" in page.headers["cache-control"]
    assert client.get("/console/matches?status=bogus").status_code == 403


def test_the_page_needs_a_login(client, pair):
    answer = client.get("/console/matches", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/console/login"
    assert client.post("/console/matches/1/confirm", data={"csrf": "x"}).status_code == 403


def test_a_viewer_cannot_decide(central, client, pair):
    add_staff(central, "drita", "admin")
    match_id = _match_id(logged_in(client, "drita").get("/console/matches").text)
    add_staff(central, "besa", "viewer")
    logged_in(client, "besa")
    token = csrf_of(client.get("/console/matches").text)
    for action in ("confirm", "reject"):
        answer = client.post(f"/console/matches/{match_id}/{action}", data={"csrf": token})
        assert answer.status_code == 403
    assert matches.get_candidate(central, int(match_id))["status"] == "pending"


def test_a_decision_needs_the_csrf_token(central, client, pair):
    add_staff(central, "drita", "admin")
    logged_in(client, "drita")
    match_id = _match_id(client.get("/console/matches").text)
    for data in ({}, {"csrf": "x" * 43}):
        answer = client.post(f"/console/matches/{match_id}/confirm", data=data)
        assert answer.status_code == 403
    assert matches.get_candidate(central, int(match_id))["status"] == "pending"


def test_an_admin_confirms_and_the_statistics_count_a_repeat(central, client, pair):
    assert _t6_repeats(central) == 0  # pending: the later interview is a new victim
    add_staff(central, "drita", "admin")
    logged_in(client, "drita")
    page = client.get("/console/matches")
    match_id = _match_id(page.text)
    answer = client.post(f"/console/matches/{match_id}/confirm",
                         data={"csrf": csrf_of(page.text)}, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/matches?done=confirmed"
    decided = matches.get_candidate(central, int(match_id))
    assert (decided["status"], decided["decided_by"]) == ("confirmed", "drita")
    assert "No pending candidate match" in client.get("/console/matches").text
    confirmed = client.get("/console/matches?status=confirmed").text
    assert "confirmed by drita" in confirmed and f"/matches/{match_id}/reject" in confirmed
    assert _t6_repeats(central) == 1
    with central.engine.connect() as conn:
        assert matches.repeat_ids(conn, set(pair.values())) == {pair["later"]}
    # rejecting it again takes the repeat back out
    client.post(f"/console/matches/{match_id}/reject", data={"csrf": csrf_of(confirmed)})
    assert matches.get_candidate(central, int(match_id))["status"] == "rejected"
    assert _t6_repeats(central) == 0
