"""SQL on received batches, their receipts and the raw archive."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, update

from screening.central.schema import batch_archive, batches


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
    return StoredBatch(row[0], row[1], int(row[2]), row[3], bytes(row[4])) if row else None


def sequence_taken(conn: Connection, device_id: str, sequence: int) -> bool:
    c = batches.c
    return conn.execute(select(c.id).where(c.device_id == device_id,
                                           c.sequence == sequence)).first() is not None


def add(conn: Connection, batch: StoredBatch, *, received_at: str, via: str, raw: bytes) -> None:
    conn.execute(insert(batches).values(
        id=batch.id, device_id=batch.device_id, sequence=batch.sequence,
        content_hash=batch.content_hash, received_at=received_at, size=len(raw), via=via,
        receipt=batch.receipt))
    conn.execute(insert(batch_archive).values(batch_id=batch.id, raw=raw))


def set_receipt(conn: Connection, batch_id: str, receipt: bytes) -> None:
    conn.execute(update(batches).where(batches.c.id == batch_id).values(receipt=receipt))


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(batches)).scalar_one())


def archived(conn: Connection, batch_id: str) -> bytes | None:
    raw = conn.execute(select(batch_archive.c.raw)
                       .where(batch_archive.c.batch_id == batch_id)).scalar()
    return bytes(raw) if raw is not None else None
