"""All SQL of the staff console (central's habit: one module holds a feature's SQL)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from screening.central.schema import (
    audit_entries,
    batches,
    case_facts,
    console_events,
    console_sessions,
    devices,
    enrolment_codes,
    interview_revisions,
    interviews,
    staff,
    staff_access,
)

# -- staff and lockout --------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    password_hash: str
    role: str
    failed_logins: int
    locked_until: str | None


def account(conn: Connection, name: str) -> Account | None:
    a = staff_access.c
    row = conn.execute(
        select(staff.c.id, staff.c.name, staff.c.password_hash,
               func.coalesce(a.role, "viewer"), func.coalesce(a.failed_logins, 0),
               a.locked_until)
        .select_from(staff.outerjoin(staff_access, a.staff_id == staff.c.id))
        .where(staff.c.name == name)).first()
    return Account(*row) if row else None


def set_access(conn: Connection, staff_id: int, *, role: str | None = None,
               failed_logins: int | None = None, locked_until: str | None = None,
               unlock: bool = False) -> None:
    """Create or change the account's access row (role defaults to viewer)."""
    values: dict[str, Any] = {}
    if role is not None:
        values["role"] = role
    if failed_logins is not None:
        values["failed_logins"] = failed_logins
    if locked_until is not None or unlock:
        values["locked_until"] = locked_until
    exists = conn.execute(select(staff_access.c.staff_id)
                          .where(staff_access.c.staff_id == staff_id)).first() is not None
    if exists and values:
        conn.execute(update(staff_access).where(staff_access.c.staff_id == staff_id)
                     .values(**values))
    elif not exists:
        row = {"staff_id": staff_id, "role": "viewer", "failed_logins": 0, "locked_until": None}
        row.update(values)
        conn.execute(insert(staff_access).values(**row))


def count_failure(conn: Connection, staff_id: int) -> int:
    """One more wrong password, counted in the database (two guesses at once both count);
    the new count."""
    set_access(conn, staff_id)  # make sure the row exists (accounts older than the console)
    a = staff_access.c
    return int(conn.execute(update(staff_access).where(a.staff_id == staff_id)
                            .values(failed_logins=a.failed_logins + 1)
                            .returning(a.failed_logins)).scalar_one())


def staff_id(conn: Connection, name: str) -> int | None:
    return conn.execute(select(staff.c.id).where(staff.c.name == name)).scalar()


# -- sessions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionRow:
    token_hash: str
    staff_id: int
    name: str
    role: str
    csrf_token: str
    agent_hash: str
    client_ip: str | None
    last_seen_at: str
    expires_at: str


def add_session(conn: Connection, *, token_hash: str, staff_id: int, csrf_token: str,
                agent_hash: str, client_ip: str | None, now: str, expires_at: str) -> None:
    conn.execute(insert(console_sessions).values(
        token_hash=token_hash, staff_id=staff_id, csrf_token=csrf_token, agent_hash=agent_hash,
        client_ip=client_ip, created_at=now, last_seen_at=now, expires_at=expires_at))


def session(conn: Connection, token_hash: str) -> SessionRow | None:
    s, a = console_sessions.c, staff_access.c
    row = conn.execute(
        select(s.token_hash, s.staff_id, staff.c.name, func.coalesce(a.role, "viewer"),
               s.csrf_token, s.agent_hash, s.client_ip, s.last_seen_at, s.expires_at)
        .select_from(console_sessions.join(staff, staff.c.id == s.staff_id)
                     .outerjoin(staff_access, a.staff_id == s.staff_id))
        .where(s.token_hash == token_hash)).first()
    return SessionRow(*row) if row else None


def touch_session(conn: Connection, token_hash: str, now: str) -> None:
    conn.execute(update(console_sessions).where(console_sessions.c.token_hash == token_hash)
                 .values(last_seen_at=now))


def delete_session(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == token_hash))


def delete_expired_sessions(conn: Connection, now: str, idle_before: str) -> None:
    s = console_sessions.c
    conn.execute(delete(console_sessions).where(or_(s.expires_at <= now,
                                                    s.last_seen_at < idle_before)))


