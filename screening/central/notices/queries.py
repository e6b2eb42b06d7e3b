"""SQL on the notices of expected returns and the interviews suggested as their arrivals."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update

from screening.central import atrest
from screening.central.notices.model import Notice
from screening.central.schema import (
    case_facts,
    interview_revisions,
    interviews,
    match_keys,
    notice_suggestions,
    notices,
)
from screening.central.staff.scope import EVERYWHERE, Scope

_FIELDS = ("checkpoint", "expected_date", "age", "sex", "nationality", "coming_from",
           "victim_suspected", "child_suspected", "meet_organisation")


def _columns(conn: Connection, notice: Notice) -> dict[str, Any]:
    """The row of a notice: its person sealed, its name key a keyed digest (docs/central.md,
    "Data at rest"), so the table names nobody and equal names still meet in the index."""
    ring = atrest.of(conn)
    key = notice.person().name_key
    return {**{name: getattr(notice, name) for name in _FIELDS},
            "person": atrest.seal_notice(ring, notice.id, {
                name: getattr(notice, name) for name in atrest.NOTICE_PERSON}),
            "notified_by": ",".join(notice.notified_by),
            "name_key": ring.name_digest(key) if key else None,
            "birth_year": notice.person().birth_year}


def _opened(conn: Connection, row: Any) -> dict[str, Any]:
    """A row as the callers knew it before sealing: the person's fields in place of ``person``."""
    shown = dict(row._mapping)
    sealed = shown.pop("person")
    return {**shown, **atrest.open_notice(atrest.of(conn), shown["id"], sealed)}


def notice_of(conn: Connection, row: Any) -> Notice:
    m = _opened(conn, row)
    return Notice(**{name: m[name] for name in _FIELDS + atrest.NOTICE_PERSON}, id=m["id"],
                  notified_by=tuple(n for n in m["notified_by"].split(",") if n))


def add(conn: Connection, notice: Notice, at: str, by: str) -> None:
    conn.execute(insert(notices).values(id=notice.id, **_columns(conn, notice), merged=0,
                                        created_at=at, created_by=by, updated_at=at))


def replace_merged(conn: Connection, notice: Notice, at: str) -> None:
    conn.execute(update(notices).where(notices.c.id == notice.id).values(
        **_columns(conn, notice), merged=notices.c.merged + 1, updated_at=at))


def redigest(conn: Connection) -> None:
    """Every notice's name digest made again under the current data key (key rotation)."""
    ring = atrest.of(conn)
    for row in conn.execute(select(notices)).all():
        key = notice_of(conn, row).person().name_key
        conn.execute(update(notices).where(notices.c.id == row.id).values(
            name_key=ring.name_digest(key) if key else None))


def unlinked_near(conn: Connection, checkpoint: str, name_key: str, first: str, last: str
                  ) -> list[Notice]:
    """Unlinked notices at ``checkpoint`` with this (clear) name key, expected between two
    dates."""
    c = notices.c
    rows = conn.execute(select(notices).where(
        c.checkpoint == checkpoint, c.name_key == atrest.of(conn).name_digest(name_key),
        c.interview_id.is_(None),
        c.expected_date >= first, c.expected_date <= last).order_by(c.created_at, c.id))
    return [notice_of(conn, r) for r in rows]


