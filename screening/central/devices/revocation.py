"""Revoking a workstation: central refuses its later batches and pulls, and the list of
revoked devices is published to the other workstations in the same transaction, whether the
revocation came from the console or the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screening.central.clock import utc_now
from screening.central.database import retry_on_conflict
from screening.central.devices import queries
from screening.central.reference import publish
from screening.central.refusals import Refused
from screening.central.staff import audit

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from screening.central.service import Central


def revoke(central: Central, device_id: str, *, by: str) -> bool:
    """Revoke ``device_id`` (staff member ``by``; audited); False when it already was."""

    def work(conn: Connection) -> bool:
        if queries.get(conn, device_id) is None:
            raise Refused(f"no device {device_id!r}", code="device_unknown")
        if not queries.revoke(conn, device_id, utc_now()):
            return False
        publish.revocations(central, conn, by=by)
        audit.record(conn, by, "device_revoked", device_id)
        return True

    return retry_on_conflict(central.engine, work, busy="central is busy; revoke again")
