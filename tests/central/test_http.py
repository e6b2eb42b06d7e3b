"""The HTTP API on a real uvicorn process over loopback, on SQLite and PostgreSQL: enrolment,
upload, receipts, and the status and JSON error code of every refusal."""

from __future__ import annotations

import datetime as dt
import json
import uuid
import zlib

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from screening import crypto
from screening.central import database
from screening.central import settings as central_settings
from screening.central.devices import enrolment
from screening.central.schema import enrolment_codes
from screening.central.service import open_central
from screening.sync import wire
from tests.central.live import LiveCentral, run_cli
from tests.unit.sync.batches import Workstation, interview, sealed_frame

MAX_BATCH, MAX_CONTENT = 256 * 1024, 1024 * 1024
LIMIT_ENV = {"SCREENING_CENTRAL_MAX_BATCH": str(MAX_BATCH),
             "SCREENING_CENTRAL_MAX_CONTENT": str(MAX_CONTENT)}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("central")
    if request.param == "sqlite":
        url = f"sqlite:///{data_dir / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres_cluster").new_database()
    server = LiveCentral(data_dir, url, LIMIT_ENV)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def staff_side(live):
    """Central opened in the test process on the server's database, as a second staff
    console would: enrolment codes without a process start each."""
    central = open_central(central_settings.Settings(live.data_dir, live.db_url),
                           migrate=False)
    yield central
    central.close()


def enrol(live: LiveCentral, code: str, key=None) -> requests.Response:
    body = wire.build_enrol_request(code, key or crypto.new_signing_key(), "desk 2")
    return requests.post(f"{live.url}/v1/enrol", json=body, timeout=10)


@pytest.fixture
def station(live, staff_side) -> Workstation:
    key = crypto.new_signing_key()
    answer = enrol(live, enrolment.new_code(staff_side, "TIA", by="drita"), key=key)
    assert answer.status_code == 200, answer.text
    response = wire.parse_enrol_response(answer.json())
    return Workstation(response.device_id, key, crypto.load_recipient_key(
        response.encryption_key))


def upload(live: LiveCentral, raw: bytes) -> requests.Response:
    return requests.post(f"{live.url}/v1/batches", data=raw, timeout=30,
                         headers={"Content-Type": "application/octet-stream"})


def refused(answer: requests.Response, status: int, code: str) -> None:
    assert (answer.status_code, answer.json()["error"]) == (status, code), answer.text
    assert answer.json()["message"]


def central_verify_key(live: LiveCentral) -> crypto.Ed25519PublicKey:
    return crypto.load_signing_key((live.data_dir / "keys" / "signing.key").read_bytes()
                                   ).public_key()


def test_health_answers_with_the_batch_format(live):
    body = requests.get(f"{live.url}/v1/health", timeout=10).json()
    assert body["status"] == "ok" and body["batch_format"] == "rs-batch/1"


def test_an_enrolment_code_works_once(live):
    out = run_cli(live.data_dir, live.db_url, "enrolment-code", "kakavije").stdout
    code = out.split(": ", 1)[1].splitlines()[0]
    first = enrol(live, code)
    assert first.status_code == 200
    assert wire.parse_enrol_response(first.json()).checkpoint == "kakavije"
    refused(enrol(live, code), 403, "enrolment_code_invalid")
    refused(enrol(live, "WRONG-CODE"), 403, "enrolment_code_invalid")


def test_an_expired_enrolment_code_is_refused(live):
    # The shortest validity is a minute (--hours 0 is refused); the code is then aged in the
    # database instead of waiting it out.
    out = run_cli(live.data_dir, live.db_url, "enrolment-code", "rinas", "--hours", "0.02").stdout
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat(timespec="microseconds")
    engine = database.open_engine(live.db_url)
    try:
        with engine.begin() as conn:
            conn.execute(update(enrolment_codes).values(expires_at=past))
    finally:
        engine.dispose()
    refused(enrol(live, out.split(": ", 1)[1].splitlines()[0]), 403, "enrolment_code_invalid")


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"format":"rs-enrol-request/7"}'])
def test_malformed_enrolment_requests_are_refused(live, body):
    answer = requests.post(f"{live.url}/v1/enrol", data=body, timeout=10)
    assert answer.status_code == 400 and answer.json()["error"] in (
        "request_malformed", "format_unsupported")


def test_upload_returns_a_signed_receipt_and_is_idempotent(live, station):
    raw = station.batch([interview(), interview()])
    first = upload(live, raw)
    assert first.status_code == 200, first.text
    header = wire.parse_batch(raw).header
    got = wire.verify_receipt(first.content, central_verify_key(live),
                              batch_id=header.batch_id, content_hash=header.content_hash)
    assert [r.result for r in got] == ["stored", "stored"]
    assert upload(live, raw).content == first.content
    again = requests.get(f"{live.url}/v1/batches/{header.batch_id}/receipt", timeout=10)
    assert again.status_code == 200 and again.content == first.content


