"""The case registry's console pages and their permissions, on SQLite and PostgreSQL: every new
route for every role. A partner sees only its organisation's referrals, and of those without
the person's data-sharing consent only the minimal view; it never reads another organisation's
referral or any case page. Every view is audited; every change needs its right and a CSRF
token; hostile input is refused in words."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from screening.central import schema
from screening.central.app import create_app
from screening.central.referrals import registry
from screening.central.referrals.access import Actor
from tests.central.console.helpers import ENGLISH, TestClient, add_staff, csrf_of, logged_in
from tests.central.referrals.cases import approved, referred_adult, send

ROLES = {"drita": ("admin", None), "ana": ("viewer", None), "besa": ("caseworker", None),
         "lindita": ("partner", "state_social_services"), "mira": ("partner", "vatra"),
         "genci": ("ministry", None)}


@pytest.fixture
def held(central, station):
    """Two approved interviews: Arben agreed to data sharing, Besnik did not."""
    for name, role in ROLES.items():
        add_staff(central, name, role[0])
        if role[1]:
            with central.engine.begin() as conn:
                conn.execute(schema.staff_access.update()
                             .where(schema.staff_access.c.staff_id.in_(
                                 select(schema.staff.c.id).where(schema.staff.c.name == name)))
                             .values(organisation=role[1]))
    shared = approved(referred_adult(given_name="Arben"))
    private = approved(referred_adult(given_name="Besnik", consent_data_sharing="no",
                                      further_referrals=[]))
    send(central, station, shared, private)
    rows, _total = registry.listing(central.engine, Actor("t", "admin"))
    social = {r["interview_id"]: r["id"] for r in rows
              if r["organisation"] == "state_social_services"}
    nrcvt = next(r["id"] for r in rows if r["organisation"] == "nrcvt")
    return {"shared": social[shared["id"]], "private": social[private["id"]], "nrcvt": nrcvt,
            "case": shared["id"]}


def as_(central, name: str) -> TestClient:
    client = TestClient(create_app(central), headers=ENGLISH)
    client.__enter__()
    return logged_in(client, name)


def test_a_partner_lands_in_its_inbox_and_sees_only_its_referrals(central, held):
    client = as_(central, "lindita")
    home = client.get("/console/", follow_redirects=False)
    assert home.headers["location"] == "/console/referrals"
    inbox = client.get("/console/referrals")
    assert inbox.status_code == 200
    assert "Referrals to State Social Services" in inbox.text
    assert inbox.text.count("/console/referrals/") == 2  # two referrals, not the shelter's
    assert f'/console/referrals/{held["nrcvt"]}"' not in inbox.text
    for nav in ("/console/batches", "/console/cases", "/console/statistics"):
        assert f'href="{nav}"' not in inbox.text


def test_without_consent_a_partner_sees_the_minimal_view_only(central, held):
    client = as_(central, "lindita")
    private = client.get(f"/console/referrals/{held['private']}")
    assert private.status_code == 200
    assert "did not agree to data sharing" in private.text
    assert "Besnik" not in private.text and "Hoxha" not in private.text
    assert "35+" in private.text and "medical help" in private.text
    assert "Open the case" not in private.text
    shared = client.get(f"/console/referrals/{held['shared']}")
    assert "Arben" in shared.text and "did not agree" not in shared.text
    with central.engine.connect() as conn:
        viewed = conn.execute(select(schema.console_events.c.subject).where(
            schema.console_events.c.action == "referral_viewed",
            schema.console_events.c.staff == "lindita")).scalars().all()
    assert len(viewed) == 2 and all(f"#{held['private']}" in v or f"#{held['shared']}" in v
                                    for v in viewed)


@pytest.mark.parametrize("path", ["/console/batches", "/console/devices", "/console/checkpoints",
                                  "/console/cases", "/console/matches", "/console/statistics",
                                  "/console/referrals/queue"])
def test_a_partner_is_refused_every_page_beyond_its_referrals(central, held, path):
    client = as_(central, "lindita")
    answer = client.get(path)
    assert answer.status_code == 403 and "does not see this page" in answer.text
    case = client.get(f"/console/cases/{held['case']}")
    assert case.status_code == 403 and "Arben" not in case.text
    assert client.get(f"/console/cases/{held['case']}/record.pdf").status_code == 403


def test_a_partner_never_reads_or_changes_another_organisations_referral(central, held):
    client = as_(central, "mira")
    page = client.get(f"/console/referrals/{held['shared']}")
    assert page.status_code == 400 and "no such referral" in page.text
    assert "Arben" not in page.text
    csrf = csrf_of(client.get("/console/referrals").text)
    answer = client.post(f"/console/referrals/{held['shared']}/events",
                         data={"csrf": csrf, "event": "received"})
    assert answer.status_code == 400 and "no such referral" in answer.text
    assert registry.view(central.engine, held["shared"], Actor("t", "admin"))["status"] == "sent"


def test_the_ministry_sees_statistics_only(central, held):
    client = as_(central, "genci")
    assert client.get("/console/", follow_redirects=False).headers["location"] == \
        "/console/statistics"
    for path in ("/console/referrals", f"/console/referrals/{held['shared']}",
                 "/console/cases", "/console/referrals/queue"):
        assert client.get(path).status_code == 403, path


@pytest.mark.parametrize("path", ["/console/statistics/tables.xlsx?quarter=2026",
                                  "/console/statistics/cases.csv?quarter=2026",
                                  "/console/statistics/report.pdf?quarter=2026"])
def test_a_partner_downloads_no_statistics(central, held, path):
    assert as_(central, "lindita").get(path).status_code == 403


def test_the_ministry_reads_published_figures_only(central, held):
    """Small counts are hidden for a ministry's account even when it asks for none hidden; the
    Responsible Authority's own staff may see them."""
    ministry = as_(central, "genci").get("/console/statistics?quarter=2026&lang=en").text
    own = as_(central, "ana").get("/console/statistics?quarter=2026&lang=en").text
    assert '<td class="num">x</td>' in ministry
    assert '<td class="num">x</td>' not in own
    assert 'id="referrals-by-status"' in own and 'id="referrals-by-status"' not in ministry


