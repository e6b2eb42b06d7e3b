"""Repeat victims at central: find candidate matches between interviews, let staff confirm or
reject them, and tell the statistics which interviews are repeats by a confirmed match.

``refresh`` is incremental: it reads only interviews whose current revision has no keys yet,
and compares them with the others by index lookups on the normalised keys. The ingest calls it
after each batch (and opening central once, for older data), so listing only reads."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine

from screening.central.clock import utc_now
from screening.central.database import retry_on_conflict
from screening.central.refusals import Refused
from screening.central.repeats import matching
from screening.central.repeats import queries as q
from screening.central.staff import audit
from screening.central.staff.scope import EVERYWHERE, Scope

if TYPE_CHECKING:
    from screening.central.service import Central

STATUSES = ("pending", "confirmed", "rejected")
DECISIONS = ("confirmed", "rejected")
VICTIM_OUTCOMES = frozenset({"suspected_victim", "presumed_victim"})
_PAGE = 2000  # interviews keyed per transaction


def refresh(engine: Engine) -> int:
    """Key every interview not keyed at its current revision and record new candidate pairs;
    the number of new pairs."""
    found = 0
    while True:
        added, more = retry_on_conflict(engine, _key_and_pair)
        found += added
        if not more:
            return found


def _key_and_pair(conn: Connection) -> tuple[int, bool]:
    q.lock_for_refresh(conn)
    rows = q.stale(conn, _PAGE)
    people = [(q.hidden(conn, matching.person_from_record(json.loads(record))), revision)
              for _, revision, record in rows]
    q.put_keys(conn, people)
    fresh = [p for p, _ in people]
    others = q.sharing_keys(conn, [p.document_key for p in fresh if p.document_key],
                            [p.name_key for p in fresh if p.name_key])
    pairs = _pairs(fresh, others)
    added = q.add_candidates(conn, [(a, b, why) for (a, b), why in sorted(pairs.items())],
                             utc_now())
    return added, len(rows) == _PAGE


def _pairs(fresh: list[matching.Person], others: list[matching.Person]
           ) -> dict[tuple[str, str], str]:
    # Grouped by key, each person is compared only with those sharing a key: a page of new
    # interviews costs about its own size, not its size times everyone's.
    by_key: dict[tuple[str, str], list[matching.Person]] = defaultdict(list)
    for other in others:
        for key in _keys(other):
            by_key[key].append(other)
    pairs: dict[tuple[str, str], str] = {}
    for person in fresh:
        for other in (o for key in _keys(person) for o in by_key[key]):
            why = matching.reason(person, other)
            if why:
                a, b = sorted((person.interview_id, other.interview_id))
                pairs.setdefault((a, b), why)
    return pairs


def _keys(person: matching.Person) -> list[tuple[str, str]]:
    return [(kind, key) for kind, key in (("document", person.document_key),
                                          ("name", person.name_key)) if key]


# -- what staff see and decide ------------------------------------------------------------------

def list_candidates(central: Central, status: str | None = "pending",
                    scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """Candidate pairs (both interviews of ``scope``'s checkpoints), each with both
    interviews described for a decision: JSON-ready dicts (see ``describe``)."""
    if status is not None and status not in STATUSES:
        raise Refused(f"status must be one of {', '.join(STATUSES)}", code="request_malformed")
    with central.engine.connect() as conn:
        found = q.candidates(conn, status, scope)
        return describe(conn, found)


def get_candidate(central: Central, match_id: int, scope: Scope = EVERYWHERE
                  ) -> dict[str, Any]:
    with central.engine.connect() as conn:
        found = q.candidate(conn, match_id, scope)
        if found is None:
            raise Refused(f"no candidate match {match_id}", code="match_unknown")
        return describe(conn, [found])[0]


def decide(central: Central, match_id: int, decision: str, by: str,
           scope: Scope = EVERYWHERE) -> dict[str, Any]:
    """Confirm or reject a candidate (a decision may be changed; the last one counts, with
    who made it and when; the staff audit keeps every one)."""
    if decision not in DECISIONS:
        raise Refused(f"a decision is one of {', '.join(DECISIONS)}", code="request_malformed")
    if not by.strip() or len(by) > 100:
        raise Refused("name the staff member deciding (up to 100 characters)",
                      code="request_malformed")
    with central.engine.begin() as conn:
        if q.candidate(conn, match_id, scope) is None or \
                not q.decide(conn, match_id, decision, by.strip(), utc_now()):
            raise Refused(f"no candidate match {match_id}", code="match_unknown")
        audit.record(conn, by.strip(), f"match_{decision}", str(match_id))
    return get_candidate(central, match_id, scope)


def describe(conn: Connection, found: list[q.Candidate]) -> list[dict[str, Any]]:
    held = q.records(conn, [c.interview_a for c in found] + [c.interview_b for c in found])
    return [{**q.as_dict(c), "interviews": [side(iid, held.get(iid)) for iid in
                                             (c.interview_a, c.interview_b)]} for c in found]


def side(interview_id: str, held: tuple[dict[str, Any], str] | None) -> dict[str, Any]:
    if held is None:
        return {"id": interview_id}
    row, record_json = held
    record = json.loads(record_json)
    answers = record.get("answers") if isinstance(record.get("answers"), dict) else {}
    return {"id": interview_id, **row,
            "interviewed_at": answers.get("interview_started_at") or record.get("created_at"),
            **{name: answers.get(name) for name in (
                "given_name", "family_name", "date_of_birth", "age_estimate", "sex",
                "nationality", "id_document_number", "previously_assisted_as_victim")}}


# -- the statistics -----------------------------------------------------------------------------

def repeat_ids(conn: Connection, interview_ids: Collection[str]) -> set[str]:
    """Which of ``interview_ids`` are repeat victims by a confirmed match: the later interview
    of a confirmed pair whose earlier interview's outcome was suspected or presumed victim (a
    person screened before with no indicators is not a *repeat* victim)."""
    wanted = set(interview_ids)
    pairs = q.confirmed_involving(conn, wanted)
    ids = {i for c in pairs for i in (c.interview_a, c.interview_b)}
    people, outcomes = q.people(conn, ids), q.outcomes(conn, ids)
    repeats = set()
    for earlier, later in _ordered(pairs, people):
        if later in wanted and outcomes.get(earlier) in VICTIM_OUTCOMES:
            repeats.add(later)
    return repeats


def _ordered(pairs: Iterable[q.Candidate], people: dict[str, matching.Person]
             ) -> Iterable[tuple[str, str]]:
    for pair in pairs:
        a, b = people.get(pair.interview_a), people.get(pair.interview_b)
        if a and b:
            first, second = matching.ordered(a, b)
            yield first.interview_id, second.interview_id
