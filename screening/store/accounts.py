"""Queries on accounts and store settings. Roles live here, inside the encrypted database;
the key-slot file only holds keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from screening.errors import AccountError
from screening.store.connection import Connection, translate_errors

ROLES = ("officer", "supervisor")
_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    disabled: bool
    created_at: str
    created_by: str | None


def check_name(name: str) -> str:
    """The canonical (lower-case) form of a user name, or AccountError."""
    canonical = name.strip().lower()
    if not _NAME.fullmatch(canonical):
        raise AccountError(f"{name!r} is not a valid user name: use 2–32 letters, digits, "
                           "dots, dashes or underscores, starting with a letter or digit")
    return canonical


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: choose officer or supervisor")
    return role


def insert(conn: Connection, name: str, role: str, created_by: str | None, at: str) -> None:
    if get(conn, name) is not None:
        raise AccountError(f"the account {name!r} already exists")
    conn.execute("INSERT INTO accounts (name, role, created_at, created_by, password_changed_at) "
                 "VALUES (?, ?, ?, ?, ?)", (name, check_role(role), at, created_by, at))


def get(conn: Connection, name: str) -> Account | None:
    with translate_errors():
        row = conn.execute("SELECT name, role, disabled, created_at, created_by FROM accounts "
                           "WHERE name = ?", (name,)).fetchone()
    return Account(row[0], row[1], bool(row[2]), row[3], row[4]) if row else None


def all_accounts(conn: Connection) -> list[Account]:
    with translate_errors():
        rows = conn.execute("SELECT name, role, disabled, created_at, created_by FROM accounts "
                            "ORDER BY name").fetchall()
    return [Account(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows]


def set_disabled(conn: Connection, name: str) -> None:
    conn.execute("UPDATE accounts SET disabled = 1 WHERE name = ?", (name,))


def password_changed(conn: Connection, name: str, at: str) -> None:
    conn.execute("UPDATE accounts SET password_changed_at = ? WHERE name = ?", (at, name))


def count_active_supervisors(conn: Connection) -> int:
    with translate_errors():
        return int(conn.execute("SELECT count(*) FROM accounts WHERE role = 'supervisor' "
                                "AND disabled = 0").fetchone()[0])
