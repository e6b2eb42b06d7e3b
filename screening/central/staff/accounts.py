"""Central staff accounts: adding one (a password by ``screening.passwordpolicy``, Argon2id)
and changing its console role, each audited in its own transaction."""

from __future__ import annotations

from sqlalchemy import Engine

from screening import crypto, passwordpolicy
from screening.central.clock import utc_now
from screening.central.refusals import Refused
from screening.central.staff import audit, queries

ROLES = ("viewer", "admin", "consular")


def add(engine: Engine, name: str, password: str, role: str, *, by: str) -> None:
    """A new account ``name`` with ``role``."""
    _check_role(role)
    passwordpolicy.check_new_password(password)
    password_hash = crypto.hash_staff_password(password)
    with engine.begin() as conn:
        if queries.exists(conn, name):
            raise Refused(f"a staff account {name!r} already exists", code="staff_exists")
        queries.set_access(conn, queries.add(conn, name, password_hash, utc_now()), role=role)
        audit.record(conn, by, "staff_added", f"{name} ({role})")


def set_role(engine: Engine, name: str, role: str, *, by: str) -> bool:
    """False when there is no account ``name``."""
    _check_role(role)
    with engine.begin() as conn:
        found = queries.staff_id(conn, name)
        if found is None:
            return False
        queries.set_access(conn, found, role=role)
        audit.record(conn, by, "staff_role_changed", f"{name} ({role})")
    return True


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
