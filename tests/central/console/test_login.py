"""Console login through FastAPI's test client, on SQLite and on PostgreSQL: passwords,
lockout, session cookies and their binding to the browser, CSRF on the login, logout and roles."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update

from screening.central.app import create_app
from screening.central.console.app import create_console
from screening.central.console.context import ConsoleSettings
from screening.central.schema import console_sessions, devices, staff_access
from screening.central.staff import auth
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    AGENT,
    ENGLISH,
    PASSWORD,
    TestClient,
    add_staff,
    csrf_of,
    logged_in,
    login,
)


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
                    headers=ENGLISH) as tls:
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
    with TestClient(create_app(central), headers=ENGLISH) as other:
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
    with TestClient(console, headers=ENGLISH, root_path="") as first:
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
