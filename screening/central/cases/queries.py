"""SQL on cases: the facts each interview's current revision gives (``case_facts``, which the
case list filters on), one case with its record and audit trail, and case references."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, tuple_

from screening.central import atrest
from screening.central.database import chunks
from screening.central.schema import (
    audit_entries,
    case_facts,
    devices,
    interview_revisions,
    interviews,
)
from screening.central.staff.scope import EVERYWHERE, Scope

# Facts counted before the national plan's tables (9-17) and the HTCDS export lack their
# answers: such rows are counted again from their record (a field every current row has).
CURRENT_FACTS = '%"exploitation_type": %'


def stale_facts(conn: Connection, limit: int = 500) -> list[tuple[str, str]]:
    """(interview id, current record JSON) of interviews whose facts are missing or older than
    their current revision."""
    i, f, r = interviews.c, case_facts.c, interview_revisions.c
    query = (select(i.id, i.revision, r.record)
             .select_from(interviews
                          .join(interview_revisions, and_(r.interview_id == i.id,
                                                          r.revision == i.revision))
                          .outerjoin(case_facts, f.interview_id == i.id))
             .where(or_(f.interview_id.is_(None), f.revision != i.revision,
                        and_(f.facts.is_not(None), f.facts.not_like(CURRENT_FACTS))))
             .order_by(i.id).limit(limit))
    ring = atrest.of(conn)
    return [(row.id, ring.open_text(row.record, atrest.revision_place(row.id, row.revision)))
            for row in conn.execute(query)]


def put_facts(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    ids = [row["interview_id"] for row in rows]
    conn.execute(delete(case_facts).where(case_facts.c.interview_id.in_(ids)))
    conn.execute(insert(case_facts), list(rows))


@dataclass(frozen=True)
class CaseFilter:
    quarter_start: str | None = None  # ISO dates, [start, end)
    quarter_end: str | None = None
    checkpoint: str | None = None
    outcome: str | None = None
    child: bool | None = None
    action: str | None = None


def _case_where(query: Any, wanted: CaseFilter) -> Any:
    f = case_facts.c
    if wanted.quarter_start and wanted.quarter_end:
        query = query.where(f.interview_date >= wanted.quarter_start,
                            f.interview_date < wanted.quarter_end)
    if wanted.checkpoint:
        query = query.where(f.checkpoint == wanted.checkpoint)
    if wanted.outcome:
        query = query.where(f.outcome == wanted.outcome)
    if wanted.child is not None:
        query = query.where(f.child.is_(wanted.child))
    if wanted.action:
        query = query.where(f.action_taken == wanted.action)
    return query


def cases(conn: Connection, wanted: CaseFilter, limit: int, offset: int,
          scope: Scope = EVERYWHERE) -> tuple[list[dict[str, Any]], int]:
    f, i, d = case_facts.c, interviews.c, devices.c
    base = (select(f.interview_id, f.case_reference, f.interview_date, f.checkpoint, f.child,
                   f.outcome, f.action_taken, f.problem, i.status, i.received_at, i.revision,
                   d.label)
            .select_from(case_facts.join(interviews, i.id == f.interview_id)
                         .join(devices, d.id == i.device_id))
            .where(scope.on_checkpoint(i.checkpoint)))
    base = _case_where(base, wanted)
    total = int(conn.execute(_case_where(select(func.count()).select_from(case_facts)
                                         .where(scope.on_interview(f.interview_id)), wanted)
                             ).scalar_one())
    rows = conn.execute(base.order_by(f.interview_date.desc(), f.interview_id)
                        .limit(limit).offset(offset))
    return [dict(r._mapping) for r in rows], total


def case_checkpoints(conn: Connection, scope: Scope = EVERYWHERE) -> list[str]:
    return [r for r in conn.execute(select(case_facts.c.checkpoint).distinct()
                                    .where(case_facts.c.checkpoint.is_not(None),
                                           scope.on_interview(case_facts.c.interview_id))
                                    .order_by(case_facts.c.checkpoint)).scalars()]


def case(conn: Connection, interview_id: str, scope: Scope = EVERYWHERE
         ) -> dict[str, Any] | None:
    """One interview held, or None: also for one outside ``scope`` (no existence oracle)."""
    f, i, d = case_facts.c, interviews.c, devices.c
    row = conn.execute(
        select(i.id, i.device_id, i.checkpoint.label("device_checkpoint"), i.form_id,
               i.form_version, i.status, i.revision, i.received_at, d.label,
               f.case_reference, f.interview_date, f.checkpoint, f.child, f.outcome,
               f.action_taken, f.problem, f.computed_outcome, f.profile,
               f.positive_dimensions)
        .select_from(interviews.join(devices, d.id == i.device_id)
                     .outerjoin(case_facts, f.interview_id == i.id))
        .where(i.id == interview_id, scope.on_checkpoint(i.checkpoint))).first()
    return dict(row._mapping) if row else None


def case_by_reference(conn: Connection, reference: str, scope: Scope = EVERYWHERE
                      ) -> str | None:
    return conn.execute(select(case_facts.c.interview_id)
                        .where(case_facts.c.case_reference == reference,
                               scope.on_interview(case_facts.c.interview_id))).scalar()


def audit_for(conn: Connection, interview_id: str) -> list[dict[str, Any]]:
    a = audit_entries.c
    ring = atrest.of(conn)
    return [json.loads(ring.open_text(row.entry, atrest.audit_place(row.device_id, row.seq)))
            for row in conn.execute(select(a.device_id, a.seq, a.entry)
                                    .where(a.interview_id == interview_id).order_by(a.seq))]


def case_references(conn: Connection, interview_ids: Iterable[str]) -> dict[str, str]:
    """Interview id -> case reference, for those with facts (500 ids per query)."""
    f = case_facts.c
    found: dict[str, str] = {}
    for chunk in chunks(sorted(set(interview_ids))):
        found.update((row.interview_id, row.case_reference) for row in conn.execute(
            select(f.interview_id, f.case_reference).where(f.interview_id.in_(chunk))))
    return found


def record(conn: Connection, interview_id: str) -> str | None:
    """The JSON of the interview's current revision."""
    c = interview_revisions.c
    row = conn.execute(select(c.revision, c.record).where(
        tuple_(c.interview_id, c.revision).in_(
            select(interviews.c.id, interviews.c.revision)
            .where(interviews.c.id == interview_id)))).first()
    return atrest.of(conn).open_text(row.record, atrest.revision_place(interview_id,
                                                                       row.revision)) \
        if row else None