def event(conn: Connection, at: str, who: str, action: str, subject: str | None = None) -> None:
    conn.execute(insert(console_events).values(at=at, staff=who[:100], action=action,
                                               subject=subject[:200] if subject else None))


def events(conn: Connection, limit: int = 200) -> list[dict[str, Any]]:
    e = console_events.c
    return [dict(r._mapping) for r in conn.execute(
        select(e.at, e.staff, e.action, e.subject).order_by(e.id.desc()).limit(limit))]


# -- batches, devices, checkpoints --------------------------------------------------------------


def batch_page(conn: Connection, limit: int, offset: int, device_id: str | None = None
               ) -> list[dict[str, Any]]:
    b, d = batches.c, devices.c
    query = (select(b.id, b.device_id, b.sequence, b.received_at, b.via, b.size, b.receipt,
                    d.checkpoint, d.label, d.revoked_at)
             .select_from(batches.join(devices, d.id == b.device_id))
             .order_by(b.received_at.desc(), b.id).limit(limit).offset(offset))
    if device_id:
        query = query.where(b.device_id == device_id)
    return [dict(r._mapping) for r in conn.execute(query)]


def batch_total(conn: Connection, device_id: str | None = None) -> int:
    query = select(func.count()).select_from(batches)
    if device_id:
        query = query.where(batches.c.device_id == device_id)
    return int(conn.execute(query).scalar_one())


def sequences(conn: Connection, device_ids: Iterable[str]) -> dict[str, list[int]]:
    """Every sequence number received from each of ``device_ids``, ascending."""
    found: dict[str, list[int]] = {}
    ids = sorted(set(device_ids))
    for start in range(0, len(ids), 500):
        for device_id, sequence in conn.execute(
                select(batches.c.device_id, batches.c.sequence)
                .where(batches.c.device_id.in_(ids[start:start + 500]))
                .order_by(batches.c.device_id, batches.c.sequence)):
            found.setdefault(device_id, []).append(int(sequence))
    return found


def device_rows(conn: Connection) -> list[dict[str, Any]]:
    d, b = devices.c, batches.c
    last = (select(b.device_id, func.max(b.received_at).label("last_seen"),
                   func.count().label("batches"), func.max(b.sequence).label("highest"))
            .group_by(b.device_id).subquery())
    query = (select(d.id, d.checkpoint, d.label, d.enrolled_at, d.revoked_at, last.c.last_seen,
                    func.coalesce(last.c.batches, 0).label("batches"),
                    func.coalesce(last.c.highest, 0).label("highest"))
             .select_from(devices.outerjoin(last, last.c.device_id == d.id))
             .order_by(d.checkpoint, d.enrolled_at, d.id))
    return [dict(r._mapping) for r in conn.execute(query)]


def pending_codes(conn: Connection, now: str) -> list[dict[str, Any]]:
    c = enrolment_codes.c
    return [dict(r._mapping) for r in conn.execute(
        select(c.checkpoint, c.created_at, c.expires_at)
        .where(c.used_at.is_(None), c.expires_at > now).order_by(c.created_at))]


# -- cases --------------------------------------------------------------------------------------


def stale_facts(conn: Connection, limit: int = 500) -> list[tuple[str, str]]:
    """(interview id, current record JSON) of interviews whose facts are missing or older than
    their current revision."""
    i, f, r = interviews.c, case_facts.c, interview_revisions.c
    query = (select(i.id, r.record)
             .select_from(interviews
                          .join(interview_revisions, and_(r.interview_id == i.id,
                                                          r.revision == i.revision))
                          .outerjoin(case_facts, f.interview_id == i.id))
             .where(or_(f.interview_id.is_(None), f.revision != i.revision))
             .order_by(i.id).limit(limit))
    return [(row[0], row[1]) for row in conn.execute(query)]