def test_a_receipt_for_an_unknown_batch_is_404(live):
    refused(requests.get(f"{live.url}/v1/batches/{uuid.uuid4()}/receipt", timeout=10), 404,
            "receipt_not_found")


def test_revision_conflict_is_reported_per_interview(live, station):
    record = interview()
    assert upload(live, station.batch([record])).status_code == 200
    answer = upload(live, station.batch([{**record, "answers": {}}, interview()]))
    assert answer.status_code == 200
    assert [(r["result"], r["code"]) for r in answer.json()["results"]] == [
        ("refused", "revision_conflict"), ("stored", "new")]


def test_an_unknown_device_is_401(live, station):
    stranger = Workstation("stranger", crypto.new_signing_key(), station.recipient)
    refused(upload(live, stranger.batch([interview()])), 401, "device_unknown")


def test_a_signature_from_another_key_is_401(live, station):
    impostor = Workstation(station.device_id, crypto.new_signing_key(), station.recipient)
    refused(upload(live, impostor.batch([interview()])), 401, "signature_invalid")


def test_a_revoked_device_is_403(live, station):
    result = run_cli(live.data_dir, live.db_url, "devices", "revoke", station.device_id)
    assert result.returncode == 0, result.stderr
    refused(upload(live, station.batch([interview()])), 403, "device_revoked")


def test_tampered_or_misaddressed_batches_are_422(live, station):
    raw = bytearray(station.batch([interview()]))
    raw[-80] ^= 1
    refused(upload(live, bytes(raw)), 422, "content_hash_mismatch")
    elsewhere = Workstation(station.device_id, station.key,
                            crypto.new_encryption_key().public_key())
    refused(upload(live, elsewhere.batch([interview()])), 422, "decrypt_failed")


def test_a_batch_replayed_by_another_device_is_409(live, station, staff_side):
    raw = station.batch([interview()])
    assert upload(live, raw).status_code == 200
    key = crypto.new_signing_key()
    other = wire.parse_enrol_response(
        enrol(live, enrolment.new_code(staff_side, "TIA", by="drita"), key=key).json())
    envelope = wire.parse_batch(raw)
    header = {**envelope.header.to_json(), "device_id": other.device_id}
    forged = wire.sign_frame(wire.canonical_json(header), envelope.ciphertext, key)
    refused(upload(live, forged), 409, "batch_replayed")


def test_a_reused_sequence_is_409(live, station):
    assert upload(live, station.batch([interview()], sequence=1)).status_code == 200
    refused(upload(live, station.batch([interview()], sequence=1)), 409, "sequence_reused")


def test_too_large_batches_are_413(live, station):
    refused(upload(live, b"RSBATCH\n" + b"\0" * (MAX_BATCH + 1)), 413, "batch_too_large")

    def chunks():  # no Content-Length: the limit must hold while streaming
        for _ in range(MAX_BATCH // 4096 + 2):
            yield b"\0" * 4096

    refused(upload(live, chunks()), 413, "batch_too_large")
    bomb = zlib.compress(b" " * (MAX_CONTENT * 8), 9)
    refused(upload(live, sealed_frame(station, bomb, compressed=True)), 413,
            "batch_too_large_decompressed")


@pytest.mark.parametrize("raw", [b"", b"<html>hi</html>", b"RSBATCH\n\xff\xff\xff\xff"])
def test_garbage_is_400(live, raw):
    refused(upload(live, raw), 400, "envelope_malformed")


def test_malformed_json_inside_a_valid_envelope_is_422(live, station):
    refused(upload(live, sealed_frame(station, b'{"interviews": [')), 422, "content_malformed")


def test_nothing_refused_was_stored(live, station):
    """After every refusal above, central holds only what it acknowledged."""
    listing = run_cli(live.data_dir, live.db_url, "interviews", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    held = json.loads(listing.stdout)
    assert len({row["id"] for row in held}) == len(held)
    assert all(row["revision"] == 1 for row in held)


@settings(max_examples=60, deadline=None)
@given(path=st.sampled_from(["/v1/batches", "/v1/enrol"]), body=st.binary(max_size=2048),
       content_type=st.sampled_from(["application/octet-stream", "application/json",
                                     "text/html"]))
def test_random_bodies_never_get_a_5xx(live, path, body, content_type):
    answer = requests.post(f"{live.url}{path}", data=body, timeout=10,
                           headers={"Content-Type": content_type})
    assert 400 <= answer.status_code < 500, answer.text
    assert isinstance(answer.json()["error"], str)


@settings(max_examples=40, deadline=None)
@given(batch_id=st.text(min_size=1, max_size=80).filter(lambda t: "/" not in t and "?" not in t
                                                        and "#" not in t))
def test_random_receipt_ids_never_get_a_5xx(live, batch_id):
    from urllib.parse import quote

    answer = requests.get(f"{live.url}/v1/batches/{quote(batch_id, safe='')}/receipt",
                          timeout=10)
    assert answer.status_code in (404, 405), answer.text
