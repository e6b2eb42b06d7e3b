"""Batches from the store: every finalised or approved interview whose current revision is not
yet in the outbox, with its audit entries, sealed into batches within central's limits
(``sync/limits.py``): never more interviews or bytes in one than central takes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from screening.errors import InterviewSealedError
from screening.store import audit, notices
from screening.store.audit import AuditEntry
from screening.store.interviews import StoredInterview
from screening.store.session import StoreSession
from screening.sync import limits, wire
from screening.sync.identity import Identity
from screening.sync.outbox import Entry, Outbox

log = logging.getLogger("screening.sync")

# Local bookkeeping, not part of the interview: sending them would turn a later
# acknowledgement into a "different content, same revision" conflict at central.
_LOCAL_FIELDS = ("acknowledged_at", "purged_at", "action", "acknowledged_revision")
_PAGE = 500
BATCH_INTERVIEWS = limits.BATCH_INTERVIEWS


@dataclass(frozen=True)
class Queued:
    """The batches sealed, and the interviews held back because central would refuse any
    batch holding them (a record over ``sync/limits.py``'s size): they stay in the store."""

    batches: list[Entry] = field(default_factory=list)
    held_back: list[str] = field(default_factory=list)


def interview_record(interview: StoredInterview, entries: list[AuditEntry],
                     notice_id: str | None = None) -> dict[str, Any]:
    record = {k: v for k, v in dataclasses.asdict(interview).items() if k not in _LOCAL_FIELDS}
    record["audit"] = [dataclasses.asdict(e) for e in entries]
    if notice_id:  # started from a notice of central's: central links the two on arrival
        record["notice_id"] = notice_id
    return record


def queue_ready(session: StoreSession, outbox: Outbox, identity: Identity,
                per_batch: int = BATCH_INTERVIEWS, bounds: limits.Limits = limits.DEFAULT
                ) -> Queued:
    """Seal what is ready into new outbox batches, each within central's limits."""
    queued = {(i, r) for e in outbox.entries() for i, r in e.interviews}
    ready = [i for i in _sendable(session) if (i.id, i.revision) not in queued]
    if not ready:
        return Queued()
    by_subject: dict[str, list[AuditEntry]] = {}
    for entry in session.audit_entries():
        if entry.subject:
            by_subject.setdefault(entry.subject, []).append(entry)
    started_from = notices.notice_of(session.conn)
    made, held_back = [], []
    head, anchor = chain_position(session)
    records = []
    for interview in ready:
        record = interview_record(interview, by_subject.get(interview.id, []),
                                  started_from.get(interview.id))
        why = wire.record_beyond_limits(record, bounds)
        if why:
            log.warning("interview %s not sent: its record %s", interview.id, why)
            held_back.append(interview.id)
        else:
            records.append(record)
    for chunk in _chunks(records, min(per_batch, bounds.interviews),
                         bounds.decompressed - limits.CONTENT_MARGIN_BYTES):
        raw = wire.build_batch(
            device_id=identity.device_id, sequence=outbox.next_sequence(),
            batch_id=str(uuid.uuid4()), created_at=dt.datetime.now(dt.UTC).isoformat(),
            interviews=chunk, signing_key=identity.signer(), recipient=identity.recipient(),
            audit_head=head, audit_anchor=anchor)
        made.append(outbox.add(raw, [(r["id"], r["revision"]) for r in chunk]))
    return Queued(made, held_back)


def _chunks(records: list[dict[str, Any]], count: int, size: int
            ) -> Iterator[list[dict[str, Any]]]:
    """The records in order, cut so no batch holds more than ``count`` of them or more than
    ``size`` bytes of their canonical JSON."""
    chunk: list[dict[str, Any]] = []
    used = 0
    for record in records:
        length = len(wire.canonical_json(record)) + 1
        if chunk and (len(chunk) == count or used + length > size):
            yield chunk
            chunk, used = [], 0
        chunk.append(record)
        used += length
    if chunk:
        yield chunk


def chain_position(session: StoreSession) -> tuple[wire.ChainHead | None,
                                                   wire.ChainHead | None]:
    """The audit chain's head now, and this chain's own entry at the seq of the head central
    confirmed last (its hash None when the entry is gone): central compares the two with what
    it confirmed (docs/protocol.md §8.3)."""
    last = audit.head(session.conn)
    confirmed = session.confirmed_head()
    head = wire.ChainHead(last.seq, last.hash) if last else None
    anchor = (wire.ChainHead(confirmed.seq, audit.hash_at(session.conn, confirmed.seq))
              if confirmed else None)
    return head, anchor


def _sendable(session: StoreSession) -> Iterator[StoredInterview]:
    offset = 0
    while page := session.list_interviews(limit=_PAGE, offset=offset):
        for summary in page:
            if summary.status in wire.SENDABLE_STATUSES:
                try:
                    interview = session.get_interview(summary.id)
                except InterviewSealedError:
                    # another officer's, sealed from this session: a supervisor's sends it
                    continue
                if interview.purged_at is None:
                    yield interview
        offset += len(page)
