"""The wire formats: batches round-trip, every damage is named, decompression is bounded,
unknown versions are refused, receipts bind their batch."""

from __future__ import annotations

import json
import struct
import uuid
import zlib

import pytest

from screening import crypto
from screening.sync import wire
from tests.unit.sync.batches import Workstation, interview, sealed_frame


@pytest.fixture
def central_keys():
    return crypto.new_encryption_key(), crypto.new_signing_key()


@pytest.fixture
def station(central_keys):
    return Workstation("dev-1", crypto.new_signing_key(), central_keys[0].public_key())


def test_canonical_json_is_sorted_compact_utf8():
    assert wire.canonical_json({"b": 1, "a": "ë"}) == '{"a":"ë","b":1}'.encode()


def test_a_batch_round_trips_and_hides_its_content(central_keys, station):
    record = interview(name="Ëndrita Unique-Name")
    raw = station.batch([record])
    assert b"Unique-Name" not in raw
    envelope = wire.parse_batch(raw)
    assert (envelope.header.device_id, envelope.header.sequence) == ("dev-1", 1)
    wire.verify_batch(envelope, station.key.public_key())
    content = wire.open_batch(envelope, central_keys[0])
    assert content.interviews == [record]


def test_the_header_is_canonical_json_with_a_format_field(station):
    raw = station.batch([])
    (length,) = struct.unpack(">I", raw[8:12])
    header = json.loads(raw[12:12 + length])
    assert header["format"] == "rs-batch/1"
    assert raw[12:12 + length] == wire.canonical_json(header)


def test_an_unknown_batch_format_is_refused_with_a_clear_error(station):
    raw = station.batch([])
    (length,) = struct.unpack(">I", raw[8:12])
    header = json.loads(raw[12:12 + length])
    header["format"] = "rs-batch/9"
    forged = wire.sign_frame(wire.canonical_json(header), raw[12 + length:-64], station.key)
    with pytest.raises(wire.FormatUnsupportedError) as caught:
        wire.parse_batch(forged)
    assert caught.value.code == "format_unsupported" and "rs-batch/9" in caught.value.message


@pytest.mark.parametrize("raw", [b"", b"hello", b"RSBATCH\n" + b"\xff" * 80,
                                 b"RSBATCH\n\x00\x00\x00\x02{}" + b"\0" * 64])
def test_what_is_not_a_batch_is_named(raw):
    with pytest.raises(wire.WireError) as caught:
        wire.parse_batch(raw)
    assert caught.value.code in ("envelope_malformed", "format_unsupported")


def test_tampered_ciphertext_fails_the_content_hash(station):
    raw = bytearray(station.batch([interview()]))
    raw[-70] ^= 1
    with pytest.raises(wire.WireError) as caught:
        wire.parse_batch(bytes(raw))
    assert caught.value.code == "content_hash_mismatch"


def test_a_signature_from_another_device_does_not_verify(station):
    envelope = wire.parse_batch(station.batch([]))
    with pytest.raises(crypto.SignatureInvalidError):
        wire.verify_batch(envelope, crypto.new_signing_key().public_key())


def test_a_header_moved_to_another_device_does_not_decrypt(central_keys, station):
    """Re-signed by another device under its own id: the AAD no longer matches."""
    raw = station.batch([interview()])
    envelope = wire.parse_batch(raw)
    thief = crypto.new_signing_key()
    header = {**envelope.header.to_json(), "device_id": "dev-2"}
    forged = wire.parse_batch(wire.sign_frame(wire.canonical_json(header), envelope.ciphertext,
                                              thief))
    wire.verify_batch(forged, thief.public_key())
    with pytest.raises(crypto.DecryptionError):
        wire.open_batch(forged, central_keys[0])


def test_the_compressed_size_limit_is_enforced_before_parsing(station):
    raw = station.batch([interview()])
    with pytest.raises(wire.TooLargeError):
        wire.parse_batch(raw, wire.Limits(compressed=len(raw) - 1))


def test_a_zip_bomb_stops_at_the_limit():
    bomb = zlib.compress(b"\0" * (50 * 1024 * 1024), 9)
    assert len(bomb) < 100_000
    with pytest.raises(wire.TooLargeError) as caught:
        wire.decompress_bounded(bomb, 1024 * 1024)
    assert caught.value.code == "batch_too_large_decompressed"


def test_bounded_decompression_returns_data_within_the_limit():
    data = bytes(range(256)) * 1000
    assert wire.decompress_bounded(zlib.compress(data), len(data)) == data


@pytest.mark.parametrize("payload", [b"not zlib", zlib.compress(b"abc")[:-3],
                                     zlib.compress(b"abc") + b"trailing"])
