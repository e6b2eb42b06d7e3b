"""What the statistics count of advance notice (the national plan's "victims returned without
prior notification"): the returns of a period by checkpoint and outcome, with and without a
notice. A return counts as notified when a notice is linked to its interview (started from it
at the workstation, or confirmed by staff); the outcome is central's own assessment
(``case_facts.computed_outcome``), never the workstation's. The tables themselves belong to
the statistics (screening/reports/statistics.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from screening.central.schema import case_facts, notices


@dataclass(frozen=True)
class NoticeCount:
    checkpoint: str | None
    outcome: str | None
    notified: bool
    returns: int


def returns_by_notice(conn: Connection, first: str, last: str) -> list[NoticeCount]:
    """Interviews dated ``first`` to ``last`` (ISO dates, both included), counted by
    checkpoint, outcome and whether a notice announced them."""
    f = case_facts.c
    notified = notices.c.id.is_not(None).label("notified")
    rows = conn.execute(
        select(f.checkpoint, f.computed_outcome, notified, func.count().label("returns"))
        .select_from(case_facts.outerjoin(notices, notices.c.interview_id == f.interview_id))
        .where(f.interview_date >= first, f.interview_date <= last)
        .group_by(f.checkpoint, f.computed_outcome, notified)
        .order_by(f.checkpoint, f.computed_outcome, notified))
    return [NoticeCount(r.checkpoint, r.computed_outcome, bool(r.notified), int(r.returns))
            for r in rows]
