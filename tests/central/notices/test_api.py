"""``GET /v1/notices`` as an attacker tries it: only an enrolled, unrevoked device that signs
its request gets a list, and only of its own checkpoint; every refusal is a JSON code."""

from __future__ import annotations

import datetime as dt

import pytest

from screening import crypto
from screening.central.app import create_app
from screening.central.devices import revocation
from screening.central.notices import register
from screening.sync import noticelist
from tests.central.conftest import enrol_station
from tests.central.console.helpers import TestClient


@pytest.fixture
def client(central):
    with TestClient(create_app(central)) as test_client:
        yield test_client


def add(central, checkpoint, days, name):
    return register.add(central, {
        "checkpoint": checkpoint, "given_name": name, "family_name": "Hoxha",
        "expected_date": (dt.date.today() + dt.timedelta(days=days)).isoformat(),
        "notified_by": "consulate"}, by="drita").id


def ask(client, station, key=None, now=None):
    headers = noticelist.sign_request(station.device_id, key or station.key, now)
    return client.get(noticelist.PATH, headers=headers)


def test_a_device_gets_its_own_checkpoint_s_window_signed(central, client):
    rinas = enrol_station(central, "TIA")
    kept = {add(central, "TIA", 0, "Arben"), add(central, "TIA", -2, "Besa"),
            add(central, "TIA", 7, "Genti")}
    add(central, "TIA", -3, "Too Late")
    add(central, "TIA", 8, "Too Early")
    add(central, "KKV", 1, "Elsewhere")
    answer = ask(client, rinas)
    assert answer.status_code == 200
    found = noticelist.verify_list(answer.json(), central.keys.signing.public_key())
    assert (found.device_id, found.checkpoint) == (rinas.device_id, "TIA")
    assert {n["id"] for n in found.notices} == kept


def test_requests_not_signed_by_an_enrolled_device_are_refused(central, client):
    station = enrol_station(central, "TIA")
    assert client.get(noticelist.PATH).json()["error"] == "request_malformed"
    forged = ask(client, station, key=crypto.new_signing_key())
    assert (forged.status_code, forged.json()["error"]) == (401, "signature_invalid")
    station.device_id = "no-such-device"
    assert ask(client, station).json()["error"] == "device_unknown"


def test_an_old_request_or_a_revoked_device_gets_nothing(central, client):
    station = enrol_station(central, "TIA")
    add(central, "TIA", 1, "Arben")
    old = ask(client, station, now=dt.datetime.now(dt.UTC) - dt.timedelta(days=2))
    assert old.json()["error"] == "clock_skew"
    revocation.revoke(central, station.device_id, by="drita")
    revoked = ask(client, station)
    assert (revoked.status_code, revoked.json()["error"]) == (403, "device_revoked")
    assert "Arben" not in revoked.text
