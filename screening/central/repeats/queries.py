"""SQL on repeat-victim matching: each interview's normalised identity (match_keys) and the
candidate pairs staff confirm or reject (match_candidates)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from screening.central import atrest
from screening.central.database import chunks
from screening.central.repeats.matching import Person
from screening.central.schema import (
    case_facts,
    interview_revisions,
    interviews,
    match_candidates,
    match_keys,
)
from screening.central.staff.scope import EVERYWHERE, Scope

# Any constant will do: it names the lock that lets one refresh at a time pair interviews.
_REFRESH_LOCK = 7_307_130


@dataclass(frozen=True)
class Candidate:
    id: int
    interview_a: str
    interview_b: str
    reason: str
    status: str
    found_at: str
    decided_by: str | None
    decided_at: str | None


def lock_for_refresh(conn: Connection) -> None:
    """Two refreshes running side by side would each miss the pair of one interview from
    each; PostgreSQL holds this lock to the end of the transaction (SQLite's BEGIN IMMEDIATE
    already lets one writer in at a time)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _REFRESH_LOCK})


def stale(conn: Connection, limit: int) -> list[tuple[str, int, str]]:
    """(id, revision, record JSON) of interviews whose keys are missing or of an older
    revision than the one central holds now."""
    i, k, r = interviews.c, match_keys.c, interview_revisions.c
    query = (select(i.id, i.revision, r.record)
             .join(interview_revisions, (r.interview_id == i.id) & (r.revision == i.revision))
             .outerjoin(match_keys, k.interview_id == i.id)
             .where(or_(k.interview_id.is_(None), k.revision != i.revision))
             .order_by(i.id).limit(limit))
    ring = atrest.of(conn)
    return [(row.id, int(row.revision),
             ring.open_text(row.record, atrest.revision_place(row.id, row.revision)))
            for row in conn.execute(query)]


def hidden(conn: Connection, person: Person) -> Person:
    """The person as match_keys keeps them: the name and document keys as keyed digests, so
    the table names nobody and equal keys still meet (``sharing_keys``)."""
    ring = atrest.of(conn)
    return replace(person,
                   document_key=ring.digest("document " + person.document_key)
                   if person.document_key else None,
                   name_key=ring.name_digest(person.name_key) if person.name_key else None)


def put_keys(conn: Connection, people: Sequence[tuple[Person, int]]) -> None:
    """Replace the keys of these interviews ((person, revision) pairs)."""
    ids = [p.interview_id for p, _ in people]
    for chunk in chunks(ids):
        conn.execute(delete(match_keys).where(match_keys.c.interview_id.in_(chunk)))
    if people:
        conn.execute(insert(match_keys), [_key_row(p, revision) for p, revision in people])


def drop_keys(conn: Connection) -> None:
    """Every interview's keys, to be made again (a new data key makes new digests)."""
    conn.execute(delete(match_keys))


def _key_row(person: Person, revision: int) -> dict[str, Any]:
    return {"interview_id": person.interview_id, "revision": revision,
            "interviewed_at": person.interviewed_at, "document_key": person.document_key,
            "name_key": person.name_key, "birth_date": person.birth_date,
            "birth_year": person.birth_year}


def sharing_keys(conn: Connection, document_keys: Iterable[str], name_keys: Iterable[str]
                 ) -> list[Person]:
    """Every interview whose document key or name key is one of these."""
    k = match_keys.c
    found: dict[str, Person] = {}
    for column, keys in ((k.document_key, document_keys), (k.name_key, name_keys)):
        for chunk in chunks(sorted(set(keys))):
            for row in conn.execute(select(k.interview_id, k.interviewed_at, k.document_key,
                                           k.name_key, k.birth_date, k.birth_year)
                                    .where(column.in_(chunk))):
                found[row.interview_id] = Person(**row._mapping)
    return list(found.values())


def people(conn: Connection, ids: Iterable[str]) -> dict[str, Person]:
    k = match_keys.c
    found: dict[str, Person] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in conn.execute(select(k.interview_id, k.interviewed_at, k.document_key,
                                       k.name_key, k.birth_date, k.birth_year)
                                .where(k.interview_id.in_(chunk))):
            found[row.interview_id] = Person(**row._mapping)
    return found