def test_broken_compressed_data_is_named(payload):
    with pytest.raises(wire.WireError) as caught:
        wire.decompress_bounded(payload, 1000)
    assert caught.value.code == "content_malformed"


@pytest.mark.parametrize("content", [b"{not json", b"[1,2]", b'{"format":"rs-batch-content/1"}',
                                     "\udcff".encode("utf-8", "surrogatepass")])
def test_malformed_content_inside_a_valid_envelope_is_named(central_keys, station, content):
    envelope = wire.parse_batch(sealed_frame(station, content))
    with pytest.raises(wire.WireError) as caught:
        wire.open_batch(envelope, central_keys[0])
    assert caught.value.code in ("content_malformed", "content_mismatch")


def test_content_naming_another_batch_than_its_header_is_refused(central_keys, station):
    content = wire.canonical_json({"format": wire.CONTENT_FORMAT, "device_id": "dev-1",
                                   "sequence": 1, "batch_id": "other", "interviews": []})
    envelope = wire.parse_batch(sealed_frame(station, content))
    with pytest.raises(wire.WireError) as caught:
        wire.open_batch(envelope, central_keys[0])
    assert caught.value.code == "content_mismatch"


def test_interview_problems_are_named():
    good = interview()
    assert wire.interview_problem(good) is None
    for change in ({"id": "x"}, {"revision": 0}, {"revision": True}, {"form_id": ""},
                   {"status": "draft"}, {"answers": []}, {"audit": [{"seq": "1"}]}):
        assert wire.interview_problem({**good, **change})
    assert wire.interview_problem([good])


def test_the_interview_hash_ignores_audit_entries_only():
    record = interview()
    more_audit = {**record, "audit": record["audit"] * 2}
    assert wire.interview_content_hash(record) == wire.interview_content_hash(more_audit)
    changed = {**record, "answers": {"given_name": "Other"}}
    assert wire.interview_content_hash(record) != wire.interview_content_hash(changed)


def _receipt(signing, **overrides):
    fields = {"batch_id": "b-1", "device_id": "dev-1", "sequence": 1, "content_hash": "h",
              "received_at": "now", "signing_key": signing,
              "results": [wire.InterviewResult("i-1", 2, "stored", "new")]}
    return wire.build_receipt(**{**fields, **overrides})


def test_a_receipt_verifies_for_its_batch_only(central_keys):
    signing = central_keys[1]
    raw = _receipt(signing)
    results = wire.verify_receipt(raw, signing.public_key(), batch_id="b-1", content_hash="h")
    assert results == [wire.InterviewResult("i-1", 2, "stored", "new", "")]
    with pytest.raises(wire.WireError) as caught:
        wire.verify_receipt(raw, signing.public_key(), batch_id="b-2", content_hash="h")
    assert caught.value.code == "receipt_mismatch"


@pytest.mark.parametrize("body", [b"<html><body>Welcome to the hotel Wi-Fi</body></html>", b"",
                                  b'{"format":"rs-receipt/1"}', b'{"format":"rs-receipt/2"}'])
def test_a_captive_portal_page_or_a_bare_200_is_not_a_receipt(central_keys, body):
    with pytest.raises((wire.WireError, crypto.CryptoError)):
        wire.verify_receipt(body, central_keys[1].public_key(), batch_id="b-1", content_hash="h")


def test_a_receipt_signed_by_another_key_or_altered_is_refused(central_keys):
    raw = _receipt(crypto.new_signing_key())
    with pytest.raises(crypto.SignatureInvalidError):
        wire.verify_receipt(raw, central_keys[1].public_key(), batch_id="b-1", content_hash="h")
    altered = _receipt(central_keys[1]).replace(b'"stored"', b'"refused"')
    with pytest.raises(crypto.SignatureInvalidError):
        wire.verify_receipt(altered, central_keys[1].public_key(), batch_id="b-1",
                            content_hash="h")


@pytest.mark.parametrize("result", [
    wire.InterviewResult(None, 2, "stored", "new"),  # what a faulty central could sign
    wire.InterviewResult("i-1", "2", "stored", "new"),
])
def test_a_signed_receipt_with_a_result_that_names_no_interview_is_refused(central_keys, result):
    raw = _receipt(central_keys[1], results=[result])
    with pytest.raises(wire.WireError) as caught:
        wire.verify_receipt(raw, central_keys[1].public_key(), batch_id="b-1", content_hash="h")
    assert caught.value.code == "receipt_invalid"


def test_enrolment_request_and_response_round_trip(central_keys):
    device = crypto.new_signing_key()
    request = wire.parse_enrol_request(wire.build_enrol_request("ABCD", device, "desk 1"))
    assert request.verify_key == crypto.public_bytes(device) and request.label == "desk 1"
    response = wire.EnrolResponse("dev-1", "rinas", crypto.public_bytes(central_keys[0]),
                                  crypto.public_bytes(central_keys[1]))
    assert wire.parse_enrol_response(wire.build_enrol_response(response)) == response