def put_facts(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    ids = [row["interview_id"] for row in rows]
    conn.execute(delete(case_facts).where(case_facts.c.interview_id.in_(ids)))
    conn.execute(insert(case_facts), list(rows))


@dataclass(frozen=True)
class CaseFilter:
    quarter_start: str | None = None  # ISO dates, [start, end)
    quarter_end: str | None = None
    checkpoint: str | None = None
    outcome: str | None = None
    child: bool | None = None
    action: str | None = None


def _case_where(query: Any, wanted: CaseFilter) -> Any:
    f = case_facts.c
    if wanted.quarter_start and wanted.quarter_end:
        query = query.where(f.interview_date >= wanted.quarter_start,
                            f.interview_date < wanted.quarter_end)
    if wanted.checkpoint:
        query = query.where(f.checkpoint == wanted.checkpoint)
    if wanted.outcome:
        query = query.where(f.outcome == wanted.outcome)
    if wanted.child is not None:
        query = query.where(f.child.is_(wanted.child))
    if wanted.action:
        query = query.where(f.action_taken == wanted.action)
    return query


def cases(conn: Connection, wanted: CaseFilter, limit: int, offset: int
          ) -> tuple[list[dict[str, Any]], int]:
    f, i, d = case_facts.c, interviews.c, devices.c
    base = (select(f.interview_id, f.case_reference, f.interview_date, f.checkpoint, f.child,
                   f.outcome, f.action_taken, f.problem, i.status, i.received_at, i.revision,
                   d.label)
            .select_from(case_facts.join(interviews, i.id == f.interview_id)
                         .join(devices, d.id == i.device_id)))
    base = _case_where(base, wanted)
    total = int(conn.execute(_case_where(select(func.count()).select_from(case_facts), wanted)
                             ).scalar_one())
    rows = conn.execute(base.order_by(f.interview_date.desc(), f.interview_id)
                        .limit(limit).offset(offset))
    return [dict(r._mapping) for r in rows], total


def case_checkpoints(conn: Connection) -> list[str]:
    return [r for r in conn.execute(select(case_facts.c.checkpoint).distinct()
                                    .where(case_facts.c.checkpoint.is_not(None))
                                    .order_by(case_facts.c.checkpoint)).scalars()]


def case(conn: Connection, interview_id: str) -> dict[str, Any] | None:
    f, i, d = case_facts.c, interviews.c, devices.c
    row = conn.execute(
        select(i.id, i.device_id, i.checkpoint.label("device_checkpoint"), i.form_id,
               i.form_version, i.status, i.revision, i.received_at, d.label,
               f.case_reference, f.interview_date, f.checkpoint, f.child, f.outcome,
               f.action_taken, f.problem)
        .select_from(interviews.join(devices, d.id == i.device_id)
                     .outerjoin(case_facts, f.interview_id == i.id))
        .where(i.id == interview_id)).first()
    return dict(row._mapping) if row else None


def case_by_reference(conn: Connection, reference: str) -> str | None:
    return conn.execute(select(case_facts.c.interview_id)
                        .where(case_facts.c.case_reference == reference)).scalar()


def audit_for(conn: Connection, interview_id: str) -> list[dict[str, Any]]:
    a = audit_entries.c
    return [json.loads(entry) for entry in conn.execute(
        select(a.entry).where(a.interview_id == interview_id).order_by(a.seq)).scalars()]


def quarter_facts(conn: Connection, start: str, end: str) -> dict[str, dict[str, Any]]:
    """The countable facts of the interviews started in [start, end), by interview id."""
    f = case_facts.c
    return {iid: json.loads(text) for iid, text in conn.execute(
        select(f.interview_id, f.facts).where(f.facts.is_not(None), f.interview_date >= start,
                                              f.interview_date < end))}


def case_references(conn: Connection, interview_ids: Iterable[str]) -> dict[str, str]:
    """Interview id -> case reference, for those with facts (500 ids per query)."""
    f, wanted = case_facts.c, sorted(set(interview_ids))
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        found.update(conn.execute(select(f.interview_id, f.case_reference)
                                  .where(f.interview_id.in_(wanted[start:start + 500]))).all())
    return found
