"""SQL on received batches (their receipts and raw archive) and on what a batch brings: the
interviews held at central, their revisions and their audit entries. A batch is read with a
few IN queries and written with executemany, not one round trip per interview."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from screening.central import atrest
from screening.central.database import chunks
from screening.central.schema import (
    audit_entries,
    audit_heads,
    batch_archive,
    batches,
    devices,
    interview_revisions,
    interviews,
)
from screening.central.staff.scope import EVERYWHERE, Scope

# -- batches ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredBatch:
    id: str
    device_id: str
    sequence: int
    content_hash: str
    receipt: bytes


def get(conn: Connection, batch_id: str) -> StoredBatch | None:
    c = batches.c
    row = conn.execute(select(c.id, c.device_id, c.sequence, c.content_hash, c.receipt)
                       .where(c.id == batch_id)).first()
    if row is None:
        return None
    found = row._mapping
    return StoredBatch(**{**found, "sequence": int(found["sequence"]),
                          "receipt": bytes(found["receipt"])})


def sequence_taken(conn: Connection, device_id: str, sequence: int) -> bool:
    c = batches.c
    return conn.execute(select(c.id).where(c.device_id == device_id,
                                           c.sequence == sequence)).first() is not None


def add(conn: Connection, batch: StoredBatch, *, received_at: str, via: str, raw: bytes) -> None:
    conn.execute(insert(batches).values(
        id=batch.id, device_id=batch.device_id, sequence=batch.sequence,
        content_hash=batch.content_hash, received_at=received_at, size=len(raw), via=via,
        receipt=batch.receipt))
    sealed = atrest.of(conn).seal_bytes(raw, atrest.archive_place(batch.id))
    conn.execute(insert(batch_archive).values(batch_id=batch.id, raw=sealed))


def set_receipt(conn: Connection, batch_id: str, receipt: bytes) -> None:
    conn.execute(update(batches).where(batches.c.id == batch_id).values(receipt=receipt))


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(batches)).scalar_one())


def archived(conn: Connection, batch_id: str) -> bytes | None:
    raw = conn.execute(select(batch_archive.c.raw)
                       .where(batch_archive.c.batch_id == batch_id)).scalar()
    return atrest.of(conn).open_bytes(bytes(raw), atrest.archive_place(batch_id)) \
        if raw is not None else None


def page(conn: Connection, limit: int, offset: int, device_id: str | None = None,
         scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """Batches newest first (of ``scope``'s workstations), with their workstation, for the
    inbox."""
    b, d = batches.c, devices.c
    query = (select(b.id, b.device_id, b.sequence, b.received_at, b.via, b.size, b.receipt,
                    d.checkpoint, d.label, d.revoked_at)
             .select_from(batches.join(devices, d.id == b.device_id))
             .where(scope.on_checkpoint(d.checkpoint))
             .order_by(b.received_at.desc(), b.id).limit(limit).offset(offset))
    if device_id:
        query = query.where(b.device_id == device_id)
    return [dict(r._mapping) for r in conn.execute(query)]


def total(conn: Connection, device_id: str | None = None, scope: Scope = EVERYWHERE) -> int:
    query = select(func.count()).select_from(batches).where(scope.on_device(batches.c.device_id))
    if device_id:
        query = query.where(batches.c.device_id == device_id)
    return int(conn.execute(query).scalar_one())


def sequences(conn: Connection, device_ids: Iterable[str]) -> dict[str, list[int]]:
    """Every sequence number received from each of ``device_ids``, ascending."""
    c = batches.c
    found: dict[str, list[int]] = {}
    for chunk in chunks(sorted(set(device_ids))):
        for row in conn.execute(select(c.device_id, c.sequence).where(c.device_id.in_(chunk))
                                .order_by(c.device_id, c.sequence)):
            found.setdefault(row.device_id, []).append(int(row.sequence))
    return found


# -- interviews held, their revisions and audit entries ----------------------------------------


@dataclass(frozen=True)
class Held:
    id: str
    device_id: str
    checkpoint: str
    form_id: str
    form_version: str
    status: str
    outcome: str | None
    revision: int
    received_at: str


def current(conn: Connection, interview_id: str) -> Held | None:
    return currents(conn, [interview_id]).get(interview_id)


def currents(conn: Connection, ids: Iterable[str]) -> dict[str, Held]:
    found: dict[str, Held] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in conn.execute(select(interviews).where(interviews.c.id.in_(chunk))):
            found[row.id] = Held(**row._mapping)
    return found


def revision_hashes(conn: Connection, ids: Iterable[str]) -> dict[tuple[str, int], str]:
    c = interview_revisions.c
    found: dict[tuple[str, int], str] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in conn.execute(select(c.interview_id, c.revision, c.content_hash)
                                .where(c.interview_id.in_(chunk))):
            found[(row.interview_id, row.revision)] = row.content_hash
    return found


def audit_held(conn: Connection, device_id: str, seqs: Iterable[int]) -> dict[int, str]:
    """seq -> entry JSON of the entries among ``seqs`` central holds from this device."""
    c = audit_entries.c
    found: dict[int, str] = {}
    ring = atrest.of(conn)
    for chunk in chunks(sorted(set(seqs))):
        for row in conn.execute(select(c.seq, c.entry).where(c.device_id == device_id,
                                                             c.seq.in_(chunk))):
            found[int(row.seq)] = ring.open_text(row.entry,
                                                 atrest.audit_place(device_id, row.seq))
    return found


def insert_current(conn: Connection, rows: Sequence[Held]) -> None:
    if rows:
        conn.execute(insert(interviews), [asdict(row) for row in rows])


def update_current(conn: Connection, rows: Sequence[Held]) -> None:
    if not rows:
        return
    names = [k for k in Held.__dataclass_fields__ if k != "id"]
    statement = (update(interviews).where(interviews.c.id == bindparam("b_id"))
                 .values({name: bindparam(f"b_{name}") for name in names}))
    conn.execute(statement, [{f"b_{k}": v for k, v in asdict(row).items()} for row in rows])


def add_revisions(conn: Connection, rows: Sequence[tuple[str, int, str, str]], batch_id: str
                  ) -> None:
    """(interview id, revision, content hash, record JSON) rows."""
    if rows:
        ring = atrest.of(conn)
        conn.execute(insert(interview_revisions), [
            {"interview_id": i, "revision": r, "content_hash": h,
             "record": ring.seal_text(rec, atrest.revision_place(i, r)),
             "batch_id": batch_id} for i, r, h, rec in rows])


def add_audit(conn: Connection, device_id: str, rows: Sequence[tuple[int, str | None, str]],
              batch_id: str) -> None:
    """(seq, interview id, entry JSON) rows, already known to be new."""
    if rows:
        ring = atrest.of(conn)
        conn.execute(insert(audit_entries), [
            {"device_id": device_id, "seq": seq, "interview_id": subject,
             "entry": ring.seal_text(entry, atrest.audit_place(device_id, seq)),
             "batch_id": batch_id} for seq, subject, entry in rows])


def listing(conn: Connection) -> list[dict[str, Any]]:
    """Every interview held, without its answers: what staff need to see what arrived."""
    return [dict(row._mapping) for row in
            conn.execute(select(interviews).order_by(interviews.c.received_at, interviews.c.id))]


def count_revisions(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(interview_revisions)).scalar_one())


def count_audit(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(audit_entries)).scalar_one())


# -- audit heads (docs/protocol.md §8.3) ---------------------------------------------------------


def highest_head_before(conn: Connection, device_id: str, batch_sequence: int
                        ) -> tuple[int, str] | None:
    """The confirmed head with the highest seq among this device's batches numbered below
    ``batch_sequence`` (built before it)."""
    c = audit_heads.c
    row = conn.execute(select(c.seq, c.hash).where(
        c.device_id == device_id, c.batch_sequence < batch_sequence
    ).order_by(c.seq.desc()).limit(1)).first()
    return None if row is None else (int(row.seq), row.hash)


def heads_at(conn: Connection, device_id: str, seqs: Iterable[int]) -> set[str]:
    """The hashes central confirmed for this device at any of ``seqs``."""
    c = audit_heads.c
    return {row.hash for row in conn.execute(select(c.hash).where(
        c.device_id == device_id, c.seq.in_(sorted(set(seqs)))))}


def last_head(conn: Connection, device_id: str) -> tuple[int, str] | None:
    c = audit_heads.c
    row = conn.execute(select(c.seq, c.hash).where(c.device_id == device_id)
                       .order_by(c.seq.desc()).limit(1)).first()
    return None if row is None else (int(row.seq), row.hash)


def add_head(conn: Connection, device_id: str, batch_sequence: int, seq: int, digest: str,
             batch_id: str) -> None:
    conn.execute(insert(audit_heads).values(device_id=device_id,
                                            batch_sequence=batch_sequence, seq=seq,
                                            hash=digest, batch_id=batch_id))