def test_an_enrolment_request_not_signed_by_its_key_is_refused():
    doc = wire.build_enrol_request("ABCD", crypto.new_signing_key())
    doc["code"] = "EFGH"
    with pytest.raises(crypto.SignatureInvalidError):
        wire.parse_enrol_request(doc)


@pytest.mark.parametrize("doc", [[], {"format": "rs-enrol-request/2"},
                                 {"format": "rs-enrol-request/1", "signature": "!!"}])
def test_malformed_enrolment_requests_are_named(doc):
    with pytest.raises(wire.WireError):
        wire.parse_enrol_request(doc)


@pytest.mark.parametrize(("key_bytes", "nonce_bytes"), [(32, 8), (32, 16), (31, 12), (33, 12)])
def test_a_header_with_another_nonce_or_key_size_is_refused(station, key_bytes, nonce_bytes):
    """AES-GCM would open a 16-byte nonce, but the protocol says 12: a frame other readers
    refuse must not be stored here."""
    envelope = wire.parse_batch(station.batch([interview()]))
    header = {**envelope.header.to_json(), "ephemeral_key": wire.b64e(b"k" * key_bytes),
              "nonce": wire.b64e(b"n" * nonce_bytes)}
    raw = wire.sign_frame(wire.canonical_json(header), envelope.ciphertext, station.key)
    with pytest.raises(wire.WireError) as caught:
        wire.parse_batch(raw)
    assert caught.value.code == "envelope_malformed"


# Python's parser reads both; canonical JSON cannot write either.
UNWRITABLE = ['"\\ud800"', "NaN", "Infinity"]


@pytest.mark.parametrize("value", UNWRITABLE)
def test_an_interview_canonical_json_cannot_write_is_refused_not_a_crash(value):
    record = {**interview(), "answers": json.loads(f'{{"given_name": {value}}}')}
    assert "canonical JSON cannot carry" in wire.interview_problem(record)


@pytest.mark.parametrize("value", UNWRITABLE)
def test_a_receipt_canonical_json_cannot_write_is_refused_not_a_crash(central_keys, value):
    raw = _receipt(central_keys[1])[:-1] + f',"extra":{value}}}'.encode()
    with pytest.raises(wire.WireError) as caught:
        wire.verify_receipt(raw, central_keys[1].public_key(), batch_id="b-1", content_hash="h")
    assert caught.value.code == "receipt_invalid"


@pytest.mark.parametrize("value", UNWRITABLE)
def test_an_enrolment_request_canonical_json_cannot_write_is_refused(value):
    doc = {**wire.build_enrol_request("ABCD", crypto.new_signing_key()),
           "extra": json.loads(value)}
    with pytest.raises(wire.WireError) as caught:
        wire.parse_enrol_request(doc)
    assert caught.value.code == "request_malformed"


def test_a_fixed_seal_is_reproducible_and_opens(central_keys):
    ephemeral = crypto.load_encryption_key(bytes(range(32)))
    one, two = (crypto.seal_with(central_keys[0].public_key(), b"data", b"aad", ephemeral,
                                 b"\x01" * 12) for _ in range(2))
    assert one == two
    assert crypto.open_sealed(central_keys[0], one, b"aad") == b"data"
    with pytest.raises(crypto.CryptoError):
        crypto.seal_with(central_keys[0].public_key(), b"data", b"aad", ephemeral, b"\x01" * 16)


def test_a_receipt_names_the_audit_entries_central_could_not_keep(central_keys):
    signing = central_keys[1]
    kept = wire.InterviewResult("i-1", 2, "stored", "new")
    assert "audit_refused" not in kept.to_json()  # receipts without any are unchanged
    refused = wire.InterviewResult("i-1", 2, "stored", "new", audit_refused=(7, 9))
    raw = _receipt(signing, results=[refused])
    assert wire.verify_receipt(raw, signing.public_key(), batch_id="b-1",
                               content_hash="h") == [refused]
    bad = wire.InterviewResult("i-1", 2, "stored", "new", audit_refused=("7",))
    with pytest.raises(wire.WireError) as caught:
        wire.verify_receipt(_receipt(signing, results=[bad]), signing.public_key(),
                            batch_id="b-1", content_hash="h")
    assert caught.value.code == "receipt_invalid"


