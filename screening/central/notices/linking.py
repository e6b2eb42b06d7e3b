"""Which interview is the arrival of which notice.

An interview started from a notice at the workstation names it (``notice_id`` in the record,
docs/protocol.md): it is linked as it arrives. Any other interview of the same checkpoint
whose person matches an unlinked notice expected near its date, by the repeat-victim
tolerance (``repeats.matching``), is *suggested*; staff confirm or reject the suggestion. A
notice still unlinked once it has left the workstations' window is *overdue*: nobody arrived,
or nobody was matched."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine

from screening.central.clock import utc_now
from screening.central.database import retry_on_conflict
from screening.central.notices import queries as q
from screening.central.refusals import Refused
from screening.central.repeats import candidates, matching
from screening.central.repeats import queries as repeats
from screening.central.settings import NOTICE_LATE_DAYS, NOTICE_WINDOW_DAYS
from screening.central.staff import audit
from screening.central.staff.scope import EVERYWHERE, Scope

if TYPE_CHECKING:
    from screening.central.service import Central

STARTED, CONFIRMED = "started", "confirmed"
DECISIONS = ("confirmed", "rejected")
BY_WORKSTATION = "workstation"
# An interview received longer ago than this is not compared again: the refresh after each
# batch reads the recent arrivals, not the whole archive.
RECENT_DAYS = 30


def refresh(engine: Engine) -> int:
    """Link the interviews started from a notice and suggest the others; how many changed."""
    return retry_on_conflict(engine, _refresh)


def _refresh(conn: Connection) -> int:
    at = utc_now()
    known = q.suggested_pairs(conn)
    changed = 0
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=RECENT_DAYS)).isoformat()
    for interview_id, checkpoint, text in q.records_without_link(conn, since):
        record = json.loads(text)
        named = record.get("notice_id")
        notice = q.get(conn, named) if isinstance(named, str) else None
        if notice and notice["interview_id"] is None and notice["checkpoint"] == checkpoint:
            q.link(conn, notice["id"], interview_id, STARTED, at, BY_WORKSTATION)
            q.close_others(conn, notice["id"], interview_id, BY_WORKSTATION, at)
            changed += 1
            continue
        changed += _suggest(conn, interview_id, checkpoint, record, known, at)
    return changed


def _suggest(conn: Connection, interview_id: str, checkpoint: str, record: dict[str, Any],
             known: set[tuple[str, str]], at: str) -> int:
    person = matching.person_from_record(record)
    day = _day(person.interviewed_at)
    if person.name_key is None or day is None:
        return 0
    first = (day - dt.timedelta(days=NOTICE_WINDOW_DAYS)).isoformat()
    last = (day + dt.timedelta(days=NOTICE_WINDOW_DAYS)).isoformat()
    added = 0
    for notice in q.window(conn, checkpoint, first, last):
        why = matching.reason(notice.person(), person)
        if why and (notice.id, interview_id) not in known:
            q.add_suggestion(conn, notice.id, interview_id, why, at)
            known.add((notice.id, interview_id))
            added += 1
    return added


def pending(central: Central, scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """The suggestions staff have to decide (of ``scope``'s checkpoints), each with its notice
    and its interview as the repeat-victim page shows one (``repeats.candidates.side``)."""
    with central.engine.connect() as conn:
        found = q.suggestions(conn, "pending", scope)
        held = repeats.records(conn, [s["interview_id"] for s in found])
        notices = {s["notice_id"]: q.get(conn, s["notice_id"]) for s in found}
    return [{**s, "notice": notices[s["notice_id"]],
             "interview": candidates.side(s["interview_id"], held.get(s["interview_id"]))}
            for s in found]


def decide(central: Central, suggestion_id: int, decision: str, by: str,
           scope: Scope = EVERYWHERE) -> dict[str, Any]:
    """Confirm (the notice is linked to the interview) or reject a suggestion; audited."""
    if decision not in DECISIONS:
        raise Refused(f"decide {' or '.join(DECISIONS)}", code="decision_invalid")

    def work(conn: Connection) -> dict[str, Any]:
        found = q.suggestion(conn, suggestion_id, scope)
        if found is None:
            raise Refused(f"no suggested arrival #{suggestion_id}", code="suggestion_unknown")
        if found["status"] != "pending":
            raise Refused(f"suggested arrival #{suggestion_id} was already {found['status']}",
                          code="suggestion_decided")
        at = utc_now()
        q.decide(conn, suggestion_id, decision, by, at)
        if decision == "confirmed":
            q.link(conn, found["notice_id"], found["interview_id"], CONFIRMED, at, by)
            q.close_others(conn, found["notice_id"], found["interview_id"], by, at)
        audit.record(conn, by, f"notice_link_{decision}", found["notice_id"])
        return {**found, "status": decision}
    return retry_on_conflict(central.engine, work)


def overdue(central: Central, today: dt.date | None = None, scope: Scope = EVERYWHERE
            ) -> list[dict[str, Any]]:
    """Unlinked notices that have left the workstations' window."""
    day = today or dt.datetime.now(dt.UTC).date()
    with central.engine.connect() as conn:
        return q.overdue(conn, (day - dt.timedelta(days=NOTICE_LATE_DAYS)).isoformat(), scope)


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
