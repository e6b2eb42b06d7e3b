"""SQL on central staff accounts."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from screening.central.schema import staff


def add(conn: Connection, name: str, password_hash: str, at: str) -> None:
    conn.execute(insert(staff).values(name=name, password_hash=password_hash, created_at=at))


def exists(conn: Connection, name: str) -> bool:
    return conn.execute(select(staff.c.id).where(staff.c.name == name)).first() is not None


def password_hash(conn: Connection, name: str) -> str | None:
    return conn.execute(select(staff.c.password_hash).where(staff.c.name == name)).scalar()
