"""SQL on central staff: accounts, their role and lockout, console sessions and the staff
audit (``console_events``: who did what, from the console or the command line)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, insert, or_, select, update

from screening.central.schema import (
    console_events,
    console_sessions,
    staff,
    staff_access,
    staff_checkpoints,
)

# -- accounts, roles and lockout ----------------------------------------------------------------


def add(conn: Connection, name: str, password_hash: str, at: str) -> int:
    """The new account's id."""
    return int(conn.execute(insert(staff).values(name=name, password_hash=password_hash,
                                                 created_at=at)
                            .returning(staff.c.id)).scalar_one())


def exists(conn: Connection, name: str) -> bool:
    return conn.execute(select(staff.c.id).where(staff.c.name == name)).first() is not None



@dataclass(frozen=True)
class Account:
    id: int
    name: str
    password_hash: str
    role: str
    failed_logins: int
    locked_until: str | None
    language: str | None
    organisation: str | None


def account(conn: Connection, name: str) -> Account | None:
    a = staff_access.c
    row = conn.execute(
        select(staff.c.id, staff.c.name, staff.c.password_hash,
               func.coalesce(a.role, "viewer").label("role"),
               func.coalesce(a.failed_logins, 0).label("failed_logins"), a.locked_until,
               staff.c.language, a.organisation)
        .select_from(staff.outerjoin(staff_access, a.staff_id == staff.c.id))
        .where(staff.c.name == name)).first()
    return Account(**row._mapping) if row else None


def set_access(conn: Connection, staff_id: int, *, role: str | None = None,
               failed_logins: int | None = None, locked_until: str | None = None,
               unlock: bool = False, organisation: str | None = None) -> None:
    """Create or change the account's access row (role defaults to viewer). Setting a role
    sets the organisation with it (None for every role but partner)."""
    values: dict[str, Any] = {}
    if role is not None:
        values["role"] = role
        values["organisation"] = organisation
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
        row = {"staff_id": staff_id, "role": "viewer", "failed_logins": 0, "locked_until": None,
               "organisation": None}
        row.update(values)
        conn.execute(insert(staff_access).values(**row))


def take_try(conn: Connection, staff_id: int, now: str) -> tuple[int, str | None]:
    """One more login attempt counted before its password is checked, unless the account is
    locked at ``now``: (the count, the lock). The UPDATE locks the account's row until the
    transaction ends, so attempts at once are counted one after another."""
    set_access(conn, staff_id)  # make sure the row exists (accounts older than the console)
    a = staff_access.c
    locked = and_(a.locked_until.is_not(None), a.locked_until > now)
    row = conn.execute(update(staff_access).where(a.staff_id == staff_id)
                       .values(failed_logins=case((locked, a.failed_logins),
                                                  else_=a.failed_logins + 1))
                       .returning(a.failed_logins, a.locked_until)).one()
    return int(row.failed_logins), row.locked_until


def set_language(conn: Connection, staff_id: int, language: str) -> None:
    """The console's language this account chose."""
    conn.execute(update(staff).where(staff.c.id == staff_id).values(language=language))


def staff_id(conn: Connection, name: str) -> int | None:
    return conn.execute(select(staff.c.id).where(staff.c.name == name)).scalar()


def checkpoints_of(conn: Connection, staff_id: int) -> tuple[str, ...]:
    """The checkpoints the account is limited to, sorted; none: every checkpoint."""
    c = staff_checkpoints.c
    return tuple(conn.execute(select(c.checkpoint).where(c.staff_id == staff_id)
                              .order_by(c.checkpoint)).scalars())


def set_checkpoints(conn: Connection, staff_id: int, checkpoints: Sequence[str]) -> None:
    c = staff_checkpoints.c
    conn.execute(delete(staff_checkpoints).where(c.staff_id == staff_id))
    if checkpoints:
        conn.execute(insert(staff_checkpoints), [{"staff_id": staff_id, "checkpoint": code}
                                                 for code in sorted(set(checkpoints))])


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
    language: str | None
    organisation: str | None


def add_session(conn: Connection, *, token_hash: str, staff_id: int, csrf_token: str,
                agent_hash: str, client_ip: str | None, now: str, expires_at: str) -> None:
    conn.execute(insert(console_sessions).values(
        token_hash=token_hash, staff_id=staff_id, csrf_token=csrf_token, agent_hash=agent_hash,
        client_ip=client_ip, created_at=now, last_seen_at=now, expires_at=expires_at))


def session(conn: Connection, token_hash: str) -> SessionRow | None:
    s, a = console_sessions.c, staff_access.c
    row = conn.execute(
        select(s.token_hash, s.staff_id, staff.c.name,
               func.coalesce(a.role, "viewer").label("role"), s.csrf_token, s.agent_hash,
               s.client_ip, s.last_seen_at, s.expires_at, staff.c.language, a.organisation)
        .select_from(console_sessions.join(staff, staff.c.id == s.staff_id)
                     .outerjoin(staff_access, a.staff_id == s.staff_id))
        .where(s.token_hash == token_hash)).first()
    return SessionRow(**row._mapping) if row else None


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
