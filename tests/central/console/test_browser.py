"""The console in a real headless Chromium (Debian's ``chromium``, driven by Playwright), against
a real ``screening-central serve`` on loopback and a real workstation store that enrols with the
code the console shows and syncs. Every wait is on a condition (Playwright waits for the
element, the navigation or the download); there is no sleep.

Screenshots of every page go to ``SCREENING_SCREENSHOTS`` when it is set (else the test's
temporary folder), so a person can look at them."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

import pytest
import requests
from pypdf import PdfReader

from screening.errors import ScreeningError
from screening.sync import identity, service, wire
from tests.answer_sets import adult_no_indicators, child_answers
from tests.central.console.browsing import ADMIN, PASSWORD, VIEWER, log_in, nav, new_page

pytestmark = pytest.mark.slow


def test_login_inbox_devices_cases_and_statistics(browser, live, store, shots):
    context, page = new_page(browser)
    page.goto(f"{live.url}/console/login")
    page.screenshot(path=shots / "01_login.png", full_page=True)
    log_in(page, live.url)
    assert page.get_by_role("heading", name=re.compile("Batch inbox")).is_visible()

    # an enrolment code made in the console enrols a real workstation store
    nav(page, "Devices")
    page.get_by_label("Checkpoint").fill("TIA")
    page.get_by_role("button", name="Create a one-time code").click()
    code = page.locator("#code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", code)
    page.screenshot(path=shots / "02_code.png", full_page=True)
    me = service.enroll(store, live.url, code, label="TIA desk 1")

    # a real sync: interviews finalised in the store travel to central
    for answers in (adult_no_indicators(checkpoint="TIA"), child_answers(checkpoint="TIA"),
                    adult_no_indicators(given_name="Besnik", action_taken="no_action")):
        store.import_finalised(answers)
    report = service.sync_now(store)
    assert len(report.acknowledged) == 1  # one batch of three interviews
    # and a batch two numbers further on: a gap staff must see
    skipped = wire.build_batch(device_id=me.device_id, sequence=3, batch_id=str(uuid.uuid4()),
                               created_at="2026-11-23T06:00:00+00:00", interviews=[],
                               signing_key=me.signer(), recipient=me.recipient())
    assert requests.post(f"{live.url}/v1/batches", data=skipped, timeout=30).status_code == 200

    nav(page, "Batches")
    rows = page.locator("table.grid tbody tr")
    assert rows.count() == 2
    assert "#2 missing" in rows.nth(0).inner_text()
    assert rows.nth(0).get_attribute("class") == "gap"
    assert "TIA desk 1" in rows.nth(1).inner_text() and "3" in rows.nth(1).inner_text()
    page.screenshot(path=shots / "03_batches.png", full_page=True)

    nav(page, "Checkpoints")
    assert "sending" in page.locator("table.grid").inner_text()
    page.screenshot(path=shots / "04_checkpoints.png", full_page=True)

    nav(page, "Cases")
    assert page.locator("table.grid tbody tr").count() == 3
    page.screenshot(path=shots / "05_cases.png", full_page=True)
    page.get_by_label("Child").select_option("yes")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r".*child=yes.*"))
    assert page.locator("table.grid tbody tr").count() == 1
    page.locator("table.grid tbody a").first.click()
    page.wait_for_url(re.compile(r".*/console/cases/[0-9a-f-]{36}$"))
    reference = page.locator("h1 .mono").inner_text()
    page.screenshot(path=shots / "06_case.png", full_page=True)
    with page.expect_download() as record:
        page.get_by_role("link", name="Record PDF (English)").click()
    pdf = Path(record.value.path()).read_bytes()
    assert reference in "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)

    nav(page, "Statistics")
    quarter = "2026Q3"  # answer_sets' interviews started on 2026-07-01
    page.get_by_label("Quarter").fill(quarter)
    page.get_by_label("Language").select_option("en")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r".*quarter=2026Q3.*"))
    assert "3 interviews at central started in 2026Q3" in page.locator("main").inner_text()
    page.screenshot(path=shots / "07_statistics.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Report PDF").click()
    report_pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = "".join(p.extract_text() for p in report_pdf.pages)
    assert quarter in text and len(report_pdf.pages) >= 2
    with page.expect_download() as tables:
        page.get_by_role("link", name="Tables (CSV, zip)").click()
    assert Path(tables.value.path()).read_bytes()[:2] == b"PK"

    # revoke the workstation: its next upload is refused
    nav(page, "Devices")
    page.screenshot(path=shots / "08_devices.png", full_page=True)
    page.get_by_role("link", name="Revoke…").click()
    page.screenshot(path=shots / "09_revoke_confirm.png", full_page=True)
    page.get_by_role("button", name="Revoke the workstation").click()
    page.wait_for_url(re.compile(r".*/console/devices\?done=revoked$"))
    assert "revoked" in page.locator("table.grid").inner_text()
    store.import_finalised(adult_no_indicators(given_name="Late"))
    with pytest.raises(ScreeningError) as refused:
        service.sync_now(store)
    assert refused.value.code == "device_revoked"
    late = wire.build_batch(device_id=me.device_id, sequence=9, batch_id=str(uuid.uuid4()),
                            created_at="2026-11-23T06:00:00+00:00", interviews=[],
                            signing_key=me.signer(), recipient=me.recipient())
    answer = requests.post(f"{live.url}/v1/batches", data=late, timeout=30)
    assert (answer.status_code, answer.json()["error"]) == (403, "device_revoked")
    assert identity.load(store).device_id == me.device_id

    # logging out ends the session
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r".*/console/login$"))
    page.goto(f"{live.url}/console/batches")
    assert page.url.endswith("/console/login")
    context.close()


def test_a_form_without_its_csrf_token_is_refused(browser, live, shots):
    context, page = new_page(browser)
    log_in(page, live.url)
    page.goto(f"{live.url}/console/devices")
    page.get_by_label("Checkpoint").fill("KKV")
    page.locator("form[action$='/codes'] input[name=csrf]").evaluate("e => e.remove()")
    with page.expect_response(lambda r: r.url.endswith("/console/codes")) as response:
        page.get_by_role("button", name="Create a one-time code").click()
    assert response.value.status == 403
    assert "security token" in page.locator("main").inner_text()
    page.screenshot(path=shots / "10_csrf_refused.png", full_page=True)
    # and a login form whose token was taken away is refused the same way
    other, login_page = new_page(browser)
    login_page.goto(f"{live.url}/console/login")
    login_page.locator("input[name=csrf]").evaluate("e => e.remove()")
    login_page.get_by_label("Name").fill(ADMIN)
    login_page.get_by_label("Password").fill(PASSWORD)
    with login_page.expect_response(lambda r: r.url.endswith("/console/login")) as answer:
        login_page.get_by_role("button", name="Log in").click()
    assert answer.value.status == 403
    other.close()
    context.close()


def test_a_viewer_is_refused_what_only_admins_may_do(browser, live):
    context, page = new_page(browser)
    log_in(page, live.url, VIEWER)
    # the keyboard: the first Tab reaches "skip to content", then the navigation
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    assert "Batches" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/console/devices$"))
    page.goto(f"{live.url}/console/devices")
    assert page.get_by_role("button", name="Create a one-time code").count() == 0
    answer = page.goto(f"{live.url}/console/devices/{uuid.uuid4()}/revoke")
    assert answer.status == 403
    assert "may look but not change" in page.locator("main").inner_text()
    context.close()


def test_a_stolen_cookie_in_another_browser_logs_out(browser, live, shots):
    context, page = new_page(browser)
    log_in(page, live.url)
    cookies = context.cookies()
    session = next(c for c in cookies if c["name"] == "rs_console")
    assert session["httpOnly"] and session["sameSite"] == "Strict"
    thief_context, thief = new_page(browser, agent="Mozilla/5.0 (Windows NT 10.0) Other/9")
    thief_context.add_cookies([session])
    thief.goto(f"{live.url}/console/batches")
    assert thief.url.endswith("/console/login")
    thief.screenshot(path=shots / "11_stolen_cookie.png", full_page=True)
    # the session is gone for the original browser too: the thief's try ended it
    page.goto(f"{live.url}/console/batches")
    assert page.url.endswith("/console/login")
    thief_context.close()
    context.close()
