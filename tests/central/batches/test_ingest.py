"""Ingest, on SQLite and PostgreSQL: all or nothing per batch, idempotent, per-interview
results, and every refusal leaves nothing behind."""

from __future__ import annotations

import json
import threading
import uuid

import pytest
from sqlalchemy import select

from screening import crypto
from screening.central import schema
from screening.central.batches import queries as batches
from screening.central.batches.ingest import ingest
from screening.central.cases import queries as cases
from screening.central.clock import utc_now
from screening.central.devices import queries as devices
from screening.errors import ScreeningError
from screening.sync import wire
from tests.central.conftest import enrol_station
from tests.unit.sync.batches import Workstation, interview, sealed_frame


def results(receipt: bytes) -> list[tuple[str, str]]:
    return [(r["result"], r["code"]) for r in json.loads(receipt)["results"]]


def counts(central) -> tuple[int, int, int, int]:
    with central.engine.connect() as conn:
        return (batches.count(conn), len(batches.listing(conn)), batches.count_revisions(conn),
                batches.count_audit(conn))


def refused(central, raw: bytes, code: str) -> None:
    before = counts(central)
    with pytest.raises(ScreeningError) as caught:
        ingest(central, raw)
    assert caught.value.code == code, caught.value.message
    assert counts(central) == before


def test_a_batch_is_stored_with_a_receipt_that_verifies(central, station):
    records = [interview(), interview()]
    raw = station.batch(records)
    receipt = ingest(central, raw)
    envelope = wire.parse_batch(raw)
    got = wire.verify_receipt(receipt, crypto.load_verify_key(central.keys.verify_key),
                              batch_id=envelope.header.batch_id,
                              content_hash=envelope.header.content_hash)
    assert [(r.interview_id, r.result, r.code) for r in got] == [
        (records[0]["id"], "stored", "new"), (records[1]["id"], "stored", "new")]
    assert counts(central) == (1, 2, 2, 2)
    with central.engine.connect() as conn:
        assert json.loads(cases.record(conn, records[0]["id"])) == records[0]
        assert batches.archived(conn, envelope.header.batch_id) == raw


def test_the_same_batch_again_returns_the_same_receipt_and_stores_nothing(central, station):
    raw = station.batch([interview()])
    first = ingest(central, raw)
    assert ingest(central, raw) == first
    assert ingest(central, raw, via="file") == first
    assert counts(central) == (1, 1, 1, 1)


def test_an_interview_sent_again_in_a_later_batch_is_a_duplicate(central, station):
    record = interview()
    ingest(central, station.batch([record]))
    again = {**record, "audit": record["audit"] + interview(audit=1)["audit"]}
    assert results(ingest(central, station.batch([again]))) == [("duplicate", "duplicate")]
    assert counts(central) == (2, 1, 1, 2)  # the new audit entry is kept, nothing else


def test_a_higher_revision_supersedes_and_a_late_lower_one_is_superseded(central, station):
    record = interview(revision=1)
    ingest(central, station.batch([record]))
    newer = {**interview(record["id"], revision=3), "status": "approved"}
    assert results(ingest(central, station.batch([newer]))) == [("stored", "updated")]
    late = interview(record["id"], revision=2)
    assert results(ingest(central, station.batch([late]))) == [("superseded", "superseded")]
    with central.engine.connect() as conn:
        current = batches.current(conn, record["id"])
    assert (current.revision, current.status) == (3, "approved")


def test_same_revision_different_content_is_refused_for_that_interview_alone(central,
                                                                             station):
    record = interview()
    ingest(central, station.batch([record]))
    conflicting = {**record, "answers": {"given_name": "Changed"}}
    fresh = interview()
    receipt = ingest(central, station.batch([conflicting, fresh]))
    assert results(receipt) == [("refused", "revision_conflict"), ("stored", "new")]
    with central.engine.connect() as conn:
        assert json.loads(cases.record(conn, record["id"]))["answers"]["given_name"] == "Arta"
        assert batches.current(conn, fresh["id"]) is not None


def test_a_malformed_interview_is_refused_alone(central, station):
    good = interview()
    receipt = ingest(central, station.batch([{**interview(), "status": "draft"}, good]))
    assert results(receipt) == [("refused", "interview_invalid"), ("stored", "new")]


@pytest.mark.parametrize("entry", ["x", 1, None, [], True])
def test_a_batch_that_is_not_a_list_of_objects_is_refused_whole(central, station, entry):
    refused(central, station.batch([interview(), entry]), "content_malformed")


def test_an_interview_held_from_another_device_is_refused(central, station):
    record = interview()
    ingest(central, station.batch([record]))
    other = enrol_station(central)
    assert results(ingest(central, other.batch([interview(record["id"], 2)]))) == [
        ("refused", "interview_other_device")]


def test_an_unknown_device_is_refused(central, station):
    stranger = Workstation("not-enrolled", crypto.new_signing_key(), station.recipient)
    refused(central, stranger.batch([interview()]), "device_unknown")


def test_a_revoked_device_is_refused(central, station):
    with central.engine.begin() as conn:
        devices.revoke(conn, station.device_id, utc_now())
    refused(central, station.batch([interview()]), "device_revoked")


def test_a_signature_from_another_device_is_refused(central, station):
    impostor = Workstation(station.device_id, crypto.new_signing_key(), station.recipient)
    refused(central, impostor.batch([interview()]), "signature_invalid")


