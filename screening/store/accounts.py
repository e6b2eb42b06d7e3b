"""Queries on accounts and store settings. Roles live here, inside the encrypted database;
the key-slot file only holds keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from screening.errors import AccountError
from screening.store.connection import Connection, translate_errors

ROLES = ("officer", "supervisor")
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")
FULL_NAME_LIMIT = 120
_COLUMNS = "name, role, disabled, created_at, created_by, full_name"


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    disabled: bool
    created_at: str
    created_by: str | None
    # the person's name as documents print it (screening.reports.answers.signer falls back
    # to the login name, marked); None on accounts made before schema 3
    full_name: str | None = None


def check_name(name: str) -> str:
    """The canonical (lower-case) form of a user name, or AccountError."""
    canonical = name.strip().lower()
    if not _NAME.fullmatch(canonical):
        raise AccountError(code="account_name_invalid", name=name)
    return canonical


def check_full_name(full_name: str | None) -> str | None:
    """The full name as stored (inner spaces tidied; None when empty), or AccountError."""
    if full_name is None:
        return None
    tidy = " ".join(full_name.split())
    if len(tidy) > FULL_NAME_LIMIT:
        raise AccountError(code="full_name_too_long", limit=FULL_NAME_LIMIT)
    if any(not c.isprintable() for c in tidy):
        raise AccountError(code="full_name_control")
    return tidy or None


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(code="role_unknown", role=role)
    return role


def insert(conn: Connection, name: str, role: str, created_by: str | None, at: str,
           full_name: str | None = None) -> None:
    if get(conn, name) is not None:
        raise AccountError(code="account_exists", name=name)
    conn.execute("INSERT INTO accounts (name, role, created_at, created_by, password_changed_at, "
                 "full_name) VALUES (?, ?, ?, ?, ?, ?)",
                 (name, check_role(role), at, created_by, at, check_full_name(full_name)))


def get(conn: Connection, name: str) -> Account | None:
    with translate_errors():
        row = conn.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?",
                           (name,)).fetchone()
    return _account(row) if row else None


def all_accounts(conn: Connection) -> list[Account]:
    with translate_errors():
        rows = conn.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY name").fetchall()
    return [_account(row) for row in rows]


def _account(row: tuple) -> Account:
    return Account(row[0], row[1], bool(row[2]), row[3], row[4], row[5])


def set_full_name(conn: Connection, name: str, full_name: str | None) -> None:
    conn.execute("UPDATE accounts SET full_name = ? WHERE name = ?",
                 (check_full_name(full_name), name))


def set_disabled(conn: Connection, name: str) -> None:
    conn.execute("UPDATE accounts SET disabled = 1 WHERE name = ?", (name,))


def password_changed(conn: Connection, name: str, at: str) -> None:
    conn.execute("UPDATE accounts SET password_changed_at = ? WHERE name = ?", (at, name))


def count_active_supervisors(conn: Connection) -> int:
    with translate_errors():
        return int(conn.execute("SELECT count(*) FROM accounts WHERE role = 'supervisor' "
                                "AND disabled = 0").fetchone()[0])
