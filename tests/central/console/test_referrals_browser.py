"""The case registry in headless Chromium against a live central, in Albanian as its staff
use it: a partner logs in, sees only its referrals (the minimal view without consent), accepts
one and records arrival, admission and exit; it declines another; the Responsible Authority
re-refers the declined one from its queue and records the formal identification."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from screening.central import settings
from screening.central.console import catalogue
from screening.central.referrals import registry
from screening.central.referrals.access import Actor
from screening.central.service import open_central
from tests.central.conftest import enrol_station
from tests.central.console.browsing import PASSWORD, log_in, new_page
from tests.central.console.words import foreign
from tests.central.live import run_cli
from tests.central.referrals.cases import approved, referred_adult, send

SQ = "sq"


def t(key: str, **values) -> str:
    return catalogue.text(SQ, key, **values)


@pytest.fixture(scope="module")
def held(live):
    for name, role, organisation in (("lindita", "partner", "state_social_services"),
                                     ("besa", "caseworker", None)):
        extra = ("--organisation", organisation) if organisation else ()
        made = run_cli(live.data_dir, live.db_url, "staff", "add", name, "--role", role, *extra,
                       env={"SCREENING_CENTRAL_PASSWORD": PASSWORD})
        assert made.returncode == 0, made.stderr
    central = open_central(settings.Settings(live.data_dir, live.db_url), migrate=False)
    try:
        shared = approved(referred_adult(given_name="Arben", further_referrals=[]))
        private = approved(referred_adult(given_name="Besnik", consent_data_sharing="no",
                                          further_referrals=[]))
        send(central, enrol_station(central), shared, private)
        rows, _ = registry.listing(central.engine, Actor("t", "admin"))
    finally:
        central.close()
    by_case = {r["interview_id"]: r for r in rows}
    return {"shared": by_case[shared["id"]], "private": by_case[private["id"]],
            "case": shared["id"]}


def record(page, event: str, *, day: str = "", reason: str = "") -> None:
    page.get_by_label(t("referral.event"), exact=True).select_option(
        label=t(f"referral.event.{event}"))
    if day:
        page.get_by_label(t("referral.day")).fill(day)
    if reason:
        page.get_by_label(t("referral.reason")).fill(reason)
    page.get_by_role("button", name=t("referral.submit")).click()
    page.get_by_role("status").filter(has_text=t("referral.done")).wait_for()


def test_a_partner_follows_its_referrals_and_the_authority_rerefers_and_identifies(
        browser, live, held, shots):
    context, page = new_page(browser, locale="sq-AL")
    log_in(page, live.url, "lindita", lang=SQ, lands="referrals")
    assert page.get_by_role("heading", level=1).inner_text().startswith(
        t("referrals.heading_partner", organisation="").strip())
    links = page.locator("table.grid tbody a")
    assert links.count() == 2
    assert not page.get_by_role("link", name=t("nav.cases")).count()
    assert not foreign(page.locator("main").inner_text(), SQ)
    # without consent: the minimal view, no name
    page.get_by_role("link", name=held["private"]["case_reference"]).click()
    page.wait_for_url(re.compile(rf".*/console/referrals/{held['private']['id']}$"))
    assert t("referral.minimal") in page.locator("#minimal").inner_text()
    assert "Besnik" not in page.content()
    record(page, "declined", reason="nuk ka vend")
    page.screenshot(path=str(shots / "referral_declined.png"), full_page=True)
    # with consent: the name, then the way to the exit
    page.goto(f"{live.url}/console/referrals/{held['shared']['id']}")
    assert "Arben" in page.locator("main").inner_text()
    today = dt.date.today()
    admitted, left = (today - dt.timedelta(days=10)).isoformat(), today.isoformat()
    record(page, "accepted")
    record(page, "arrived", day=admitted)
    record(page, "admitted", day=admitted)
    record(page, "exited", day=left)
    main = page.locator("main").inner_text()
    assert t("referral.stay_days.other", n=10) in main
    assert t("referral.status.arrived") in main
    assert not foreign(main, SQ), foreign(main, SQ)
    page.screenshot(path=str(shots / "referral_partner.png"), full_page=True)
    context.close()

    context, page = new_page(browser, locale="sq-AL")
    log_in(page, live.url, "besa", lang=SQ)
    page.goto(f"{live.url}/console/referrals/queue")
    page.get_by_role("link", name=held["private"]["case_reference"]).click()
    page.get_by_label(t("referral.event"), exact=True).select_option(
        label=t("referral.event.re_referred"))
    page.get_by_label(t("referral.reason")).fill("u gjet vend në Vlorë")
    page.get_by_label(t("referral.new_organisation")).select_option("vatra")
    page.get_by_role("button", name=t("referral.submit")).click()
    page.get_by_role("link", name=t("referral.previous", id=held["private"]["id"])).wait_for()
    assert "Vatra" in page.locator("main").inner_text()
    page.screenshot(path=str(shots / "referral_rereferred.png"), full_page=True)
    page.goto(f"{live.url}/console/cases/{held['case']}")
    page.get_by_label(t("identification.status"), exact=True).select_option(
        label=t("identification.status.identified_victim"))
    page.get_by_label(t("identification.decided_on")).fill(today.isoformat())
    page.get_by_label(t("identification.basis")).fill("intervista dhe raporti i policisë")
    page.get_by_role("button", name=t("identification.submit")).click()
    page.get_by_role("status").filter(has_text=t("identification.done")).wait_for()
    assert t("identification.status.identified_victim") in page.locator("#identified").inner_text()
    main = page.locator("main").inner_text()
    assert not foreign(main, SQ), foreign(main, SQ)
    page.screenshot(path=str(shots / "case_identified.png"), full_page=True)
    context.close()
