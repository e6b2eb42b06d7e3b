"""The staff console through FastAPI's test client, on SQLite and on PostgreSQL: login, session
and CSRF rules, roles, the inbox, devices, checkpoints, cases and the documents."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from screening.central.app import create_app
from screening.central.batches.inbox import missing_runs
from screening.central.batches.ingest import ingest
from screening.central.console.app import create_console
from screening.central.console.context import ConsoleSettings
from screening.central.devices import enrolment
from screening.central.schema import console_sessions, devices, staff, staff_access
from screening.central.staff import accounts, audit, auth
from screening.errors import ScreeningError
from screening.sync import crypto, wire
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    AGENT,
    PASSWORD,
    TestClient,
    add_staff,
    adult,
    child,
    csrf_of,
    interview_record,
    logged_in,
    login,
)


@pytest.fixture
def client(central):
    with TestClient(create_app(central), headers={"user-agent": AGENT}) as test_client:
        yield test_client


@pytest.fixture
def admin(central, client):
    add_staff(central, "drita", "admin")
    return logged_in(client, "drita")


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


# -- login, sessions, CSRF ----------------------------------------------------------------------


def test_the_root_and_the_console_lead_to_the_login(client):
    assert client.get("/", follow_redirects=False).headers["location"] == "/console/"
    assert client.get("/console/", follow_redirects=False).headers["location"] == \
        "/console/login"
    assert client.get("/console/batches", follow_redirects=False).headers["location"] == \
        "/console/login"
    page = client.get("/console/login")
    assert page.status_code == 200 and 'name="csrf"' in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text


def test_login_sets_a_strict_http_only_session_cookie_and_rotates_it(central, client):
    add_staff(central, "drita", "viewer")
    first = login(client, "drita")
    assert first.status_code == 303 and first.headers["location"] == "/console/batches"
    cookie = next(c for c in first.headers.get_list("set-cookie")
                  if c.startswith("rs_console="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie
    assert "Secure" not in cookie  # plain HTTP on loopback only
    token = client.cookies.get("rs_console")
    second = login(client, "drita")
    assert second.status_code == 303 and client.cookies.get("rs_console") != token
    with central.engine.connect() as conn:
        hashes = set(conn.execute(select(console_sessions.c.token_hash)).scalars())
    assert hashes == {auth.token_hash(client.cookies.get("rs_console"))}  # the old one is gone
    assert token not in str(hashes)  # only hashes are stored


def test_the_cookie_is_secure_over_tls(central):
    add_staff(central, "drita")
    with TestClient(create_app(central), base_url="https://testserver",
                    headers={"user-agent": AGENT}) as tls:
        answer = login(tls, "drita")
    cookie = next(c for c in answer.headers.get_list("set-cookie")
                  if c.startswith("rs_console="))
    assert "Secure" in cookie


def test_wrong_and_unknown_logins_get_the_same_answer(central, client):
    add_staff(central, "drita")
    wrong = login(client, "drita", "not the password!")
    unknown = login(client, "nobody", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert "Wrong name or password" in wrong.text and "Wrong name or password" in unknown.text
    assert client.cookies.get("rs_console") is None


def test_repeated_failures_lock_the_account_in_the_database(central, client):
    add_staff(central, "drita")
    for _ in range(auth.LOCK_AFTER):
        assert login(client, "drita", "guessing wrongly").status_code == 401
    assert login(client, "drita").status_code == 401  # the right password, but locked
    with central.engine.connect() as conn:
        locked = conn.execute(select(staff_access.c.locked_until)).scalar()
    assert locked and locked > dt.datetime.now(dt.UTC).isoformat()
    # a fresh console (a restart) still refuses it
    with TestClient(create_app(central), headers={"user-agent": AGENT}) as other:
        assert login(other, "drita").status_code == 401
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat()
    with central.engine.begin() as conn:
        conn.execute(update(staff_access).values(locked_until=past))
    assert login(client, "drita").status_code == 303


def test_a_success_resets_the_failure_count(central, client):
    add_staff(central, "drita")
    for _ in range(auth.LOCK_AFTER - 1):
        login(client, "drita", "guessing wrongly")
    assert login(client, "drita").status_code == 303
    for _ in range(auth.LOCK_AFTER - 1):
        login(client, "drita", "guessing wrongly")
    assert login(client, "drita").status_code == 303


def test_a_login_without_its_csrf_token_is_refused(central, client):
    add_staff(central, "drita")
    client.get("/console/login")
    answer = client.post("/console/login", data={"name": "drita", "password": PASSWORD})
    assert answer.status_code == 403
    forged = client.post("/console/login", data={"name": "drita", "password": PASSWORD,
                                                  "csrf": "forged"})
    assert forged.status_code == 403
    assert client.cookies.get("rs_console") is None


def test_every_post_needs_the_session_csrf_token(central, admin):
    station = enrol_station(central)
    page = admin.get(f"/console/devices/{station.device_id}/revoke")
    token = csrf_of(page.text)
    for data in ({}, {"csrf": "x" * 43}):
        answer = admin.post(f"/console/devices/{station.device_id}/revoke", data=data)
        assert answer.status_code == 403
        assert admin.post("/console/codes", data={**data, "checkpoint": "TIA"}
                          ).status_code == 403
        assert admin.post("/console/logout", data=data).status_code == 403
    foreign = admin.post(f"/console/devices/{station.device_id}/revoke", data={"csrf": token},
                         headers={"origin": "https://evil.example"})
    assert foreign.status_code == 403
    with central.engine.connect() as conn:
        assert conn.execute(select(devices.c.revoked_at)).scalar() is None
    assert admin.get("/console/batches").status_code == 200  # still logged in


def test_a_cookie_replayed_from_another_browser_ends_the_session(central, admin):
    stolen = admin.cookies.get("rs_console")
    with TestClient(create_app(central), headers={"user-agent": "Other/1.0"}) as thief:
        thief.cookies.set("rs_console", stolen, path="/console")
        answer = thief.get("/console/batches", follow_redirects=False)
        assert answer.headers["location"] == "/console/login"
    # the session is dead for its owner too: whoever holds the cookie must log in again
    assert admin.get("/console/batches", follow_redirects=False).status_code == 303
    with central.engine.connect() as conn:
        assert conn.execute(select(console_sessions)).first() is None


def test_the_client_address_binding_is_optional(central):
    add_staff(central, "drita")
    console = create_console(central, ConsoleSettings(bind_ip=True))
    with TestClient(console, headers={"user-agent": AGENT}, root_path="") as first:
        page = first.get("/login")
        first.post("/login", data={"name": "drita", "password": PASSWORD,
                                   "csrf": csrf_of(page.text)}, follow_redirects=False)
        token = first.cookies.get("rs_console")
    assert auth.current(central.engine, token, user_agent=AGENT, client_ip="10.0.0.9",
                        bind_ip=True) is None


def test_idle_and_expired_sessions_end(central, admin):
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=auth.IDLE_MINUTES + 1)).isoformat()
    with central.engine.begin() as conn:
        conn.execute(update(console_sessions).values(last_seen_at=old))
    assert admin.get("/console/batches", follow_redirects=False).status_code == 303


def test_logout_deletes_the_session(central, admin):
    token = csrf_of(admin.get("/console/batches").text)
    answer = admin.post("/console/logout", data={"csrf": token}, follow_redirects=False)
    assert answer.status_code == 303
    with central.engine.connect() as conn:
        assert conn.execute(select(console_sessions)).first() is None
    assert admin.get("/console/batches", follow_redirects=False).status_code == 303


# -- roles --------------------------------------------------------------------------------------


def test_a_viewer_looks_but_cannot_revoke_or_enrol(central, client):
    add_staff(central, "ilir", "viewer")
    logged_in(client, "ilir")
    station = enrol_station(central)
    devices_page = client.get("/console/devices")
    assert devices_page.status_code == 200 and "Revoke" not in devices_page.text
    assert "Create a one-time code" not in devices_page.text
    token = csrf_of(devices_page.text)
    assert client.get(f"/console/devices/{station.device_id}/revoke").status_code == 403
    assert client.post(f"/console/devices/{station.device_id}/revoke",
                       data={"csrf": token}).status_code == 403
    assert client.post("/console/codes", data={"csrf": token, "checkpoint": "TIA"}
                       ).status_code == 403
    with central.engine.connect() as conn:
        assert conn.execute(select(devices.c.revoked_at)).scalar() is None


def test_an_account_without_an_access_row_is_a_viewer(central, client):
    add_staff(central, "old")
    with central.engine.begin() as conn:
        conn.execute(staff_access.delete())
    logged_in(client, "old")
    token = csrf_of(client.get("/console/devices").text)
    assert client.post("/console/codes", data={"csrf": token, "checkpoint": "TIA"}
                       ).status_code == 403


# -- batches, devices, checkpoints --------------------------------------------------------------


def test_missing_runs():
    assert missing_runs([1, 2, 5, 6, 9]) == {5: (3, 4), 9: (7, 8)}
    assert missing_runs([2]) == {2: (1, 1)}
    assert missing_runs([]) == {}


def test_the_inbox_lists_batches_and_highlights_gaps(central, admin):
    station = enrol_station(central, "TIA")
    ingest(central, station.batch([interview_record(adult(), seq=1),
                                   interview_record(child(), seq=2)]))
    ingest(central, station.batch([interview_record(adult(), seq=3)], sequence=4))
    page = admin.get("/console/batches")
    assert page.status_code == 200
    rows = re.findall(r"<tr( class=\"gap\")?>\s*<td>", page.text)
    assert len(rows) == 2 and rows[0] == ' class="gap"' and rows[1] == ""
    assert "#2–#3 missing" in page.text and "#4" in page.text
    assert re.search(r'<td class="num">2</td>', page.text)  # the first batch's interviews
    assert "accepted" in page.text
    only = admin.get(f"/console/batches?device={station.device_id}")
    assert "2 batches received from this workstation" in only.text


def test_an_enrolment_code_is_shown_once_and_enrols(central, admin):
    token = csrf_of(admin.get("/console/devices").text)
    page = admin.post("/console/codes", data={"csrf": token, "checkpoint": "TIA",
                                              "hours": "2"})
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    code = re.search(r'<output id="code">([A-Z0-9-]+)</output>', page.text)[1]
    devices_page = admin.get("/console/devices")
    assert "TIA" in devices_page.text and code not in devices_page.text
    key = crypto.new_signing_key()
    response = enrolment.enrol(central, wire.parse_enrol_request(
        wire.build_enrol_request(code, key, "desk")))
    assert response.checkpoint == "TIA"
    assert admin.post("/console/codes", data={"csrf": token, "checkpoint": "TIA",
                                              "hours": "9999"}).status_code == 403
    assert admin.post("/console/codes", data={"csrf": token, "checkpoint": " ",
                                              "hours": "2"}).status_code == 400


def test_revoking_a_device_refuses_its_next_batch(central, admin):
    station = enrol_station(central)
    confirm = admin.get(f"/console/devices/{station.device_id}/revoke")
    assert "Revoke this workstation?" in confirm.text
    answer = admin.post(f"/console/devices/{station.device_id}/revoke",
                        data={"csrf": csrf_of(confirm.text)}, follow_redirects=False)
    assert answer.status_code == 303
    assert "revoked" in admin.get("/console/devices").text
    with pytest.raises(ScreeningError) as refused:
        ingest(central, station.batch([interview_record(adult())]))
    assert refused.value.code == "device_revoked"
    assert admin.get("/console/devices/not-a-device/revoke").status_code == 403


def test_quiet_checkpoints_are_listed_first(central, admin):
    quiet = enrol_station(central, "KKV")
    busy = enrol_station(central, "TIA")
    ingest(central, busy.batch([interview_record(adult())]))
    long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=30)).isoformat()
    with central.engine.begin() as conn:
        conn.execute(update(devices).where(devices.c.id == quiet.device_id)
                     .values(enrolled_at=long_ago))
    page = admin.get("/console/checkpoints").text
    assert page.index("KKV") < page.index("TIA")
    assert "1 quiet" in page and "more than 24 hours" in page
    short = create_console(central, ConsoleSettings(quiet_hours=48))
    with TestClient(short, headers={"user-agent": AGENT}) as other:
        other.cookies.set("rs_console", admin.cookies.get("rs_console"))
        assert "1 quiet" not in other.get("/checkpoints").text


# -- cases and documents ------------------------------------------------------------------------


def _cases(central, client) -> dict[str, str]:
    station = enrol_station(central, "TIA")
    records = {
        "adult": interview_record(adult(), seq=11),
        "child": interview_record(child(), seq=12),
        "referred": interview_record(adult(checkpoint="TIA", officer_outcome="at_risk",
                                           action_taken="referred_social_services",
                                           interview_started_at="2026-10-02T09:00:00"),
                                     seq=13),
    }
    ingest(central, station.batch(list(records.values())))
    return {name: record["id"] for name, record in records.items()}


def _listed(client, query: str) -> set[str]:
    page = client.get(f"/console/cases?{query}")
    assert page.status_code == 200, page.text
    return set(re.findall(r'/console/cases/([0-9a-f-]{36})"', page.text))


def test_the_case_list_filters(central, admin):
    ids = _cases(central, admin)
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
    ids = _cases(central, admin)
    page = admin.get(f"/console/cases/{ids['child']}")
    assert page.status_code == 200
    reference = re.search(r'<span class="mono">([A-Z]+-\d{6}-[0-9A-F]{6})</span>', page.text)[1]
    assert reference.startswith("TIA-260701-")
    pdf = admin.get(f"/console/cases/{ids['child']}/record.pdf?lang=en")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert "attachment" in pdf.headers["content-disposition"]
    text = _text(pdf.content)
    assert reference in text and "Elira" in text
    found = admin.get(f"/console/cases?ref={reference.lower()}", follow_redirects=False)
    assert found.headers["location"] == f"/console/cases/{ids['child']}"
    assert admin.get("/console/cases/00000000-0000-4000-8000-000000000000").status_code == 403


def test_quarterly_statistics_pdf_and_csv(central, admin):
    _cases(central, admin)
    page = admin.get("/console/statistics?quarter=2026Q3")
    assert "2 interviews at central started in 2026Q3" in page.text
    pdf = admin.get("/console/statistics/report.pdf?quarter=2026Q3&lang=en")
    assert pdf.status_code == 200
    assert "2026Q3" in _text(pdf.content)
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
    ids = _cases(central, admin)
    admin.get(f"/console/cases/{ids['adult']}/record.pdf")
    admin.get("/console/statistics/report.pdf?quarter=2026Q3")
    with central.engine.connect() as conn:
        actions = [e["action"] for e in audit.events(conn)]
    assert "record_downloaded" in actions and "report_downloaded" in actions
    assert "login" in actions


def test_staff_rows_are_unchanged_by_the_console(central):
    add_staff(central, "drita", "admin")
    assert accounts.set_role(central.engine, "drita", "viewer", by="ilir")
    assert not accounts.set_role(central.engine, "nobody", "viewer", by="ilir")
    with pytest.raises(ValueError):
        accounts.set_role(central.engine, "drita", "root", by="ilir")
    with central.engine.connect() as conn:
        assert conn.execute(select(staff.c.name)).scalars().all() == ["drita"]
        assert conn.execute(select(staff_access.c.role)).scalar() == "viewer"


# -- hostile input ------------------------------------------------------------------------------

_PATHS = ["/console/login", "/console/logout", "/console/codes", "/console/batches",
          "/console/cases", "/console/statistics", "/console/statistics/report.pdf",
          "/console/devices/x/revoke", "/console/cases/x", "/console/cases/x/record.pdf"]


def test_random_requests_never_get_a_5xx(tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from screening.central import settings as central_settings
    from screening.central.service import open_central

    central = open_central(central_settings.Settings(tmp_path / "c",
                                                     f"sqlite:///{tmp_path / 'c.db'}"))
    add_staff(central, "drita")
    text = st.text(max_size=60)

    @settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
    @given(path=st.sampled_from(_PATHS), method=st.sampled_from(["GET", "POST"]),
           params=st.dictionaries(st.sampled_from(["quarter", "checkpoint", "k", "lang",
                                                   "page", "ref", "child", "device"]), text),
           form=st.dictionaries(st.sampled_from(["csrf", "name", "password", "checkpoint",
                                                 "hours"]), text),
           logged=st.booleans())
    def check(client, path, method, params, form, logged):
        if logged and client.cookies.get("rs_console") is None:
            logged_in(client, "drita")
        if not logged:
            client.cookies.clear()
        answer = client.request(method, path, params=params, data=form if method == "POST"
                                else None, follow_redirects=False)
        assert answer.status_code < 500, (method, path, params, form, answer.text[:500])

    try:
        with TestClient(create_app(central), headers={"user-agent": AGENT}) as client:
            check(client)
    finally:
        central.close()


def test_a_large_form_is_refused(central, admin):
    token = csrf_of(admin.get("/console/devices").text)
    answer = admin.post("/console/codes", data={"csrf": token, "checkpoint": "T" * 40_000})
    assert answer.status_code == 403


def test_an_interview_of_an_unknown_form_is_listed_but_not_counted(central, admin):
    station = enrol_station(central, "TIA")
    record = {**interview_record(adult(), seq=31), "form_id": "other_form"}
    ingest(central, station.batch([record]))
    page = admin.get("/console/cases")
    assert "not counted" in page.text
    case = admin.get(f"/console/cases/{record['id']}")
    assert "Not counted in the statistics" in case.text and "other_form" in case.text
    pdf = admin.get(f"/console/cases/{record['id']}/record.pdf")
    assert pdf.status_code == 400 and "does not have" in pdf.text
    assert "0 interviews" in admin.get("/console/statistics?quarter=2026Q3").text
