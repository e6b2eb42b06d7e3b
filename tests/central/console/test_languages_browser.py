"""Every console page in both languages, in a real headless Chromium against a live central
that a real workstation store has synced to: a browser set to Albanian, then one set to
English, walks every page as staff do; each page says its language in ``<html lang>`` and
shows no word that only the other language uses (the words come from the catalogue's other
side: tests/central/console/words.py). The language switch of a page moves it to the other
language and back. Screenshots: ``SCREENING_SCREENSHOTS``, as ``sq_...png`` and ``en_...png``.
"""

from __future__ import annotations

import re
import uuid

import pytest
import requests

from screening.central.console import catalogue
from screening.store.session import StoreSession
from screening.sync import service, wire
from tests.answer_sets import adult_no_indicators, child_answers
from tests.central.console.browsing import ADMIN, PASSWORD, go, log_in, new_page
from tests.central.console.words import foreign
from tests.central.live import run_cli
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF

pytestmark = pytest.mark.slow

LOCALES = {"sq": "sq-AL", "en": "en-GB"}
# everything a person reads on the page, but what is marked as another language (the switch,
# a technical reason kept as sent)
VISIBLE_TEXT = """lang => {
  for (const el of document.querySelectorAll('body [lang]')) {
    if (el.lang !== lang) el.remove();
  }
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    for (const name of ['aria-label', 'placeholder', 'title']) {
      if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
    }
  }
  for (const option of document.querySelectorAll('option')) parts.push(option.text);
  return parts.join('\\n');
}"""


