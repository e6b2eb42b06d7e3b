"""The batch inbox staff read: batches newest first, how many interviews each carried and what
central did with them, and the sequence numbers missing before each one."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from screening.central.batches import queries
from screening.central.staff.scope import EVERYWHERE, Scope


@dataclass(frozen=True)
class Inbox:
    batches: list[dict[str, Any]]
    total: int
    gap_devices: int  # workstations with a batch missing


def missing_runs(received: Iterable[int]) -> dict[int, tuple[int, int]]:
    """For each received sequence that follows a gap: (first, last) missing before it."""
    runs, previous = {}, 0
    for sequence in sorted(set(received)):
        if sequence > previous + 1:
            runs[sequence] = (previous + 1, sequence - 1)
        previous = sequence
    return runs


def receipt_summary(receipt: bytes) -> tuple[int, dict[str, int]]:
    try:
        results = json.loads(receipt)["results"]
    except (ValueError, KeyError, TypeError):
        return 0, {}
    counts: dict[str, int] = {}
    for result in results:
        counts[result.get("result", "?")] = counts.get(result.get("result", "?"), 0) + 1
    return len(results), counts


def inbox(conn: Connection, limit: int, offset: int, device_id: str | None,
          scope: Scope = EVERYWHERE) -> Inbox:
    """A page of the inbox of ``scope``'s workstations."""
    rows = queries.page(conn, limit, offset, device_id, scope)
    gaps = {d: missing_runs(s) for d, s in
            queries.sequences(conn, {r["device_id"] for r in rows}).items()}
    listed = []
    for row in rows:
        count, results = receipt_summary(row["receipt"])
        refused = results.get("refused", 0)
        gap = gaps.get(row["device_id"], {}).get(int(row["sequence"]))
        listed.append({**row, "interviews": count, "results": results, "gap": gap,
                       "status": f"{refused} refused" if refused else "accepted"})
    return Inbox(listed, queries.total(conn, device_id, scope),
                 sum(1 for g in gaps.values() if g))
