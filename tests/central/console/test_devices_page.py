"""The devices page (console/routes/devices.py), on SQLite and on PostgreSQL: one-time
enrolment codes and revocation."""

from __future__ import annotations

import re

import pytest

from screening import crypto
from screening.central.batches.ingest import ingest
from screening.central.devices import enrolment
from screening.errors import ScreeningError
from screening.sync import wire
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    adult,
    csrf_of,
    interview_record,
)


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