def test_the_dashboard_counts_referrals_by_status(central, held):
    page = as_(central, "drita").get("/console/statistics?quarter=2026&lang=en").text
    counts = page[page.index('id="referrals-by-status"'):]
    assert "<td>sent</td>" in counts and "Overdue" in counts


def test_a_viewer_looks_but_records_nothing(central, held):
    client = as_(central, "ana")
    page = client.get(f"/console/referrals/{held['shared']}")
    assert page.status_code == 200 and "Arben" in page.text and "Record a step" not in page.text
    answer = client.post(f"/console/referrals/{held['shared']}/events",
                         data={"csrf": csrf_of(page.text), "event": "received"})
    assert answer.status_code == 403
    case = client.get(f"/console/cases/{held['case']}")
    for path, data in ((f"/console/cases/{held['case']}/identification",
                        {"status": "potential_victim", "decided_on": "2026-12-01",
                         "basis": "x"}),
                       (f"/console/cases/{held['case']}/follow-ups",
                        {"contact_date": "2026-12-01", "organisation": "vatra",
                         "outcome": "x"})):
        assert client.post(path, data={"csrf": csrf_of(case.text), **data}).status_code == 403


def test_a_partner_records_its_steps_with_a_csrf_token_only(central, held):
    client = as_(central, "lindita")
    page = client.get(f"/console/referrals/{held['shared']}")
    url = f"/console/referrals/{held['shared']}/events"
    assert client.post(url, data={"event": "received"}).status_code == 403
    assert client.post(url, data={"event": "received", "csrf": "forged"}).status_code == 403
    done = client.post(url, data={"csrf": csrf_of(page.text), "event": "accepted",
                                  "reason": "<script>alert(1)</script>"},
                       follow_redirects=False)
    assert done.status_code == 303
    after = client.get(done.headers["location"])
    assert "The step was recorded." in after.text
    assert "<script>alert(1)</script>" not in after.text and "&lt;script&gt;" in after.text
    assert 'value="re_referred"' not in after.text  # a partner is never offered it


