"""The console's two languages (SQLite and PostgreSQL): one catalogue with both translations of
every key, every key the templates and routes use in it and no sentence outside it; Albanian
before any choice, the browser's language before login, and a choice kept per staff account
across logins. (Every page in both languages, in a real browser: test_languages_browser.py.)"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from screening.central.app import create_app
from screening.central.batches.ingest import ingest
from screening.central.cases import forms
from screening.central.console import catalogue, render
from screening.central.console.routes.language import back_to
from screening.central.referrals import casework, derive, lifecycle
from screening.central.repeats import candidates, matching
from screening.central.staff import accounts
from screening.sync import wire
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    AGENT,
    TestClient,
    add_staff,
    adult,
    csrf_of,
    interview_record,
    login,
    received_cases,
)
from tests.central.console.words import foreign

CONSOLE = Path(catalogue.__file__).resolve().parent
TEMPLATES = sorted((CONSOLE / "templates").glob("*.html"))
SOURCES = sorted(CONSOLE.rglob("*.py"))
KEY = re.compile(r"""\b(?:t|tn)\(\s*["']([a-z_.]+)["']""")
FAMILY = re.compile(r"""\b(?:t|tn)\(\s*["']([a-z_.]+\.)["']\s*~""")
# the families of keys a template names with a code; every code must have its words
FAMILIES = {
    "nav.": ("batches", "devices", "checkpoints", "cases", "referrals", "matches", "notices",
             "statistics"),
    "notices.state.": ("started", "confirmed", "expected", "overdue"),
    "role.": accounts.ROLES,
    "match.status.": (*candidates.STATUSES, "all"),
    "match.reason.": matching.REASONS,
    "result.": wire.RESULTS,
    "lang.": catalogue.LANGUAGES,
    "referral.status.": (*lifecycle.STATUSES, "all"),
    "referral.event.": (lifecycle.SENT, lifecycle.WITHDRAWN, *lifecycle.EVENTS),
    "referral.kind.": ("primary", "further", "rereferral"),
    "referral.late.": ("not_received", "not_accepted"),
    "need.": derive.NEEDS,
    "identification.status.": casework.STATUSES,
    "witness.": casework.WITNESS,
    "permit.": ("none", *casework.PERMIT),
}
PLURAL = ("one", "other")
PLURAL_KEY = tuple(f".{form}" for form in PLURAL)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_translations_with_the_same_blanks():
    for key, entry in catalogue.MESSAGES.items():
        assert set(entry) == set(catalogue.LANGUAGES), key
        assert all(entry[lang].strip() for lang in catalogue.LANGUAGES), key
        assert _fields(entry["sq"]) == _fields(entry["en"]), key
        if key.endswith(PLURAL_KEY):
            stem = key.rsplit(".", 1)[0]
            assert {f"{stem}.{form}" for form in PLURAL} <= set(catalogue.MESSAGES), key


def test_every_key_the_templates_use_is_in_the_catalogue():
    used: set[str] = set()
    families: set[str] = set()
    for template in TEMPLATES:
        text = template.read_text(encoding="utf-8")
        used |= set(KEY.findall(text))
        families |= set(FAMILY.findall(text))
    plain = {k for k in used if not k.endswith(".")}
    plurals = {k for k in plain if f"{k}.one" in catalogue.MESSAGES}
    assert plain - plurals - set(catalogue.MESSAGES) == set()
    assert families <= set(FAMILIES), families - set(FAMILIES)
    for family in families:
        for code in FAMILIES[family]:
            key = f"{family}{code}"
            assert key in catalogue.MESSAGES or f"{key}.one" in catalogue.MESSAGES, key


def test_every_key_the_routes_name_is_in_the_catalogue():
    named: set[str] = set()
    for source in SOURCES:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", node.value) and \
                    not node.value.endswith((".html", ".css", ".pdf", ".zip", ".py")):
                named.add(node.value)
    assert named, "no key found: the scan is broken"
    assert named - set(catalogue.MESSAGES) == set()


def test_no_sentence_is_left_in_a_template():
    """Outside ``{{ }}`` and ``{% %}``, a template holds markup and punctuation only; so do
    the attributes a person reads (placeholders are codes as staff type them)."""
    for template in TEMPLATES:
        text = template.read_text(encoding="utf-8")
        bare = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
        for attribute in re.findall(r'(?:placeholder|aria-label|title|alt)="([^"]*)"', bare):
            assert attribute.strip() in ("", "TIA-261123-3F9A1C", "2026Q4"), \
                (template.name, attribute)
        outside = re.sub(r"<[^>]*>|&[a-z]+;", " ", bare)
        assert re.findall(r"[^\W\d_]{2,}", outside) == [], (template.name, outside.split())


def test_locale_formats():
    assert catalogue.number("sq", 1234567) == "1.234.567"
    assert catalogue.number("en", 1234567) == "1,234,567"
    assert render.when("2026-12-02T07:45:00+00:00", "sq") == "02.12.2026 07:45 UTC"
    assert render.when("2026-12-02T07:45:00+00:00", "en") == "2026-12-02 07:45 UTC"
    assert render.day("2026-12-02", "sq") == "02.12.2026"
    assert catalogue.text("sq", "batches.count.other", n=1234) == "1.234 paketa të marra"
    assert catalogue.plural("en", "cases.count", 1) == "1 case."


@pytest.mark.parametrize(("header", "lang"), [
    (None, "sq"), ("", "sq"), ("sq-AL,sq;q=0.9", "sq"), ("en-US,en;q=0.9", "en"),
    ("de-DE,de;q=0.9,en;q=0.5", "en"), ("de-DE,fr", "sq"), ("en;q=0.4,sq;q=0.8", "sq"),
    ("en;q=0", "sq"), ("xx;q=abc,en", "en")])
def test_before_login_the_browser_language_else_albanian(header, lang):
    assert catalogue.from_accept_language(header) == lang


def test_the_login_page_speaks_the_browser_language_and_can_be_switched(central):
    app = create_app(central)
    with TestClient(app, headers={"user-agent": AGENT}) as plain:
        page = plain.get("/console/login")
        assert '<html lang="sq">' in page.text
        assert catalogue.text("sq", "login.heading") in page.text
        assert catalogue.text("sq", "footer") in page.text
        switched = plain.get("/console/login?language=en")
        assert '<html lang="en">' in switched.text
        assert catalogue.text("en", "login.heading") in switched.text
        assert 'name="language" value="en"' in switched.text  # carried into the login
    with TestClient(app, headers={"user-agent": AGENT, "accept-language": "en-GB"}) as english:
        page = english.get("/console/login")
        assert '<html lang="en">' in page.text
        assert 'href="/console/login?language=sq"' in page.text


def test_a_wrong_password_is_told_in_the_page_language(central):
    add_staff(central, "drita")
    with TestClient(create_app(central), headers={"user-agent": AGENT}) as client:
        answer = login(client, "drita", "not the password")
        assert answer.status_code == 401
        assert catalogue.text("sq", "login.refused", minutes=15) in answer.text
        assert not foreign(re.sub(r"<[^>]*>", " ", answer.text), "sq")


def _choose(client: TestClient, lang: str, back: str) -> None:
    page = client.get(back)
    answer = client.post("/console/language", follow_redirects=False, data={
        "csrf": csrf_of(page.text), "language": lang, "back": back})
    assert answer.status_code == 303 and answer.headers["location"] == back


def test_the_choice_is_kept_for_the_account_across_logins(central):
    add_staff(central, "drita", "viewer")  # a viewer may choose a language too
    add_staff(central, "ilir", "admin")
    app = create_app(central)
    english = {"user-agent": AGENT, "accept-language": "en"}
    with TestClient(app, headers=english) as first:
        assert login(first, "drita").status_code == 303
        assert '<html lang="en">' in first.get("/console/cases").text  # no choice: the browser
        _choose(first, "sq", "/console/cases?child=yes")
        page = first.get("/console/cases?child=yes")
        assert '<html lang="sq">' in page.text
        assert catalogue.text("sq", "cases.heading") in page.text
    with TestClient(app, headers=english) as second:  # another day, the same English browser
        assert login(second, "drita").status_code == 303
        assert '<html lang="sq">' in second.get("/console/batches").text
        _choose(second, "en", "/console/batches")
        assert '<html lang="en">' in second.get("/console/devices").text
    with TestClient(app, headers={"user-agent": AGENT}) as third:
        assert login(third, "drita").status_code == 303
        assert '<html lang="en">' in third.get("/console/batches").text
        # the choice is the account's: another account on the same browser keeps its own
        assert login(third, "ilir").status_code == 303
        assert '<html lang="sq">' in third.get("/console/batches").text


def test_a_language_chosen_on_the_login_page_becomes_the_account_choice(central):
    add_staff(central, "drita")
    app = create_app(central)
    with TestClient(app, headers={"user-agent": AGENT}) as client:
        page = client.get("/console/login?language=en")
        answer = client.post("/console/login", follow_redirects=False, data={
            "name": "drita", "password": "correct horse battery", "language": "en",
            "csrf": csrf_of(page.text)})
        assert answer.status_code == 303
        assert '<html lang="en">' in client.get("/console/batches").text
    with TestClient(app, headers={"user-agent": AGENT}) as later:
        assert login(later, "drita").status_code == 303
        assert '<html lang="en">' in later.get("/console/batches").text


def test_the_switch_is_a_checked_form_and_goes_back_only_inside_the_console(central, admin):
    page = admin.get("/console/devices")
    assert 'action="/console/language"' in page.text and 'lang="sq"' in page.text
    refused = admin.post("/console/language", data={"language": "sq", "back": "/console/"})
    assert refused.status_code == 403  # no CSRF token
    unknown = admin.post("/console/language", data={"csrf": csrf_of(page.text),
                                                    "language": "de", "back": "/console/"})
    assert unknown.status_code == 403
    assert catalogue.text("en", "refused.language").capitalize() in unknown.text
    for outside in ("https://evil.example/", "//evil.example/console/", "/v1/health",
                    "/console/cases/x/record.pdf", "/console\\..\\x"):
        assert back_to(outside) == "/console/batches"
    assert back_to("/console/cases?child=yes") == "/console/cases?child=yes"


def test_outcome_action_and_checkpoint_names_come_from_the_form_in_the_page_language(
        central, admin):
    ids = received_cases(central)
    _choose(admin, "sq", "/console/cases")
    listing = admin.get("/console/cases").text
    case = admin.get(f"/console/cases/{ids['referred']}").text
    for value, label in forms.choices("action_taken", "sq"):
        if value == "referred_social_services":
            assert label in listing and label in case
    for _code, name in forms.checkpoint_codes("sq")[:1]:
        assert name in listing
    assert catalogue.text("sq", "case.record") in case
    assert catalogue.interview_status("sq", "finalised") in case
    for page in (listing, case):
        visible = re.sub(r"<[^>]*>", " ", re.sub(r"<(title|style)>.*?</\1>", " ", page,
                                                  flags=re.S))
        visible = re.sub(r'<[^>]* lang="en"[^>]*>[^<]*', " ", visible)
        assert not foreign(visible, "sq")


def test_refusals_are_told_in_the_page_language(central, admin):
    _choose(admin, "sq", "/console/batches")
    bad_quarter = admin.get("/console/cases?quarter=2026Q9")
    assert bad_quarter.status_code == 403
    assert catalogue.text("sq", "error.refused") in bad_quarter.text
    assert catalogue.text("sq", "refused.quarter")[1:] in bad_quarter.text
    bad_reference = admin.get("/console/cases?ref=nonsense")
    assert catalogue.text("sq", "refused.case_reference", text="nonsense")[1:] in \
        bad_reference.text
    no_match = admin.post("/console/matches/999/confirm",
                          data={"csrf": csrf_of(admin.get("/console/matches").text)})
    assert no_match.status_code == 400
    assert catalogue.text("sq", "refusal.match_unknown")[1:] in no_match.text
    for answer in (bad_quarter, bad_reference, no_match):
        assert '<html lang="sq">' in answer.text
        assert not foreign(re.sub(r"<[^>]*>", " ", answer.text), "sq")


def test_the_word_check_finds_what_the_issue_found():
    """The English the console used to show on Albanian pages, found by the check the browser
    test runs on every page; and Albanian on an English page."""
    left = foreign("Batch inbox · Revoke · Confirm: same person · accepted pending quiet", "sq")
    assert {"batch", "inbox", "revoke", "confirm", "same", "accepted", "pending", "quiet"} <= left
    assert "person" not in left  # Albanian writes "person" too: a word of both is neither's
    assert foreign("Paketat e marra · Revoko pajisjen", "en") >= {"paketat", "revoko"}
    assert not foreign("English · TIA-261201-3F9A1C · 2026Q3 · PDF · drita", "sq")


def test_identifiers_are_marked_as_no_language(central, admin):
    """A workstation's id is hex and can spell a word ("be12…" read as the English "be" failed
    the Albanian page check at random): ids, case references and document numbers are marked
    lang="zxx", so neither a screen reader nor the word check takes them for words."""
    station = enrol_station(central, "TIA")
    ingest(central, station.batch([interview_record(adult(), seq=1)]))
    for path in ("/console/batches", "/console/devices"):
        page = admin.get(path)
        assert f'<span class="muted mono" lang="zxx">{station.device_id[:8]}</span>' in page.text
    for template in TEMPLATES:
        for tag in re.findall(r"<[^>]*\bmono\b[^>]*>", template.read_text(encoding="utf-8")):
            assert "lang=" in tag, (template.name, tag)
