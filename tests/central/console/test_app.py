"""The console application (console/app.py), on SQLite and on PostgreSQL: the way in, the
CSRF guard on every POST, security headers, and hostile input never getting a 5xx."""

from __future__ import annotations

from sqlalchemy import select

from screening.central.app import create_app
from screening.central.schema import devices
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    ENGLISH,
    TestClient,
    add_staff,
    csrf_of,
    logged_in,
)


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
        with TestClient(create_app(central), headers=ENGLISH) as client:
            check(client)
    finally:
        central.close()


def test_a_large_form_is_refused(central, admin):
    token = csrf_of(admin.get("/console/devices").text)
    answer = admin.post("/console/codes", data={"csrf": token, "checkpoint": "T" * 40_000})
    assert answer.status_code == 403