@pytest.mark.parametrize(("data", "words"), [
    ({"event": "teleported"}, "unknown step"),
    ({"event": "arrived"}, "cannot follow"),
    ({"event": "declined"}, "write the reason"),
    ({"event": "accepted", "day": "31/12/2026"}, "the date is not valid"),
    ({"event": "declined", "reason": "x" * 600}, "too long"),
])
def test_hostile_or_wrong_steps_are_refused_in_words(central, held, data, words):
    client = as_(central, "lindita")
    csrf = csrf_of(client.get("/console/referrals").text)
    answer = client.post(f"/console/referrals/{held['shared']}/events",
                         data={"csrf": csrf, **data})
    assert answer.status_code == 400 and words in answer.text.lower(), answer.text[-600:]
    assert "Traceback" not in answer.text


@pytest.mark.parametrize("rid", ["abc", "-1", "1" * 30, "0"])
def test_a_referral_id_that_is_no_referral(central, held, rid):
    client = as_(central, "besa")
    assert client.get(f"/console/referrals/{rid}").status_code in (400, 403)


def test_the_authority_rereferrs_a_declined_one_and_identifies_the_case(central, held):
    registry.record(central.engine, held["shared"],
                    registry.Step("declined", reason="no place"),
                    Actor("lindita", "partner", "state_social_services"))
    client = as_(central, "besa")
    queue = client.get("/console/referrals/queue")
    assert queue.status_code == 200 and f"/console/referrals/{held['shared']}" in queue.text
    page = client.get(f"/console/referrals/{held['shared']}")
    moved = client.post(f"/console/referrals/{held['shared']}/events",
                        data={"csrf": csrf_of(page.text), "event": "re_referred",
                              "reason": "place found", "organisation": "vatra"},
                        follow_redirects=False)
    new = client.get(moved.headers["location"])
    assert "Replaces referral" in new.text and "Vatra" in new.text
    case = client.get(f"/console/cases/{held['case']}")
    assert "not formally identified" in case.text
    done = client.post(f"/console/cases/{held['case']}/identification",
                       data={"csrf": csrf_of(case.text), "status": "identified_victim",
                             "decided_on": "2026-12-01", "basis": "interview and police "
                             "report", "victim_witness": "yes"}, follow_redirects=False)
    assert done.status_code == 303
    shown = client.get(done.headers["location"])
    assert "identified victim of trafficking" in shown.text and "recorded by besa" in shown.text
    # an Albanian has no reflection period or residence permit
    refused = client.post(f"/console/cases/{held['case']}/identification",
                          data={"csrf": csrf_of(case.text), "status": "identified_victim",
                                "decided_on": "2026-12-01", "basis": "x",
                                "residence_permit": "granted"})
    assert refused.status_code == 400 and "foreign nationals" in refused.text
    follow = client.post(f"/console/cases/{held['case']}/follow-ups",
                         data={"csrf": csrf_of(case.text), "contact_date": "2026-12-01",
                               "organisation": "vatra", "outcome": "settled with family",
                               "next_date": "2027-03-01"}, follow_redirects=False)
    shown = client.get(follow.headers["location"])
    assert "settled with family" in shown.text and "The contact was added." in shown.text
    with central.engine.connect() as conn:
        actions = set(conn.execute(select(schema.console_events.c.action)
                                   .where(schema.console_events.c.staff == "besa")).scalars())
    assert {"case_viewed", "referral_viewed", "referral_re_referred", "case_identified",
            "follow_up_recorded"} <= actions


def test_a_partner_records_the_expected_exit_in_the_form(central, held):
    social = Actor("lindita", "partner", "state_social_services")
    for event in ("accepted", "arrived", "admitted"):
        registry.record(central.engine, held["shared"],
                        registry.Step(event, day="2026-11-02"), social)
    client = as_(central, "lindita")
    url = f"/console/referrals/{held['shared']}"
    page = client.get(url)
    assert 'value="exit_expected"' in page.text  # offered once the person arrived
    refused = client.post(f"{url}/events", data={"csrf": csrf_of(page.text),
                                                 "event": "exit_expected", "day": "2026-13-45"})
    assert refused.status_code == 400 and "the date is not valid" in refused.text.lower()
    done = client.post(f"{url}/events", data={"csrf": csrf_of(page.text),
                                              "event": "exit_expected", "day": "2027-02-01"},
                       follow_redirects=False)
    after = client.get(done.headers["location"]).text
    assert "Expected exit</dt><dd>2027-02-01" in after