def test_a_receipt_carries_why_an_interview_was_refused(central_keys):
    signing = central_keys[1]
    assert "problems" not in wire.InterviewResult("i-1", 2, "stored", "new").to_json()
    problem = wire.Problem("date_of_birth", "constraint", "cannot be in the future")
    refused = wire.InterviewResult("i-1", 2, "refused", "answers_invalid", "invalid",
                                   problems=(problem,))
    assert wire.verify_receipt(_receipt(signing, results=[refused]), signing.public_key(),
                               batch_id="b-1", content_hash="h") == [refused]
    malformed = {**refused.to_json(), "problems": [{"question": 1, "code": "x", "message": ""}]}
    for results in ([{**refused.to_json(), "problems": "nope"}], [malformed]):
        body = {"format": wire.RECEIPT_FORMAT, "batch_id": "b-1", "content_hash": "h",
                "results": results}
        body["signature"] = wire.b64e(crypto.sign(signing, wire.canonical_json(body)))
        with pytest.raises(wire.WireError) as caught:
            wire.verify_receipt(wire.canonical_json(body), signing.public_key(),
                                batch_id="b-1", content_hash="h")
        assert caught.value.code == "receipt_invalid"


@pytest.mark.parametrize("created_at", ["not a time", "", 5, None])
def test_a_header_whose_time_is_not_iso_is_malformed(station, created_at):
    raw = station.batch([])
    envelope = wire.parse_batch(raw)
    header = {**envelope.header.to_json(), "created_at": created_at}
    with pytest.raises(wire.WireError) as caught:
        wire.parse_batch(wire.sign_frame(wire.canonical_json(header), envelope.ciphertext,
                                         station.key))
    assert caught.value.code == "envelope_malformed"


_HEX = "ab" * 32


def test_the_audit_head_and_anchor_round_trip(central_keys, station):
    raw = wire.build_batch(device_id="dev-1", sequence=1, batch_id=str(uuid.uuid4()),
                           created_at="2026-11-23T06:00:00+00:00", interviews=[],
                           signing_key=station.key, recipient=station.recipient,
                           audit_head=wire.ChainHead(9, _HEX),
                           audit_anchor=wire.ChainHead(4, None))
    content = wire.open_batch(wire.parse_batch(raw), central_keys[0])
    assert content.audit_head == wire.ChainHead(9, _HEX)
    assert content.audit_anchor == wire.ChainHead(4, None)


@pytest.mark.parametrize("member", [
    {"audit_head": {"seq": 0, "hash": _HEX}}, {"audit_head": {"seq": 2 ** 63, "hash": _HEX}},
    {"audit_head": {"seq": 1, "hash": None}}, {"audit_head": {"seq": 1, "hash": "AB" * 32}},
    {"audit_head": {"seq": True, "hash": _HEX}}, {"audit_head": [1, _HEX]},
    {"audit_head": "7"}, {"audit_anchor": {"seq": 1, "hash": 5}},
    {"audit_anchor": {"seq": "1", "hash": None}}])
def test_a_hostile_audit_head_is_malformed_content_never_a_crash(central_keys, station,
                                                                 member):
    batch_id = str(uuid.uuid4())
    content = wire.canonical_json({"format": wire.CONTENT_FORMAT, "device_id": "dev-1",
                                   "sequence": 1, "batch_id": batch_id, "interviews": [],
                                   **member})
    envelope = wire.parse_batch(sealed_frame(station, content, batch_id=batch_id))
    with pytest.raises(wire.WireError) as caught:
        wire.open_batch(envelope, central_keys[0])
    assert caught.value.code == "content_malformed"


def test_the_receipt_carries_central_s_verdict_on_the_chain(central_keys):
    signing = central_keys[1]
    verdict = wire.ChainVerdict("refused", "audit_chain_forked", wire.ChainHead(5, _HEX))
    raw = _receipt(signing, audit_chain=verdict)
    got = wire.read_receipt(raw, signing.public_key(), batch_id="b-1", content_hash="h")
    assert got.audit_chain == verdict
    assert wire.read_receipt(_receipt(signing), signing.public_key(), batch_id="b-1",
                             content_hash="h").audit_chain is None


@pytest.mark.parametrize("chain", [
    {"result": "maybe", "code": "", "confirmed": None},
    {"result": "confirmed", "code": 3, "confirmed": None},
    {"result": "confirmed", "code": "", "confirmed": {"seq": 1, "hash": None}},
    {"result": "confirmed", "code": "", "confirmed": "5"}, "confirmed"])
def test_a_signed_receipt_with_a_malformed_verdict_is_refused(central_keys, chain):
    signing = central_keys[1]
    body = json.loads(_receipt(signing))
    del body["signature"]
    body["audit_chain"] = chain
    body["signature"] = wire.b64e(crypto.sign(signing, wire.canonical_json(body)))
    with pytest.raises(wire.WireError) as caught:
        wire.read_receipt(wire.canonical_json(body), signing.public_key(), batch_id="b-1",
                          content_hash="h")
    assert caught.value.code == "receipt_invalid"
