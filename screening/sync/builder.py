"""Batches from the store: every finalised or approved interview whose current revision is not
yet in the outbox, with its audit entries, sealed into batches of a bounded size."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

from screening.store import audit
from screening.store.audit import AuditEntry
from screening.store.interviews import StoredInterview
from screening.store.session import StoreSession
from screening.sync import wire
from screening.sync.identity import Identity
from screening.sync.outbox import Entry, Outbox

BATCH_INTERVIEWS = 200
# Local bookkeeping, not part of the interview: sending them would turn a later
# acknowledgement into a "different content, same revision" conflict at central.
_LOCAL_FIELDS = ("acknowledged_at", "purged_at", "action", "acknowledged_revision")
_PAGE = 500


def interview_record(interview: StoredInterview, entries: list[AuditEntry]) -> dict[str, Any]:
    record = {k: v for k, v in dataclasses.asdict(interview).items() if k not in _LOCAL_FIELDS}
    record["audit"] = [dataclasses.asdict(e) for e in entries]
    return record


def queue_ready(session: StoreSession, outbox: Outbox, identity: Identity,
                per_batch: int = BATCH_INTERVIEWS) -> list[Entry]:
    """Seal what is ready into new outbox batches; returns them (none when nothing is)."""
    queued = {(i, r) for e in outbox.entries() for i, r in e.interviews}
    ready = [i for i in _sendable(session) if (i.id, i.revision) not in queued]
    if not ready:
        return []
    by_subject: dict[str, list[AuditEntry]] = {}
    for entry in session.audit_entries():
        if entry.subject:
            by_subject.setdefault(entry.subject, []).append(entry)
    made = []
    head, anchor = chain_position(session)
    for start in range(0, len(ready), per_batch):
        chunk = ready[start:start + per_batch]
        records = [interview_record(i, by_subject.get(i.id, [])) for i in chunk]
        raw = wire.build_batch(
            device_id=identity.device_id, sequence=outbox.next_sequence(),
            batch_id=str(uuid.uuid4()), created_at=dt.datetime.now(dt.UTC).isoformat(),
            interviews=records, signing_key=identity.signer(), recipient=identity.recipient(),
            audit_head=head, audit_anchor=anchor)
        made.append(outbox.add(raw, [(i.id, i.revision) for i in chunk]))
    return made


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
                interview = session.get_interview(summary.id)
                if interview.purged_at is None:
                    yield interview
        offset += len(page)
