"""Ingest of one batch: every check before the first write, then one transaction.

All or nothing per batch: the batch row, its receipt, its raw archive, every interview revision
and audit entry commit together or not at all. Idempotent: the same batch again returns the
receipt stored the first time, byte for byte.

What central derives from the interviews is made current here, never by a page that reads
it: the case facts and the referrals of approved interviews in the batch's own transaction,
the repeat-victim candidates and notices' arrivals right after it commits, by a round of this
process's follower (``batches.derived``) that the receipt waits for."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from screening import crypto
from screening.central.batches import chain, checks, derived, queries
from screening.central.batches.merge import Merge
from screening.central.cases import facts, forms
from screening.central.clock import utc_now
from screening.central.database import retry_on_conflict
from screening.central.devices import queries as devices
from screening.central.referrals import registry
from screening.central.refusals import Refused
from screening.sync import wire

if TYPE_CHECKING:
    from screening.central.service import Central

log = logging.getLogger("screening.central")


def ingest(central: Central, raw: bytes, via: str = "http") -> bytes:
    """Store one batch file and return its signed receipt, or raise ``Refused``/``WireError``/
    ``CryptoError`` with nothing stored."""
    envelope = wire.parse_batch(raw, central.settings.limits)
    header = envelope.header
    with central.engine.connect() as conn:
        _authenticate(conn, envelope)
        existing = queries.get(conn, header.batch_id)
    if existing:
        return _same_batch(existing, header)
    content = wire.open_batch(envelope, central.keys.encryption, central.settings.limits)

    def stored_meanwhile() -> bytes | None:
        # A concurrent ingest (this batch, or the same interview) won the race.
        with central.engine.connect() as conn:
            found = queries.get(conn, header.batch_id)
        return _same_batch(found, header) if found else None

    receipt = retry_on_conflict(
        central.engine, lambda conn: _store(central, conn, envelope, content, raw, via),
        settled=stored_meanwhile, busy="central is busy; send the batch again later")
    if not derived.follower_of(central.engine).catch_up():
        log.warning("batch %s: its interviews are compared after its receipt", header.sequence)
    return receipt


def _authenticate(conn: Connection, envelope: wire.BatchEnvelope) -> devices.Device:
    device = devices.get(conn, envelope.header.device_id)
    if device is None:
        raise Refused("the batch comes from a device central has not enrolled",
                      code="device_unknown")
    wire.verify_batch(envelope, crypto.load_verify_key(wire.b64d(device.verify_key, "key")))
    if device.revoked_at:
        raise Refused("the device that sent this batch was revoked; ask central staff",
                      code="device_revoked")
    return device


def _same_batch(existing: queries.StoredBatch, header: wire.BatchHeader) -> bytes:
    if existing.device_id != header.device_id:
        raise Refused("this batch id was already received from another device",
                      code="batch_replayed")
    if existing.content_hash != header.content_hash:
        raise Refused("a different batch with this id was already received",
                      code="batch_conflict")
    return existing.receipt


def _store(central: Central, conn: Connection, envelope: wire.BatchEnvelope,
           content: wire.BatchContent, raw: bytes, via: str) -> bytes:
    header = envelope.header
    existing = queries.get(conn, header.batch_id)
    if existing:
        return _same_batch(existing, header)
    if queries.sequence_taken(conn, header.device_id, header.sequence):
        # On PostgreSQL each statement sees what committed before it: the same batch, sent to
        # another central process at once, may have committed between the look-up above and
        # this one. It is then this batch's receipt, not a reused sequence.
        existing = queries.get(conn, header.batch_id)
        if existing:
            return _same_batch(existing, header)
        raise Refused(f"sequence number {header.sequence} was already used by another batch "
                      "of this device", code="sequence_reused")
    device = devices.get(conn, header.device_id)
    assert device is not None  # authenticated above; devices are never deleted
    if device.revoked_at:  # revoked while this batch was being checked
        raise Refused("the device that sent this batch was revoked; ask central staff",
                      code="device_revoked")
    now = utc_now()
    queries.add(conn, queries.StoredBatch(header.batch_id, header.device_id, header.sequence,
                                          header.content_hash, b""),
                received_at=now, via=via, raw=raw)
    merge = _read_state(conn, device, content.interviews, now)
    results = [merge.apply(record) for record in content.interviews]
    _write(conn, merge, header.batch_id)
    verdict = chain.judge(conn, content)
    if verdict is not None and verdict.result == "refused":
        log.warning("device %s: audit head of batch %s refused (%s)", header.device_id,
                    header.sequence, verdict.code)
    facts.refresh(conn)
    registry.refresh(conn, now)  # after the facts: a referral keeps a few of them
    receipt = wire.build_receipt(
        batch_id=header.batch_id, device_id=header.device_id, sequence=header.sequence,
        content_hash=header.content_hash, received_at=now, results=results,
        signing_key=central.keys.signing, audit_chain=verdict)
    queries.set_receipt(conn, header.batch_id, receipt)
    return receipt


def _read_state(conn: Connection, device: devices.Device, records: list, now: str) -> Merge:
    # Only from records that can be stored: a refused one may carry an id with a NUL or a seq
    # beyond 64 bits, which PostgreSQL or SQLite would refuse in the lookup itself.
    storable = [r for r in records if wire.interview_problem(r) is None]
    ids = [r["id"] for r in storable]
    seqs = [e["seq"] for r in storable for e in r.get("audit", [])]
    known, clock = forms.known_forms(conn), dt.datetime.fromisoformat(now)
    return Merge(device.id, now, queries.currents(conn, ids), queries.revision_hashes(conn, ids),
                 queries.audit_held(conn, device.id, seqs),
                 lambda record: checks.check(record, known, device.checkpoint, clock))


def _write(conn: Connection, merge: Merge, batch_id: str) -> None:
    # Parents before children: revisions and audit entries refer to interviews and the batch.
    queries.insert_current(conn, list(merge.new.values()))
    queries.update_current(conn, list(merge.changed.values()))
    queries.add_revisions(conn, merge.revisions, batch_id)
    queries.add_audit(conn, merge.device_id,
                   [(seq, subject, entry) for seq, (subject, entry) in sorted(merge.audit.items())],
                   batch_id)