def test_a_batch_replayed_from_another_device_is_refused(central, station):
    """Device B re-signs A's batch under its own id: same batch id → batch_replayed; a new
    batch id → the AAD no longer matches → decrypt_failed."""
    raw = station.batch([interview()])
    ingest(central, raw)
    other = enrol_station(central)
    envelope = wire.parse_batch(raw)
    for batch_id, code in ((envelope.header.batch_id, "batch_replayed"),
                           (str(uuid.uuid4()), "decrypt_failed")):
        header = {**envelope.header.to_json(), "device_id": other.device_id,
                  "batch_id": batch_id}
        forged = wire.sign_frame(wire.canonical_json(header), envelope.ciphertext, other.key)
        refused(central, forged, code)


def test_tampered_ciphertext_is_refused(central, station):
    raw = bytearray(station.batch([interview()]))
    raw[-80] ^= 0x40
    refused(central, bytes(raw), "content_hash_mismatch")
    envelope = wire.parse_batch(station.batch([interview()]))
    flipped = bytes([envelope.ciphertext[0] ^ 1]) + envelope.ciphertext[1:]
    header = {**envelope.header.to_json(), "content_hash": wire.sha256_hex(flipped)}
    refused(central, wire.sign_frame(wire.canonical_json(header), flipped, station.key),
            "decrypt_failed")


def test_a_batch_sealed_to_another_key_is_refused(central, station):
    elsewhere = Workstation(station.device_id, station.key,
                            crypto.new_encryption_key().public_key())
    refused(central, elsewhere.batch([interview()]), "decrypt_failed")


def test_a_zip_bomb_is_refused(central, station, small_limits):
    import zlib

    bomb = zlib.compress(b"{" + b" " * (small_limits.decompressed * 4), 9)
    refused(central, sealed_frame(station, bomb, compressed=True), "batch_too_large_decompressed")


def test_a_batch_over_the_compressed_limit_is_refused(central, station, small_limits):
    import os

    noise = [{**interview(), "answers": {"blob": os.urandom(small_limits.compressed).hex()}}]
    refused(central, station.batch(noise), "batch_too_large")


@pytest.mark.parametrize("content", [b"{not json", b'{"format":"rs-batch-content/2"}'])
def test_malformed_json_inside_a_valid_envelope_is_refused(central, station, content):
    code = "content_malformed" if content.startswith(b"{n") else "format_unsupported"
    refused(central, sealed_frame(station, content), code)


def test_a_reused_sequence_number_is_refused_and_a_gap_is_visible(central, station):
    ingest(central, station.batch([interview()], sequence=1))
    refused(central, station.batch([interview()], sequence=1), "sequence_reused")
    ingest(central, station.batch([interview()], sequence=4))
    with central.engine.connect() as conn:
        assert devices.sequence_summary(conn, station.device_id) == (2, 4)


def test_a_different_batch_under_a_known_batch_id_is_refused(central, station):
    batch_id = str(uuid.uuid4())
    ingest(central, station.batch([interview()], batch_id=batch_id))
    refused(central, station.batch([interview()], batch_id=batch_id), "batch_conflict")


def test_a_failure_mid_batch_leaves_nothing_behind(central, station, monkeypatch):
    """The audit entries are written last: failing there, after the batch, interviews and
    revisions were written in the same transaction, must leave none of them."""
    from screening.central.batches import ingest as module

    def failing_audit(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(module.queries, "add_audit", failing_audit)
    with pytest.raises(RuntimeError):
        ingest(central, station.batch([interview(), interview()]))
    assert counts(central) == (0, 0, 0, 0)


def test_concurrent_uploads_of_one_batch_store_it_once(central, station):
    raw = station.batch([interview() for _ in range(20)])
    receipts: list[bytes] = []
    errors: list[BaseException] = []

    def send() -> None:
        try:
            receipts.append(ingest(central, raw))
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    assert len(set(receipts)) == 1 and len(receipts) == 6
    assert counts(central) == (1, 20, 20, 20)


def test_migrated_schema_matches_the_metadata(central):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from screening.central.database import is_current

    with central.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
        assert conn.execute(select(schema.batches.c.id)).all() == []
    assert diff == []
    assert is_current(central.engine)


def test_one_interview_twice_in_one_batch_is_decided_in_order(central, station):
    record = interview(revision=1)
    newer = interview(record["id"], revision=2)
    receipt = ingest(central, station.batch([record, record, newer, record]))
    assert results(receipt) == [("stored", "new"), ("duplicate", "duplicate"),
                                ("stored", "updated"), ("duplicate", "duplicate")]
    with central.engine.connect() as conn:
        assert batches.current(conn, record["id"]).revision == 2
        assert batches.count_revisions(conn) == 2
    older_first = interview(revision=3)
    receipt = ingest(central, station.batch([older_first,
                                             interview(older_first["id"], revision=1)]))
    assert results(receipt) == [("stored", "new"), ("superseded", "superseded")]


def test_a_batch_with_thousands_of_audit_entries_is_read_in_chunks(central, station):
    records = [interview(audit=3) for _ in range(400)]  # 1,200 entries: several IN queries
    ingest(central, station.batch(records))
    again = ingest(central, station.batch(records))
    assert set(results(again)) == {("duplicate", "duplicate")}
    assert counts(central) == (2, 400, 400, 1200)
