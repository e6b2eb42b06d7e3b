"""Central staff accounts: adding one (a password by ``screening.passwordpolicy``, Argon2id),
changing its console role and the checkpoints it is limited to, each audited in its own
transaction. A partner's account is bound to one organisation of the referral directory in
use; no other role has one. Any account may be limited to checkpoints of the reference data
(``staff.scope``); none means every checkpoint."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, Engine

from screening import crypto, passwordpolicy
from screening.central.cases.forms import known_forms
from screening.central.clock import utc_now
from screening.central.refusals import Refused
from screening.central.staff import audit, queries

ROLES = ("viewer", "admin", "caseworker", "partner", "ministry", "consular")
PARTNER = "partner"


def add(engine: Engine, name: str, password: str, role: str, *, by: str,
        organisation: str | None = None, checkpoints: Sequence[str] = ()) -> None:
    """A new account ``name`` with ``role`` (a partner: bound to ``organisation``), limited
    to ``checkpoints`` (none: every checkpoint)."""
    check_role(role, organisation)
    codes = clean_checkpoints(checkpoints)
    passwordpolicy.check_new_password(password)
    password_hash = crypto.hash_staff_password(password)
    with engine.begin() as conn:
        _check_organisation(conn, organisation)
        _check_checkpoints(conn, codes)
        if queries.exists(conn, name):
            raise Refused(f"a staff account {name!r} already exists", code="staff_exists")
        staff_id = queries.add(conn, name, password_hash, utc_now())
        queries.set_access(conn, staff_id, role=role, organisation=organisation)
        queries.set_checkpoints(conn, staff_id, codes)
        audit.record(conn, by, "staff_added",
                     _subject(name, role, organisation) + _limited(codes))


def set_checkpoints(engine: Engine, name: str, checkpoints: Sequence[str], *, by: str) -> bool:
    """Limit the account ``name`` to ``checkpoints`` (none: every checkpoint); False when
    there is no such account. Its open sessions see the change at their next page."""
    codes = clean_checkpoints(checkpoints)
    with engine.begin() as conn:
        _check_checkpoints(conn, codes)
        found = queries.staff_id(conn, name)
        if found is None:
            return False
        queries.set_checkpoints(conn, found, codes)
        audit.record(conn, by, "staff_checkpoints_changed",
                     f"{name}{_limited(codes) or ' (every checkpoint)'}")
    return True


def clean_checkpoints(checkpoints: Sequence[str]) -> tuple[str, ...]:
    """Checkpoint codes as stored: upper case, each once, sorted."""
    return tuple(sorted({code.strip().upper()[:100] for code in checkpoints}))


def _limited(codes: Sequence[str]) -> str:
    return f" limited to {', '.join(codes)}" if codes else ""


def _check_checkpoints(conn: Connection, codes: Sequence[str]) -> None:
    known = known_forms(conn).reference.checkpoints
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise Refused(code="checkpoint_unknown", checkpoint=unknown[0][:20],
                      known=", ".join(sorted(known)))


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
