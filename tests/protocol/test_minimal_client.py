"""The minimal client, written from docs/protocol.md alone, reproduces the vectors byte for
byte and speaks with a real central on loopback: enrol, upload, resend (the same receipt bytes),
update, verify receipts, pull reference data; and every JSON answer central gives matches its
schema."""

from __future__ import annotations

import ast
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from screening.sync import schemas
from tests.answer_sets import BUNDLED, adult_no_indicators
from tests.conftest import FORMS
from tests.protocol import minimal_client as mc
from tests.protocol.conftest import central_cli, new_code, vector

ALLOWED_IMPORTS = {"__future__", "base64", "binascii", "datetime", "hashlib", "json", "os",
                   "struct", "zlib", "collections", "dataclasses", "typing", "requests",
                   "cryptography"}


def test_the_client_imports_nothing_of_the_implementation():
    tree = ast.parse(Path(mc.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert {name.split(".")[0] for name in imported} <= ALLOWED_IMPORTS


# -- the vectors, offline -----------------------------------------------------------------------

def _key(name: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(
        bytes.fromhex(vector("keys")[name]["private_hex"]))


def _x_key(name: str) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(
        bytes.fromhex(vector("keys")[name]["private_hex"]))


def test_canonical_json_matches_the_vector():
    for case in vector("canonical-json")["cases"]:
        assert mc.canonical(case["value"]).hex() == case["hex"]


def test_keys_and_fingerprints_match_the_vector():
    keys = vector("keys")
    for name in ("device_signing_key", "central_signing_key"):
        assert mc.raw_public(_key(name)).hex() == keys[name]["public_hex"]
    public = mc.raw_public(_x_key("central_encryption_key"))
    assert public.hex() == keys["central_encryption_key"]["public_hex"]
    assert mc.fingerprint(public) == keys["central_encryption_key"]["fingerprint"]


def test_the_enrolment_request_matches_the_vector():
    v = vector("enrol")
    made = mc.enrol_request(v["inputs"]["code"], _key("device_signing_key"), v["inputs"]["label"])
    assert made == v["request"]
    schemas.validate("enrol-request", made)
    schemas.validate("enrol-response", v["response"])


def test_the_batch_frame_matches_the_vector_byte_for_byte():
    v, keys = vector("batch"), vector("keys")
    frame = mc.build_batch(**v["inputs"], key=_key("device_signing_key"),
                           central_encryption_key=bytes.fromhex(
                               keys["central_encryption_key"]["public_hex"]),
                           ephemeral=_x_key("batch_ephemeral_key"),
                           nonce=bytes.fromhex(keys["batch_nonce_hex"]))
    assert mc.b64(frame) == v["frame_base64"]


def test_central_side_opens_the_vector_to_its_exact_content():
    v, keys = vector("batch"), vector("keys")
    content = mc.open_batch(mc.unb64(v["frame_base64"]),
                            bytes.fromhex(keys["device_signing_key"]["public_hex"]),
                            _x_key("central_encryption_key"))
    assert content.decode("utf-8") == v["content"]
    header = mc.split_frame(mc.unb64(v["frame_base64"])).header
    schemas.validate("batch-header", header)
    schemas.validate("batch-content", json.loads(content))


def test_the_receipt_vector_verifies_and_a_changed_one_does_not():
    v, frame = vector("receipt"), mc.unb64(vector("batch")["frame_base64"])
    central = bytes.fromhex(vector("keys")["central_signing_key"]["public_hex"])
    results = mc.verify_receipt(v["receipt"].encode(), central, frame)
    assert [(r["result"], r["code"]) for r in results] == [("stored", "new")]
    schemas.validate("receipt", json.loads(v["receipt"]))
    with pytest.raises(InvalidSignature):
        mc.verify_receipt(v["receipt"].replace('"new"', '"updated"').encode(), central, frame)


def test_the_reference_vector_signs_and_verifies():
    v = vector("reference")
    at = dt.datetime.fromisoformat(v["request"]["at"])
    device_id = vector("batch")["inputs"]["device_id"]
    assert mc.pull_headers(device_id, v["request"]["since"], _key("device_signing_key"),
                           at) == v["request"]["headers"]
    central = bytes.fromhex(vector("keys")["central_signing_key"]["public_hex"])
    assert mc.verify_package(v["package"], central)["payload"]["device_ids"]
    schemas.validate("reference-list", v["list"])


# -- a real central -----------------------------------------------------------------------------

def record(interview_id: str, revision: int, seq: int, name: str = "Arta") -> dict[str, Any]:
    """An interview central accepts: complete answers to the standard form (§9.2), from a
    device enrolled for TIA."""
    return {"id": interview_id, "revision": revision, "form_id": "returnee_screening",
            "form_version": BUNDLED[1], "checkpoint": "TIA", "officer": "olsi",
            "created_at": "2026-11-20T08:00:00+00:00",
            "updated_at": "2026-11-20T08:30:00+00:00", "status": "finalised",
            "answers": adult_no_indicators(given_name=name, checkpoint="TIA"),
            "assessment": None, "outcome": "no_indicators",
            "audit": [{"seq": seq, "at": "2026-11-20T08:30:00+00:00", "actor": "olsi",
                       "action": "interview_finalised", "subject": interview_id, "detail": {},
                       "prev_hash": "0" * 64, "hash": f"{seq:064x}"}]}


class Device:
    """One enrolled minimal client."""

    def __init__(self, live) -> None:
        self.base = live.url
        self.key = Ed25519PrivateKey.generate()
        self.enrolment = mc.enrol(live.url, new_code(live), self.key, "integrator")

    def batch(self, sequence: int, interviews: list[dict[str, Any]], **faults: Any) -> bytes:
        return mc.build_batch(device_id=self.enrolment.device_id, sequence=sequence,
                              batch_id=str(uuid.uuid4()),
                              created_at=dt.datetime.now(dt.UTC).isoformat(),
                              interviews=interviews, key=self.key,
                              central_encryption_key=self.enrolment.central_encryption_key,
                              **faults)

    def send(self, frame: bytes) -> list[dict[str, Any]]:
        raw = mc.upload(self.base, frame)
        schemas.validate("receipt", json.loads(raw))
        return mc.verify_receipt(raw, self.enrolment.central_verify_key, frame)


@pytest.fixture(scope="module")
def device(live) -> Device:
    return Device(live)


def outcome(results: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["result"], r["code"]) for r in results]


def refusal(answer: requests.Response) -> tuple[int, str]:
    schemas.validate("error", answer.json())
    return answer.status_code, answer.json()["error"]


def test_enrolment_gives_the_keys_whose_fingerprint_central_prints(live, device):
    printed = central_cli(live, "migrate")  # prints the receipt key's fingerprint
    assert f"fingerprint {mc.fingerprint(device.enrolment.central_verify_key)}" in printed
    assert device.enrolment.checkpoint == "TIA"


def test_an_enrolment_code_works_once(live):
    code = new_code(live)
    mc.enrol(live.url, code, Ed25519PrivateKey.generate())
    with pytest.raises(mc.Refusal) as caught:
        mc.enrol(live.url, code, Ed25519PrivateKey.generate())
    assert (caught.value.status, caught.value.code) == (403, "enrolment_code_invalid")


def test_upload_resend_and_update(device):
    iid = str(uuid.uuid4())
    first = device.batch(1, [record(iid, 1, 1)])
    raw = mc.upload(device.base, first)
    assert outcome(mc.verify_receipt(raw, device.enrolment.central_verify_key, first)) == [
        ("stored", "new")]
    assert mc.upload(device.base, first) == raw  # resent: the very same receipt bytes
    batch_id = mc.split_frame(first).header["batch_id"]
    assert mc.fetch_receipt(device.base, batch_id) == raw
    assert outcome(device.send(device.batch(2, [record(iid, 2, 2, "Artë")]))) == [
        ("stored", "updated")]
    assert outcome(device.send(device.batch(3, [record(iid, 1, 1)]))) == [
        ("duplicate", "duplicate")]
    assert outcome(device.send(device.batch(4, [record(iid, 1, 1, "Other")]))) == [
        ("refused", "revision_conflict")]


def test_a_lower_revision_arriving_late_is_superseded(device):
    iid = str(uuid.uuid4())
    assert outcome(device.send(device.batch(20, [record(iid, 3, 20)]))) == [("stored", "new")]
    assert outcome(device.send(device.batch(21, [record(iid, 2, 21)]))) == [
        ("superseded", "superseded")]


def test_sequences_may_have_gaps_and_arrive_late_but_never_repeat(device):
    assert outcome(device.send(device.batch(10, [record(str(uuid.uuid4()), 1, 10)]))) == [
        ("stored", "new")]
    assert outcome(device.send(device.batch(9, [record(str(uuid.uuid4()), 1, 9)]))) == [
        ("stored", "new")]
    again = requests.post(f"{device.base}/v1/batches", data=device.batch(10, []), timeout=30)
    assert refusal(again) == (409, "sequence_reused")


def test_an_interview_json_cannot_carry_is_refused_in_the_receipt(device):
    iid = str(uuid.uuid4())
    # ASCII JSON writes the lone surrogate as the escape \ud800, which Python's parser reads
    frame = device.batch(30, [record(iid, 1, 30, name="\ud800")],
                         encode=lambda doc: json.dumps(doc, sort_keys=True).encode())
    assert outcome(device.send(frame)) == [("refused", "interview_invalid")]


def test_refusals_are_json_with_a_stable_code(device):
    frame = bytearray(device.batch(40, []))
    frame[-1] ^= 1
    answer = requests.post(f"{device.base}/v1/batches", data=bytes(frame), timeout=30)
    assert refusal(answer) == (401, "signature_invalid")
    answer = requests.get(f"{device.base}/v1/batches/{uuid.uuid4()}/receipt", timeout=30)
    assert refusal(answer) == (404, "receipt_not_found")
    answer = requests.post(f"{device.base}/v1/batches", data=b"RSBATCH\nnot a frame", timeout=30)
    assert refusal(answer) == (400, "envelope_malformed")


def test_the_health_answer_matches_its_schema(live):
    schemas.validate("health", requests.get(f"{live.url}/v1/health", timeout=30).json())


def test_a_reference_pull_is_signed_over_at_and_its_packages_verify(live, device):
    central_cli(live, "publish", "reference", str(FORMS / "reference"))
    me = device.enrolment
    answer = mc.pull(live.url, me.device_id, 0, device.key)
    schemas.validate("reference-list", answer)
    kinds = [mc.verify_package(p, me.central_verify_key)["kind"] for p in answer["packages"]]
    assert "reference" in kinds and answer["latest"] >= 1


def test_a_pull_signed_over_time_instead_of_at_or_too_old_is_refused(live, device):
    me, now = device.enrolment, dt.datetime.now(dt.UTC)
    headers = mc.pull_headers(me.device_id, 0, device.key, now)
    wrong = mc.canonical({"format": "rs-reference-request/1", "device_id": me.device_id,
                          "since": 0, "time": headers["X-Screening-Time"]})
    headers["X-Screening-Signature"] = mc.b64(device.key.sign(wrong))
    answer = requests.get(f"{live.url}/v1/reference", params={"since": "0"}, headers=headers,
                          timeout=30)
    assert refusal(answer) == (401, "signature_invalid")
    old = mc.pull_headers(me.device_id, 0, device.key, now - dt.timedelta(days=2))
    answer = requests.get(f"{live.url}/v1/reference", params={"since": "0"}, headers=old,
                          timeout=30)
    assert refusal(answer) == (400, "clock_skew")


# -- what the spec says and central does not do yet (see the issue) -----------------------------

def test_a_routing_error_is_a_refusal_too(live):
    for answer in (requests.get(f"{live.url}/v1/nowhere", timeout=30),
                   requests.get(f"{live.url}/v1/batches", timeout=30)):
        assert answer.status_code in (404, 405)
        refusal(answer)


def test_an_audit_entry_central_cannot_keep_is_named_in_the_receipt(device):
    assert outcome(device.send(device.batch(50, [record(str(uuid.uuid4()), 1, 50)]))) == [
        ("stored", "new")]
    clash = record(str(uuid.uuid4()), 1, 50)
    clash["audit"][0]["hash"] = "f" * 64  # another entry under the same per-device seq
    (result,) = device.send(device.batch(51, [clash]))
    assert result["audit_refused"] == [50]


# -- the error table of §4, as a client meets it -------------------------------------------------

def test_enrolment_refusals_are_named(live):
    key = Ed25519PrivateKey.generate()
    cases = [
        ({**mc.enrol_request("X", key, ""), "format": "rs-enrol-request/2"},
         (400, "format_unsupported")),
        ({**mc.enrol_request("X", key, ""), "code": "Y"}, (401, "signature_invalid")),
        (_signed({"format": "rs-enrol-request/1", "code": "X", "verify_key": mc.b64(b"k" * 31)},
                 key), (400, "key_invalid")),
        (["not", "an", "object"], (400, "request_malformed")),
    ]
    for body, expected in cases:
        answer = requests.post(f"{live.url}/v1/enrol", json=body, timeout=30)
        assert refusal(answer) == expected, body
    answer = requests.post(f"{live.url}/v1/enrol", data=b"x" * (64 * 1024 + 1), timeout=30)
    assert refusal(answer) == (413, "batch_too_large")


def _signed(body: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    return {**body, "signature": mc.b64(key.sign(mc.canonical(body)))}


def test_an_enrolment_without_a_label_is_signed_without_one(live):
    key = Ed25519PrivateKey.generate()
    body = _signed({"format": "rs-enrol-request/1", "code": new_code(live),
                    "verify_key": mc.b64(mc.raw_public(key))}, key)
    answer = requests.post(f"{live.url}/v1/enrol", json=body, timeout=30)
    assert answer.status_code == 200, answer.text
    schemas.validate("enrol-response", answer.json())


def test_a_batch_id_is_one_batch_for_ever(live, device):
    frame = device.batch(60, [record(str(uuid.uuid4()), 1, 60)])
    device.send(frame)
    header = mc.split_frame(frame).header
    resealed = mc.build_batch(device_id=header["device_id"], sequence=61,
                              batch_id=header["batch_id"], created_at=header["created_at"],
                              interviews=[], key=device.key,
                              central_encryption_key=device.enrolment.central_encryption_key)
    answer = requests.post(f"{device.base}/v1/batches", data=resealed, timeout=30)
    assert refusal(answer) == (409, "batch_conflict")
    other = Device(live)
    stolen = mc.build_batch(device_id=other.enrolment.device_id, sequence=1,
                            batch_id=header["batch_id"], created_at=header["created_at"],
                            interviews=[], key=other.key,
                            central_encryption_key=other.enrolment.central_encryption_key)
    answer = requests.post(f"{device.base}/v1/batches", data=stolen, timeout=30)
    assert refusal(answer) == (409, "batch_replayed")


def test_a_header_moved_or_a_content_that_names_another_batch_is_refused(device):
    frame = mc.split_frame(device.batch(70, []))
    moved = {**frame.header, "sequence": 71}  # re-signed, but the AAD was sealed for 70
    header = mc.canonical(moved)
    signed = mc.MAGIC + len(header).to_bytes(4, "big") + header + frame.ciphertext
    answer = requests.post(f"{device.base}/v1/batches", data=signed + device.key.sign(signed),
                           timeout=30)
    assert refusal(answer) == (422, "decrypt_failed")
    lying = device.batch(72, [], encode=lambda doc: mc.canonical({**doc, "sequence": 1}))
    answer = requests.post(f"{device.base}/v1/batches", data=lying, timeout=30)
    assert refusal(answer) == (422, "content_mismatch")


def test_a_device_central_never_enrolled_is_refused(live):
    stranger = Ed25519PrivateKey.generate()
    central_key = mc.unb64(vector("enrol")["response"]["encryption_key"])
    frame = mc.build_batch(device_id="never-enrolled", sequence=1, batch_id=str(uuid.uuid4()),
                           created_at="2026-11-23T06:00:00+00:00", interviews=[],
                           key=stranger, central_encryption_key=central_key)
    answer = requests.post(f"{live.url}/v1/batches", data=frame, timeout=30)
    assert refusal(answer) == (401, "device_unknown")
    answer = requests.get(f"{live.url}/v1/reference", timeout=30,
                          headers=mc.pull_headers("never-enrolled", 0, stranger,
                                                  dt.datetime.now(dt.UTC)))
    assert refusal(answer) == (401, "device_unknown")
