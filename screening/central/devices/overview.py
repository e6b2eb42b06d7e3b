"""What staff see of the workstations: batches received and missing from each, and which
checkpoints have gone quiet."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection

from screening.central.devices import queries
from screening.central.staff.scope import EVERYWHERE, Scope


def workstations(conn: Connection, scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """Every workstation (of ``scope``'s checkpoints) with ``batches``, ``highest`` sequence,
    ``missing`` batches (a gap in the sequence numbers) and ``last_seen``."""
    rows = queries.with_batches(conn, scope)
    for row in rows:
        row["missing"] = int(row["highest"]) - int(row["batches"])
    return rows


def checkpoints(rows: list[dict[str, Any]], quiet_hours: float,
                now: dt.datetime | None = None) -> list[dict[str, Any]]:
    """The checkpoints of the active workstations in ``rows``, the quiet ones (nothing sent
    for ``quiet_hours``) first."""
    limit = ((now or dt.datetime.now(dt.UTC)) - dt.timedelta(hours=quiet_hours)).isoformat()
    by_checkpoint: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["revoked_at"]:
            continue
        entry = by_checkpoint.setdefault(row["checkpoint"], {
            "checkpoint": row["checkpoint"], "devices": 0, "last_seen": None,
            "enrolled_at": row["enrolled_at"]})
        entry["devices"] += 1
        if row["last_seen"] and (entry["last_seen"] is None
                                 or row["last_seen"] > entry["last_seen"]):
            entry["last_seen"] = row["last_seen"]
    for entry in by_checkpoint.values():
        entry["quiet"] = (entry["last_seen"] or entry["enrolled_at"]) < limit
    return sorted(by_checkpoint.values(),
                  key=lambda e: (not e["quiet"], e["last_seen"] or "", e["checkpoint"]))
