"""SQL on one-time enrolment codes (stored as hashes)."""

from __future__ import annotations

from sqlalchemy import Connection, insert, update

from screening.central.schema import enrolment_codes


def add(conn: Connection, code_hash: str, checkpoint: str, at: str, expires_at: str) -> None:
    conn.execute(insert(enrolment_codes).values(code_hash=code_hash, checkpoint=checkpoint,
                                                created_at=at, expires_at=expires_at))


def claim(conn: Connection, code_hash: str, now: str, device_id: str) -> str | None:
    """Mark an unused, unexpired code used by ``device_id``; its checkpoint, or None. One
    UPDATE, so two devices racing for the same code cannot both win."""
    c = enrolment_codes.c
    row = conn.execute(
        update(enrolment_codes)
        .where(c.code_hash == code_hash, c.used_at.is_(None), c.expires_at > now)
        .values(used_at=now, device_id=device_id)
        .returning(c.checkpoint)).first()
    return row[0] if row else None
