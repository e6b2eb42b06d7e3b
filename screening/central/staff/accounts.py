"""Central staff accounts: adding one (a password by ``screening.passwordpolicy``, Argon2id)
and changing its console role, each audited in its own transaction. A partner's account is
bound to one organisation of the referral directory in use; no other role has one."""

from __future__ import annotations

from sqlalchemy import Connection, Engine

from screening import crypto, passwordpolicy
from screening.central.cases.forms import known_forms
from screening.central.clock import utc_now
from screening.central.refusals import Refused
from screening.central.staff import audit, queries

ROLES = ("viewer", "admin", "caseworker", "partner", "ministry", "consular")
PARTNER = "partner"


def add(engine: Engine, name: str, password: str, role: str, *, by: str,
        organisation: str | None = None) -> None:
    """A new account ``name`` with ``role`` (a partner: bound to ``organisation``)."""
    check_role(role, organisation)
    passwordpolicy.check_new_password(password)
    password_hash = crypto.hash_staff_password(password)
    with engine.begin() as conn:
        _check_organisation(conn, organisation)
        if queries.exists(conn, name):
            raise Refused(f"a staff account {name!r} already exists", code="staff_exists")
        queries.set_access(conn, queries.add(conn, name, password_hash, utc_now()), role=role,
                           organisation=organisation)
        audit.record(conn, by, "staff_added", _subject(name, role, organisation))


def set_role(engine: Engine, name: str, role: str, *, by: str,
             organisation: str | None = None) -> bool:
    """False when there is no account ``name``."""
    check_role(role, organisation)
    with engine.begin() as conn:
        _check_organisation(conn, organisation)
        found = queries.staff_id(conn, name)
        if found is None:
            return False
        queries.set_access(conn, found, role=role, organisation=organisation)
        audit.record(conn, by, "staff_role_changed", _subject(name, role, organisation))
    return True


def _subject(name: str, role: str, organisation: str | None) -> str:
    return f"{name} ({role} of {organisation})" if organisation else f"{name} ({role})"


def check_role(role: str, organisation: str | None) -> None:
    if role not in ROLES:
        raise Refused(f"role must be one of {', '.join(ROLES)}", code="staff_role_unknown")
    if role == PARTNER and not organisation:
        raise Refused("a partner account is bound to an organisation: give --organisation "
                      "with an id of the referral directory", code="organisation_missing")
    if role != PARTNER and organisation:
        raise Refused("only a partner account is bound to an organisation",
                      code="organisation_not_partner")


def _check_organisation(conn: Connection, organisation: str | None) -> None:
    if organisation is None:
        return
    known = known_forms(conn).reference.organisations
    if organisation not in known:
        raise Refused(f"no organisation {organisation[:100]!r} in the referral directory; "
                      f"one of {', '.join(sorted(known))}", code="organisation_unknown")
