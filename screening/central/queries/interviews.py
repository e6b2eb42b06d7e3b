"""SQL on interviews held at central, their revisions and their audit entries. A batch is read
with a few IN queries and written with executemany, not one round trip per interview."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, tuple_, update

from screening.central.schema import audit_entries, interview_revisions, interviews

_CHUNK = 500  # bound parameters per IN query (SQLite allows 32766, PostgreSQL 65535)


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


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def current(conn: Connection, interview_id: str) -> Held | None:
    return currents(conn, [interview_id]).get(interview_id)


def currents(conn: Connection, ids: Iterable[str]) -> dict[str, Held]:
    found: dict[str, Held] = {}
    for chunk in _chunks(sorted(set(ids))):
        for row in conn.execute(select(interviews).where(interviews.c.id.in_(chunk))):
            found[row[0]] = Held(*row)
    return found


def revision_hashes(conn: Connection, ids: Iterable[str]) -> dict[tuple[str, int], str]:
    c = interview_revisions.c
    found: dict[tuple[str, int], str] = {}
    for chunk in _chunks(sorted(set(ids))):
        for iid, revision, digest in conn.execute(
                select(c.interview_id, c.revision, c.content_hash)
                .where(c.interview_id.in_(chunk))):
            found[(iid, revision)] = digest
    return found


def audit_seqs(conn: Connection, device_id: str, seqs: Iterable[int]) -> set[int]:
    c = audit_entries.c
    found: set[int] = set()
    for chunk in _chunks(sorted(set(seqs))):
        found.update(conn.execute(select(c.seq).where(c.device_id == device_id,
                                                      c.seq.in_(chunk))).scalars())
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
        conn.execute(insert(interview_revisions), [
            {"interview_id": i, "revision": r, "content_hash": h, "record": rec,
             "batch_id": batch_id} for i, r, h, rec in rows])


def add_audit(conn: Connection, device_id: str, rows: Sequence[tuple[int, str | None, str]],
              batch_id: str) -> None:
    """(seq, interview id, entry JSON) rows, already known to be new."""
    if rows:
        conn.execute(insert(audit_entries), [
            {"device_id": device_id, "seq": seq, "interview_id": subject, "entry": entry,
             "batch_id": batch_id} for seq, subject, entry in rows])


def listing(conn: Connection) -> list[dict[str, Any]]:
    """Every interview held, without its answers: what staff need to see what arrived."""
    return [dict(row._mapping) for row in
            conn.execute(select(interviews).order_by(interviews.c.received_at, interviews.c.id))]


def record(conn: Connection, interview_id: str) -> str | None:
    c = interview_revisions.c
    return conn.execute(select(c.record).where(
        tuple_(c.interview_id, c.revision).in_(
            select(interviews.c.id, interviews.c.revision)
            .where(interviews.c.id == interview_id)))).scalar()


def count_revisions(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(interview_revisions)).scalar_one())


def count_audit(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(audit_entries)).scalar_one())
