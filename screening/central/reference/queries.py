"""SQL on the reference packages central publishes to the workstations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select

from screening.central.schema import reference_packages


@dataclass(frozen=True)
class Published:
    version: int
    kind: str
    name: str
    label: str
    payload_hash: str
    document: str
    published_at: str
    published_by: str


def latest_version(conn: Connection) -> int:
    c = reference_packages.c
    return int(conn.execute(select(func.coalesce(func.max(c.version), 0))).scalar_one())


def latest_of(conn: Connection, kind: str, name: str) -> Published | None:
    c = reference_packages.c
    row = conn.execute(select(reference_packages).where(c.kind == kind, c.name == name)
                       .order_by(c.version.desc()).limit(1)).first()
    return Published(**row._mapping) if row else None


def form_package(conn: Connection, form_id: str, form_version: str) -> Published | None:
    c = reference_packages.c
    row = conn.execute(select(reference_packages).where(
        c.kind == "form", c.name == form_id, c.label == form_version)).first()
    return Published(**row._mapping) if row else None


def of_kind(conn: Connection, kind: str) -> list[Published]:
    c = reference_packages.c
    return [Published(**row._mapping) for row in conn.execute(
        select(reference_packages).where(c.kind == kind).order_by(c.version))]


def add(conn: Connection, package: Published) -> None:
    conn.execute(insert(reference_packages).values(
        version=package.version, kind=package.kind, name=package.name, label=package.label,
        payload_hash=package.payload_hash, document=package.document,
        published_at=package.published_at, published_by=package.published_by))


def since(conn: Connection, version: int, limit: int) -> list[str]:
    """The signed documents of the packages newer than ``version``, oldest first."""
    c = reference_packages.c
    return list(conn.execute(select(c.document).where(c.version > version)
                             .order_by(c.version).limit(limit)).scalars())


def listing(conn: Connection) -> list[dict]:
    c = reference_packages.c
    return [dict(row._mapping) for row in conn.execute(
        select(c.version, c.kind, c.name, c.label, c.published_at, c.published_by)
        .order_by(c.version))]