def add_candidates(conn: Connection, rows: Sequence[tuple[str, str, str]], at: str) -> int:
    """(earlier-or-lower interview id, the other, reason) rows; a pair already a candidate
    (whatever its status) is left as it is. The number of pairs added. The unique pair index
    decides in the insert itself: looking the pairs up first read every pair of each
    interview (3.4 million rows for 60 batches of one person, bench/sync.py)."""
    if not rows:
        return 0
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    added = conn.execute(
        dialect.insert(match_candidates).on_conflict_do_nothing(
            index_elements=["interview_a", "interview_b"]).returning(match_candidates.c.id),
        [{"interview_a": a, "interview_b": b, "reason": reason, "status": "pending",
          "found_at": at, "decided_by": None, "decided_at": None} for a, b, reason in rows])
    return len(added.all())


def _within(scope: Scope) -> Any:
    # both interviews: a pair with another checkpoint's interview would show that person
    c = match_candidates.c
    return and_(scope.on_interview(c.interview_a), scope.on_interview(c.interview_b))


def candidates(conn: Connection, status: str | None = None, scope: Scope = EVERYWHERE
               ) -> list[Candidate]:
    c = match_candidates.c
    query = select(match_candidates).where(_within(scope)).order_by(c.id)
    if status is not None:
        query = query.where(c.status == status)
    return [Candidate(**row._mapping) for row in conn.execute(query)]


def candidate(conn: Connection, match_id: int, scope: Scope = EVERYWHERE) -> Candidate | None:
    row = conn.execute(select(match_candidates).where(match_candidates.c.id == match_id,
                                                      _within(scope))).first()
    return Candidate(**row._mapping) if row else None


def decide(conn: Connection, match_id: int, status: str, by: str, at: str) -> bool:
    result = conn.execute(update(match_candidates).where(match_candidates.c.id == match_id)
                          .values(status=status, decided_by=by, decided_at=at))
    return result.rowcount == 1


def confirmed_involving(conn: Connection, ids: Iterable[str]) -> list[Candidate]:
    """Confirmed pairs with one of ``ids`` on either side."""
    c = match_candidates.c
    found: dict[int, Candidate] = {}
    for chunk in chunks(sorted(set(ids))):
        for row in conn.execute(select(match_candidates).where(
                c.status == "confirmed", or_(c.interview_a.in_(chunk),
                                             c.interview_b.in_(chunk)))):
            found[row.id] = Candidate(**row._mapping)
    return list(found.values())


def outcomes(conn: Connection, ids: Iterable[str]) -> dict[str, str | None]:
    """The outcome central computed for each interview (never the one the record claims)."""
    f = case_facts.c
    found: dict[str, str | None] = {}
    for chunk in chunks(sorted(set(ids))):
        found.update((row.interview_id, row.outcome) for row in conn.execute(
            select(f.interview_id, f.outcome).where(f.interview_id.in_(chunk))))
    return found


def records(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[dict[str, Any], str]]:
    """For display: id -> (checkpoint, outcome and status, the current record's JSON)."""
    i, r = interviews.c, interview_revisions.c
    found: dict[str, tuple[dict[str, Any], str]] = {}
    for chunk in chunks(sorted(set(ids))):
        query = (select(i.id, i.revision, i.checkpoint, case_facts.c.outcome, i.status,
                        r.record)
                 .join(interview_revisions,
                       (r.interview_id == i.id) & (r.revision == i.revision))
                 .outerjoin(case_facts, case_facts.c.interview_id == i.id)
                 .where(i.id.in_(chunk)))
        for row in conn.execute(query):
            found[row.id] = ({"checkpoint": row.checkpoint, "outcome": row.outcome,
                              "status": row.status},
                             atrest.of(conn).open_text(row.record, atrest.revision_place(
                                 row.id, row.revision)))
    return found


def as_dict(candidate: Candidate) -> dict[str, Any]:
    return asdict(candidate)
