"""SQL on enrolled workstations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select, update

from screening.central.schema import batches, devices


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
    return Device(*row) if row else None


def all_devices(conn: Connection) -> list[Device]:
    return [Device(*row) for row in conn.execute(select(devices).order_by(devices.c.enrolled_at,
                                                                          devices.c.id))]


def revoke(conn: Connection, device_id: str, at: str) -> bool:
    result = conn.execute(update(devices).where(devices.c.id == device_id,
                                                devices.c.revoked_at.is_(None))
                          .values(revoked_at=at))
    return result.rowcount == 1


def sequence_summary(conn: Connection, device_id: str) -> tuple[int, int]:
    """(number of batches received, highest sequence): a gap shows as count < highest."""
    row = conn.execute(select(func.count(), func.coalesce(func.max(batches.c.sequence), 0))
                       .where(batches.c.device_id == device_id)).one()
    return int(row[0]), int(row[1])
