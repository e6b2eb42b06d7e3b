"""What the statistics count of advance notice (the national plan's "victims returned without
prior notification"): the returns of a period by checkpoint and outcome, with and without a
notice. A return counts as notified when a notice is linked to its interview (started from it
at the workstation, or confirmed by staff); the outcome is central's own assessment
(``case_facts.computed_outcome``), never the workstation's. The tables themselves belong to
the statistics (screening/reports/statistics.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, select

from screening.central import atrest
from screening.central.repeats.candidates import VICTIM_OUTCOMES
from screening.central.schema import case_facts, interview_revisions, interviews, notices

# the met_on_arrival_by answers that are an organisation (forms/returnee_screening.yaml);
# family, an unknown person and "nobody" are not
ORGANISATIONS = frozenset({"police", "social_services", "child_protection", "iom", "ngo"})


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


@dataclass(frozen=True)
class NotifiedVictims:
    notified: int  # potential victims (central's assessment) whose return was notified
    met: int  # of them, met on arrival by an organisation


def notified_victims_met(conn: Connection, first: str, last: str) -> NotifiedVictims:
    """The national plan's "notified victims met by an organisation on arrival", for
    interviews dated ``first`` to ``last``: the officer's answer to met_on_arrival_by."""
    f, r = case_facts.c, interview_revisions.c
    rows = conn.execute(
        select(r.interview_id, r.revision, r.record)
        .select_from(case_facts.join(notices, notices.c.interview_id == f.interview_id)
                     .join(interviews, interviews.c.id == f.interview_id)
                     .join(interview_revisions, and_(r.interview_id == interviews.c.id,
                                                     r.revision == interviews.c.revision)))
        .where(f.interview_date >= first, f.interview_date <= last,
               f.computed_outcome.in_(sorted(VICTIM_OUTCOMES))))
    met = notified = 0
    ring = atrest.of(conn)
    for interview_id, revision, sealed in rows:
        notified += 1
        text = ring.open_text(sealed, atrest.revision_place(interview_id, revision))
        answers = json.loads(text).get("answers") or {}
        by = answers.get("met_on_arrival_by") if isinstance(answers, dict) else None
        met += isinstance(by, list) and bool(ORGANISATIONS.intersection(
            b for b in by if isinstance(b, str)))
    return NotifiedVictims(notified, met)
