"""SQL on enrolled workstations and the one-time enrolment codes (stored as hashes)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from screening.central.schema import batches, devices, enrolment_codes
from screening.central.staff.scope import EVERYWHERE, Scope

# -- devices ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Device:
    id: str
    checkpoint: str
    label: str
    verify_key: str
    enrolled_at: str
    revoked_at: str | None


def add(conn: Connection, device: Device) -> None:
    conn.execute(insert(devices).values(
        id=device.id, checkpoint=device.checkpoint, label=device.label,
        verify_key=device.verify_key, enrolled_at=device.enrolled_at, revoked_at=None))


def get(conn: Connection, device_id: str) -> Device | None:
    row = conn.execute(select(devices).where(devices.c.id == device_id)).first()
    return Device(**row._mapping) if row else None


def revoke(conn: Connection, device_id: str, at: str) -> bool:
    result = conn.execute(update(devices).where(devices.c.id == device_id,
                                                devices.c.revoked_at.is_(None))
                          .values(revoked_at=at))
    return result.rowcount == 1


def revoked_ids(conn: Connection) -> list[str]:
    return list(conn.execute(select(devices.c.id).where(devices.c.revoked_at.is_not(None))
                             .order_by(devices.c.id)).scalars())


def sequence_summary(conn: Connection, device_id: str) -> tuple[int, int]:
    """(number of batches received, highest sequence): a gap shows as count < highest."""
    row = conn.execute(select(func.count().label("received"),
                              func.coalesce(func.max(batches.c.sequence), 0).label("highest"))
                       .where(batches.c.device_id == device_id)).one()
    return int(row.received), int(row.highest)


def with_batches(conn: Connection, scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """Every workstation (of ``scope``'s checkpoints) with its last batch time, batches
    received and highest sequence."""
    d, b = devices.c, batches.c
    last = (select(b.device_id, func.max(b.received_at).label("last_seen"),
                   func.count().label("batches"), func.max(b.sequence).label("highest"))
            .group_by(b.device_id).subquery())
    query = (select(d.id, d.checkpoint, d.label, d.enrolled_at, d.revoked_at, last.c.last_seen,
                    func.coalesce(last.c.batches, 0).label("batches"),
                    func.coalesce(last.c.highest, 0).label("highest"))
             .select_from(devices.outerjoin(last, last.c.device_id == d.id))
             .where(scope.on_checkpoint(d.checkpoint))
             .order_by(d.checkpoint, d.enrolled_at, d.id))
    return [dict(r._mapping) for r in conn.execute(query)]


# -- enrolment codes ----------------------------------------------------------------------------


def add_code(conn: Connection, code_hash: str, checkpoint: str, at: str, expires_at: str
             ) -> None:
    conn.execute(insert(enrolment_codes).values(code_hash=code_hash, checkpoint=checkpoint,
                                                created_at=at, expires_at=expires_at))


def claim_code(conn: Connection, code_hash: str, now: str, device_id: str) -> str | None:
    """Mark an unused, unexpired code used by ``device_id``; its checkpoint, or None. One
    UPDATE, so two devices racing for the same code cannot both win."""
    c = enrolment_codes.c
    row = conn.execute(
        update(enrolment_codes)
        .where(c.code_hash == code_hash, c.used_at.is_(None), c.expires_at > now)
        .values(used_at=now, device_id=device_id)
        .returning(c.checkpoint)).first()
    return row.checkpoint if row else None


def pending_codes(conn: Connection, now: str, scope: Scope = EVERYWHERE
                  ) -> list[dict[str, Any]]:
    c = enrolment_codes.c
    return [dict(r._mapping) for r in conn.execute(
        select(c.checkpoint, c.created_at, c.expires_at)
        .where(c.used_at.is_(None), c.expires_at > now, scope.on_checkpoint(c.checkpoint))
        .order_by(c.created_at))]
