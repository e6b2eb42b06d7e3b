"""The console's notices page: an interview that may be a notice's arrival is shown beside the
notice and confirmed by an administrator (Albanian first, in Chromium); viewers cannot decide;
notices with no arrival are flagged."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from screening.central import settings
from screening.central.app import create_app
from screening.central.batches.ingest import ingest
from screening.central.console import catalogue
from screening.central.notices import linking, register
from screening.central.service import open_central
from tests.central.conftest import enrol_station
from tests.central.console.browsing import PASSWORD, VIEWER, go, log_in, new_page
from tests.central.console.helpers import (
    ENGLISH,
    TestClient,
    add_staff,
    adult,
    csrf_of,
    interview_record,
    logged_in,
)
from tests.central.live import run_cli

YESTERDAY = dt.date.today() - dt.timedelta(days=1)


def notice(central, **changes) -> str:
    return register.add(central, {"checkpoint": "TIA", "expected_date": YESTERDAY.isoformat(),
                                  "given_name": "Arben", "family_name": "Hoxha",
                                  "date_of_birth": "1990-05-02", "notified_by": "iom",
                                  **changes}, by="drita").id


def arrive(central, **answers) -> str:
    started = f"{YESTERDAY.isoformat()}T10:00:00"
    record = interview_record(adult(checkpoint="TIA", interview_started_at=started, **answers),
                              created_at=f"{started}+00:00")
    ingest(central, enrol_station(central, "TIA").batch([record]))
    return record["id"]


def test_a_suggested_arrival_is_confirmed_in_albanian(browser, live, shots):
    central = open_central(settings.Settings(live.data_dir, live.db_url), migrate=False)
    try:
        expected = notice(central)
        notice(central, given_name="Besa", family_name="Lika", expected_date="2026-06-01")
        interview_id = arrive(central)  # Arben Hoxha, born 1990-05-01, no notice named
    finally:
        central.close()
    context, page = new_page(browser, locale="sq-AL")
    try:
        log_in(page, live.url, lang="sq")
        go(page, "notices", "sq")
        heading = page.get_by_role("heading", level=1)
        assert heading.inner_text() == catalogue.text("sq", "notices.heading")
        card = page.locator("section.suggestion")
        assert card.count() == 1
        assert "Arben Hoxha" in card.inner_text()
        overdue = page.locator("#overdue").inner_text()
        assert "Besa Lika" in overdue and "Arben" not in overdue  # yesterday: may come yet
        page.screenshot(path=str(shots / "console-notices-sq.png"), full_page=True)
        card.get_by_role("button", name=catalogue.text("sq", "notices.confirm")).click()
        page.wait_for_url(re.compile(r".*/console/notices\?done=confirmed$"))
        assert catalogue.text("sq", "notices.done.confirmed") in page.get_by_role(
            "status").inner_text()
        assert page.locator("section.suggestion").count() == 0
        state = page.locator("#recent").get_by_role(
            "link", name=catalogue.text("sq", "notices.state.confirmed"))
        assert state.get_attribute("href") == f"/console/cases/{interview_id}"
    finally:
        context.close()
    central = open_central(settings.Settings(live.data_dir, live.db_url), migrate=False)
    try:
        [shown] = [n for n in register.listing(central) if n["id"] == expected]
        assert (shown["interview_id"], shown["link"]) == (interview_id, linking.CONFIRMED)
    finally:
        central.close()


@pytest.fixture
def client(central):
    with TestClient(create_app(central), headers=ENGLISH) as test_client:
        yield test_client


def test_a_viewer_sees_but_cannot_decide(central, client):
    notice(central)
    arrive(central)
    add_staff(central, VIEWER, "viewer")
    page = logged_in(client, VIEWER).get("/console/notices")
    assert page.status_code == 200 and "Arben Hoxha" in page.text
    assert "/confirm" not in page.text
    [suggestion] = linking.pending(central)
    token = csrf_of(page.text)
    for action in ("confirm", "reject"):
        answer = client.post(f"/console/notices/suggestions/{suggestion['id']}/{action}",
                             data={"csrf": token})
        assert answer.status_code == 403
    assert len(linking.pending(central)) == 1


def test_decisions_need_a_login_a_token_and_a_real_suggestion(central, client):
    assert client.post("/console/notices/suggestions/1/confirm",
                       data={"csrf": "x"}).status_code == 403
    add_staff(central, "drita", "admin")
    page = logged_in(client, "drita").get("/console/notices")
    token = csrf_of(page.text)
    for bad in ("999", "1e3", "-1", "9" * 30):
        answer = client.post(f"/console/notices/suggestions/{bad}/confirm",
                             data={"csrf": token})
        assert answer.status_code in (400, 403, 404), bad
        assert "no such suggested arrival" in answer.text or answer.status_code == 404, bad
    notice(central)
    arrive(central)
    [suggestion] = linking.pending(central)
    assert client.post(f"/console/notices/suggestions/{suggestion['id']}/reject",
                       data={}).status_code == 403  # no CSRF token
    answer = client.post(f"/console/notices/suggestions/{suggestion['id']}/reject",
                         data={"csrf": token}, follow_redirects=False)
    assert answer.status_code == 303
    assert linking.pending(central) == []
    again = client.post(f"/console/notices/suggestions/{suggestion['id']}/confirm",
                        data={"csrf": token})
    assert again.status_code == 400 and "already decided" in again.text


def test_consular_staff_record_a_notice_in_albanian(browser, live, shots):
    made = run_cli(live.data_dir, live.db_url, "staff", "add", "konsulli", "--role",
                   "consular", env={"SCREENING_CENTRAL_PASSWORD": PASSWORD})
    assert made.returncode == 0, made.stderr
    context, page = new_page(browser, locale="sq-AL")
    try:
        log_in(page, live.url, name="konsulli", lang="sq", lands="notices")  # its only page
        go(page, "notices", "sq")
        form = page.locator("#new-notice")

        def field(name):
            return form.get_by_label(catalogue.text("sq", f"notices.field.{name}"), exact=True)

        field("checkpoint").select_option("TIA")
        field("expected_date").fill(dt.date.today().isoformat())
        field("given_name").fill("Drita")
        field("family_name").fill("Mema")
        field("age").fill("17")
        field("child_suspected").check()
        form.get_by_label("Organizata Ndërkombëtare për Migracionin (IOM)").check()
        page.screenshot(path=str(shots / "console-notice-form-sq.png"), full_page=True)
        form.get_by_role("button", name=catalogue.text("sq", "notices.add.submit")).click()
        page.wait_for_url(re.compile(r".*/console/notices\?done=added$"))
        assert "Drita Mema" in page.locator("#recent").inner_text()
        # a wrong field is named in Albanian, nothing recorded
        go(page, "notices", "sq")
        field("checkpoint").select_option("TIA")
        field("expected_date").fill(dt.date.today().isoformat())
        field("given_name").fill("=HYPERLINK(1)")
        field("family_name").fill("Mema")
        form.get_by_label("Organizata Ndërkombëtare për Migracionin (IOM)").check()
        form.get_by_role("button", name=catalogue.text("sq", "notices.add.submit")).click()
        said = catalogue.text("sq", "notices.add.wrong",
                              field=catalogue.text("sq", "notices.field.given_name"),
                              reason="nuk mund të fillojë me = + - ose @ (një fletë "
                                     "llogaritëse do ta ekzekutonte si formulë)")
        assert page.get_by_role("alert").inner_text() == said
        # the form comes back as typed, the wrong field marked and focused for the correction
        assert field("given_name").get_attribute("aria-invalid") == "true"
        assert page.evaluate("document.activeElement.name") == "given_name"
        assert field("given_name").input_value() == "=HYPERLINK(1)"
        assert field("family_name").input_value() == "Mema"
        assert field("checkpoint").input_value() == "TIA"
        assert form.get_by_label("Organizata Ndërkombëtare për Migracionin (IOM)").is_checked()
        page.screenshot(path=str(shots / "console-notice-wrong-sq.png"), full_page=True)
        go(page, "notices", "sq")
        assert "HYPERLINK" not in page.locator("#recent").inner_text()
        # consular staff record notices, but do not decide arrivals
        assert page.locator("section.suggestion button").count() == 0
    finally:
        context.close()


def test_a_wrong_notice_comes_back_as_typed_and_escaped(central, client):
    """Typed values are sent back into the form, never as markup; nothing is recorded."""
    add_staff(central, "drita", "admin")
    page = logged_in(client, "drita").get("/console/notices")
    hostile = '"><script>alert(1)</script>'
    answer = client.post("/console/notices/new", data={
        "csrf": csrf_of(page.text), "checkpoint": "TIA", "expected_date": "2026-13-40",
        "given_name": hostile, "family_name": "Hoxha", "notified_by": "iom"})
    assert answer.status_code == 422
    assert "<script>alert(1)" not in answer.text
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in answer.text
    assert re.search(r'name="expected_date"[^>]*aria-invalid="true"', answer.text)
    assert re.search(r'value="iom" checked', answer.text)
    assert register.listing(central, since="2000-01-01") == []
    # told which field and why, in the page's language (this browser asks for English)
    assert ("The notice was not recorded — Expected date: not a date written YYYY-MM-DD."
            in answer.text)