def listing(conn: Connection, checkpoint: str | None = None, since: str | None = None,
            scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    c = notices.c
    query = select(notices).where(scope.on_checkpoint(c.checkpoint)).order_by(
        c.expected_date, c.checkpoint, c.id)
    if checkpoint:
        query = query.where(c.checkpoint == checkpoint)
    if since:
        query = query.where(c.expected_date >= since)
    return [_opened(conn, r) for r in conn.execute(query)]


def get(conn: Connection, notice_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(notices).where(notices.c.id == notice_id)).first()
    return _opened(conn, row) if row else None


def window(conn: Connection, checkpoint: str, first: str, last: str) -> list[Notice]:
    """The unlinked notices of one checkpoint expected from ``first`` to ``last``."""
    c = notices.c
    rows = conn.execute(select(notices).where(
        c.checkpoint == checkpoint, c.interview_id.is_(None), c.expected_date >= first,
        c.expected_date <= last).order_by(c.expected_date, c.id))
    return [notice_of(conn, r) for r in rows]


# -- linking ------------------------------------------------------------------------------------

def link(conn: Connection, notice_id: str, interview_id: str, how: str, at: str, by: str
         ) -> None:
    conn.execute(update(notices).where(notices.c.id == notice_id).values(
        interview_id=interview_id, link=how, linked_at=at, linked_by=by, updated_at=at))


def linked_interviews(conn: Connection) -> set[str]:
    return set(conn.execute(select(notices.c.interview_id).where(
        notices.c.interview_id.is_not(None))).scalars())


def records_without_link(conn: Connection, since: str) -> list[tuple[str, str, str]]:
    """(interview id, checkpoint, current record) of the interviews received since ``since``
    that no notice is linked to and that may have one: their record names a notice, or their
    person's name key (repeats' match_keys) is an unlinked notice's. Records are sealed, so
    whether one names a notice is seen only once it is opened."""
    linked = select(notices.c.interview_id).where(notices.c.interview_id.is_not(None))
    awaited = select(match_keys.c.interview_id).where(match_keys.c.name_key.in_(
        select(notices.c.name_key).where(notices.c.interview_id.is_(None))))
    revs = interview_revisions
    rows = conn.execute(select(interviews.c.id, interviews.c.checkpoint, revs.c.revision,
                               revs.c.record, interviews.c.id.in_(awaited).label("awaited"))
                        .join(revs, and_(revs.c.interview_id == interviews.c.id,
                                         revs.c.revision == interviews.c.revision))
                        .where(interviews.c.id.not_in(linked),
                               interviews.c.received_at >= since))
    ring = atrest.of(conn)
    found = []
    for r in rows:
        record = ring.open_text(r.record, atrest.revision_place(r.id, r.revision))
        if r.awaited or '"notice_id"' in record:
            found.append((r.id, r.checkpoint, record))
    return found


def suggested_pairs(conn: Connection) -> set[tuple[str, str]]:
    s = notice_suggestions.c
    return {(r.notice_id, r.interview_id) for r in conn.execute(
        select(s.notice_id, s.interview_id))}


def add_suggestion(conn: Connection, notice_id: str, interview_id: str, reason: str, at: str
                   ) -> None:
    conn.execute(insert(notice_suggestions).values(
        notice_id=notice_id, interview_id=interview_id, reason=reason, status="pending",
        found_at=at))


def _within(scope: Scope) -> Any:
    # the notice's checkpoint and the interview's both: either side names a person
    s = notice_suggestions.c
    return and_(scope.on_interview(s.interview_id), s.notice_id.in_(
        select(notices.c.id).where(scope.on_checkpoint(notices.c.checkpoint))))


def suggestions(conn: Connection, status: str | None = "pending", scope: Scope = EVERYWHERE
                ) -> list[dict[str, Any]]:
    s = notice_suggestions.c
    query = select(notice_suggestions, case_facts.c.case_reference, case_facts.c.interview_date
                   ).outerjoin(case_facts, case_facts.c.interview_id == s.interview_id
                               ).where(_within(scope)).order_by(s.id)
    if status:
        query = query.where(s.status == status)
    return [dict(r._mapping) for r in conn.execute(query)]


def suggestion(conn: Connection, suggestion_id: int, scope: Scope = EVERYWHERE
               ) -> dict[str, Any] | None:
    row = conn.execute(select(notice_suggestions).where(
        notice_suggestions.c.id == suggestion_id, _within(scope))).first()
    return dict(row._mapping) if row else None


def decide(conn: Connection, suggestion_id: int, status: str, by: str, at: str) -> None:
    conn.execute(update(notice_suggestions).where(
        notice_suggestions.c.id == suggestion_id).values(
        status=status, decided_by=by, decided_at=at))


def close_others(conn: Connection, notice_id: str, interview_id: str, by: str, at: str
                 ) -> None:
    """Once linked, the notice's and the interview's other suggestions are rejected."""
    s = notice_suggestions.c
    conn.execute(update(notice_suggestions).where(
        s.status == "pending",
        or_(s.notice_id == notice_id, s.interview_id == interview_id)).values(
        status="rejected", decided_by=by, decided_at=at))


def overdue(conn: Connection, before: str, scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """Unlinked notices expected before ``before``: nobody arrived (or was not matched)."""
    c = notices.c
    return [_opened(conn, r) for r in conn.execute(select(notices).where(
        c.interview_id.is_(None), c.expected_date < before, scope.on_checkpoint(c.checkpoint))
        .order_by(c.expected_date, c.id))]