@pytest.fixture(scope="module")
def synced(live, tmp_path_factory):
    """A workstation enrolled with a code, three interviews (two of them the same person by
    document number) synced, and a batch two numbers on: a gap."""
    made = run_cli(live.data_dir, live.db_url, "enrolment-code", "TIA")
    assert made.returncode == 0, made.stderr
    code = re.search(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", made.stdout)[0]
    store, _ = StoreSession.initialise(tmp_path_factory.mktemp("store") / "store", "TIA",
                                       SUPERVISOR, SUPERVISOR_PW, kdf=TEST_KDF)
    try:
        me = service.enroll(store, live.url, code, label="TIA 1")
        passport = {"id_document_type": "passport", "id_document_number": "AB1234567"}
        for answers in (adult_no_indicators(checkpoint="TIA", **passport),
                        adult_no_indicators(given_name="Besnik", action_taken="no_action",
                                            **passport),
                        child_answers(checkpoint="TIA")):
            store.import_finalised(answers)
        assert len(service.sync_now(store).acknowledged) == 1
        gap = wire.build_batch(device_id=me.device_id, sequence=3, batch_id=str(uuid.uuid4()),
                               created_at="2026-11-23T06:00:00+00:00", interviews=[],
                               signing_key=me.signer(), recipient=me.recipient())
        assert requests.post(f"{live.url}/v1/batches", data=gap, timeout=30).status_code == 200
    finally:
        store.close()


def check(page, lang: str, shots, name: str) -> None:
    """The page is in ``lang`` through and through (screenshot first: the check strips the
    parts marked as the other language)."""
    page.screenshot(path=shots / f"{lang}_{name}.png", full_page=True)
    assert page.locator("html").get_attribute("lang") == lang, name
    text = page.evaluate(VISIBLE_TEXT, lang)
    assert catalogue.text(lang, "footer") in text, name
    left = foreign(text, lang)
    assert not left, (name, sorted(left))


def t(lang: str, key: str, **values) -> str:
    return catalogue.text(lang, key, **values)


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_every_page_in_each_language(browser, live, synced, shots, lang):
    context, page = new_page(browser, locale=LOCALES[lang])
    page.goto(f"{live.url}/console/login")
    check(page, lang, shots, "01_login")
    page.get_by_label(t(lang, "login.name")).fill(ADMIN)
    page.get_by_label(t(lang, "login.password")).fill("not the password")
    page.get_by_role("button", name=t(lang, "login.submit")).click()
    assert page.get_by_role("alert").inner_text() == t(lang, "login.refused", minutes=15)
    check(page, lang, shots, "02_login_refused")
    log_in(page, live.url, lang=lang)

    assert page.get_by_role("heading", name=t(lang, "batches.heading")).is_visible()
    assert t(lang, "batches.missing_one", first=2) in page.locator("table.grid").inner_text()
    check(page, lang, shots, "03_batches")

    go(page, "devices", lang)
    check(page, lang, shots, "04_devices")
    page.get_by_label(t(lang, "col.checkpoint")).fill("KKV")
    page.get_by_role("button", name=t(lang, "devices.create")).click()
    assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", page.locator("#code").inner_text())
    check(page, lang, shots, "05_code")
    go(page, "devices", lang)
    page.get_by_role("link", name=t(lang, "devices.revoke")).first.click()
    assert page.get_by_role("button", name=t(lang, "revoke.submit")).is_visible()
    check(page, lang, shots, "06_revoke_confirm")
    page.get_by_role("link", name=t(lang, "revoke.cancel")).click()  # nothing is revoked

    go(page, "checkpoints", lang)
    assert t(lang, "checkpoint.sending") in page.locator("table.grid").inner_text()
    check(page, lang, shots, "07_checkpoints")

    go(page, "cases", lang)
    assert page.locator("table.grid tbody tr").count() == 3
    check(page, lang, shots, "08_cases")
    page.get_by_label(t(lang, "col.child")).select_option("yes")
    page.get_by_role("button", name=t(lang, "cases.filter")).click()
    page.wait_for_url(re.compile(r".*child=yes.*"))
    page.locator("table.grid tbody a").first.click()
    page.wait_for_url(re.compile(r".*/console/cases/[0-9a-f-]{36}$"))
    assert page.get_by_role("heading", name=t(lang, "case.record")).is_visible()
    check(page, lang, shots, "09_case")

    go(page, "matches", lang)
    assert page.get_by_role("button", name=t(lang, "match.confirm")).is_visible()
    assert t(lang, "match.reason.document_number") in page.locator("main").inner_text()
    check(page, lang, shots, "10_matches")

    go(page, "statistics", lang)
    page.get_by_label(t(lang, "cases.quarter")).fill("2026Q3")
    page.get_by_role("button", name=t(lang, "statistics.show")).click()
    page.wait_for_url(re.compile(r".*quarter=2026Q3.*"))
    assert catalogue.plural(lang, "statistics.summary", 3, quarter="2026Q3") in \
        page.locator("main").inner_text()
    # the tables on the page and the charts drawn by the server, in the page's language
    assert page.locator("#table-t17 caption").inner_text().startswith("17.")
    assert page.locator("figure.chart svg rect").count() >= 2
    assert page.get_by_role("heading", name=t(lang, "statistics.dashboard")).is_visible()
    assert t(lang, "statistics.referrals_overdue") in \
        page.locator("#referrals-by-status").inner_text()
    check(page, lang, shots, "11_statistics")

    page.goto(f"{live.url}/console/cases?quarter=2026Q9")
    assert page.get_by_role("heading", name=t(lang, "error.refused")).is_visible()
    check(page, lang, shots, "12_refused")
    context.close()


def test_the_switch_on_a_page_changes_its_language_and_the_account_keeps_it(browser, live,
                                                                            synced, shots):
    context, page = new_page(browser, locale=LOCALES["sq"])
    page.goto(f"{live.url}/console/login")
    page.get_by_role("link", name=catalogue.NAMES["en"]).click()  # before login: a link
    page.wait_for_url(re.compile(r".*/console/login\?language=en$"))
    assert page.locator("html").get_attribute("lang") == "en"
    log_in_here(page, "en")
    go(page, "cases", "en")
    page.get_by_role("button", name=catalogue.NAMES["sq"]).click()  # logged in: the account's
    page.wait_for_url(re.compile(r".*/console/cases$"))
    assert page.locator("html").get_attribute("lang") == "sq"
    check(page, "sq", shots, "13_switched")
    context.close()
    # another browser, set to English: the account's Albanian wins
    other, again = new_page(browser, locale=LOCALES["en"])
    log_in(again, live.url, lang="en")
    assert again.locator("html").get_attribute("lang") == "sq"
    again.get_by_role("button", name=catalogue.NAMES["en"]).click()
    again.wait_for_url(re.compile(r".*/console/batches$"))
    assert again.locator("html").get_attribute("lang") == "en"
    other.close()


def log_in_here(page, lang: str) -> None:
    """Log in on the login page as it is (switched), not from the front door."""
    page.get_by_label(t(lang, "login.name")).fill(ADMIN)
    password = page.get_by_label(t(lang, "login.password"))
    password.fill(PASSWORD)
    password.press("Enter")
    page.wait_for_url(re.compile(r".*/console/batches$"))
