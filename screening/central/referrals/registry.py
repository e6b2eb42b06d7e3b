"""The referral registry: referrals made as approved interviews arrive (``refresh``, in the
ingest's transaction), each event recorded by the organisation or the Responsible Authority
(``record``, audited, checked by ``lifecycle``), re-referral, and the lists staff work from
(a partner's inbox, the Responsible Authority's queue of declined and overdue referrals)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from screening.central.cases import queries as cases
from screening.central.cases.forms import known_forms
from screening.central.clock import utc_now
from screening.central.referrals import derive, lifecycle
from screening.central.referrals import queries as q
from screening.central.referrals.access import (
    Actor,
    may_see_person,
    organisation_scope,
    visible,
)
from screening.central.refusals import Refused
from screening.central.settings import Settings
from screening.central.staff import audit
from screening.central.staff.scope import EVERYWHERE, Scope
from screening.questionnaire.reference import Reference
from screening.reports.statistics import age_band

CHECKPOINT_ACTOR = "checkpoint"
REASON_LIMIT = 500
EARLIEST_DAY = "2000-01-01"
AHEAD_YEARS = 5  # the furthest an expected exit may lie ahead


# -- made from approved interviews -------------------------------------------------------------

def refresh(conn: Connection, now: str | None = None) -> int:
    """Make the referrals of every approved interview whose current revision they were not
    made from, in the caller's transaction; the number of referrals added. Idempotent: an
    organisation already referred to is not referred again; one a later revision no longer
    names is withdrawn while nothing has happened to it yet."""
    now, added = now or utc_now(), 0
    while stale := q.stale_sources(conn):
        for interview_id, revision in stale:
            added += _refresh_one(conn, interview_id, revision, now)
    return added


def _refresh_one(conn: Connection, interview_id: str, revision: int, now: str) -> int:
    text = cases.record(conn, interview_id)
    record = json.loads(text) if text else {}
    wanted = {w.source_key: w for w in derive.wanted(record)}
    held = {r["source_key"]: r for r in q.of_interview(conn, interview_id)}
    added = 0
    for key, want in wanted.items():
        existing = held.get(key)
        if existing is None:
            _add(conn, interview_id, want, derive.person(record), now)
            added += 1
        elif existing["status"] == lifecycle.WITHDRAWN:  # named again: sent again
            q.change(conn, existing["id"], status=lifecycle.SENT, sent_at=now, updated_at=now)
            q.add_event(conn, existing["id"], lifecycle.SENT, now, CHECKPOINT_ACTOR)
    for key, existing in held.items():
        if key.startswith("checkpoint:") and key not in wanted and \
                existing["status"] in (lifecycle.SENT, lifecycle.RECEIVED):
            q.change(conn, existing["id"], status=lifecycle.WITHDRAWN, updated_at=now)
            # a later revision of the interview no longer refers there
            q.add_event(conn, existing["id"], lifecycle.WITHDRAWN, now, CHECKPOINT_ACTOR)
    q.set_source(conn, interview_id, revision)
    return added


def _add(conn: Connection, interview_id: str, want: derive.Wanted, person: derive.Person,
         now: str, *, previous_id: int | None = None, kind: str | None = None,
         source_key: str | None = None, actor: str = CHECKPOINT_ACTOR,
         reason: str | None = None) -> int:
    facts = q.minimal(conn, interview_id)
    new_id = q.add(conn, {
        "interview_id": interview_id, "source_key": source_key or want.source_key,
        "kind": kind or want.kind, "organisation": want.organisation,
        "referral_type": want.referral_type, "urgent": want.urgent, "child": facts.child,
        "sex": facts.sex, "age_band": age_band(facts.age_years),
        "needs": ",".join(person.needs) or None,
        "data_sharing_consent": person.data_sharing_consent, "previous_id": previous_id,
        "status": lifecycle.SENT, "sent_at": now, "updated_at": now})
    q.add_event(conn, new_id, lifecycle.SENT, now, actor, reason)
    return new_id


# -- events ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    event: str
    reason: str = ""
    day: str | None = None  # ISO date; None: today
    organisation: str | None = None  # a re-referral's new organisation


def record(engine: Engine, referral_id: int, step: Step, actor: Actor) -> dict[str, Any]:
    """Record ``step`` on the referral as ``actor`` (checked, audited); the referral after it
    (a re-referral: the new referral)."""
    reason = clean_reason(step.reason)
    # any event may say the day it happened (DATED always do); an expected exit, a day ahead
    day = check_expected_day(step.day) if step.event in lifecycle.AHEAD else \
        check_day(step.day)
    if step.event in lifecycle.DATED and day is None:
        day = dt.datetime.now(dt.UTC).date().isoformat()
    with engine.begin() as conn:
        referral = _held(conn, referral_id, actor)
        if not actor.may("record_referral"):
            raise Refused("your account may not record referral events",
                          code="referral_forbidden")
        if step.event in lifecycle.AUTHORITY_ONLY and not actor.may("rerefer"):
            raise Refused("only the Responsible Authority refers a person elsewhere",
                          code="referral_forbidden")
        reference = known_forms(conn).reference
        state = lifecycle.State(referral["status"], bool(referral["child"]),
                                _child_protection(referral, reference),
                                referral["admission_date"], referral["guardian_date"],
                                referral["exit_date"])
        try:
            status = lifecycle.check(state, step.event, reason=reason, day=day)
        except lifecycle.StepRefused as refused:
            raise Refused(refused.message, code=refused.code) from None
        now = utc_now()
        result_id = referral_id
        if step.event == lifecycle.RE_REFERRED:
            result_id = _rerefer(conn, referral, step.organisation, reference, reason, now,
                                 actor)
        q.change(conn, referral_id, status=status, updated_at=now,
                 **_state_change(referral, step.event, day, now))
        q.add_event(conn, referral_id, step.event, now, actor.name, reason, day)
        audit.record(conn, actor.name, f"referral_{step.event}"[:40],
                     f"{referral['case_reference'] or referral['interview_id']} #{referral_id}")
        found = q.get(conn, result_id)
    assert found is not None
    return visible(actor, found)


def _held(conn: Connection, referral_id: int, actor: Actor) -> dict[str, Any]:
    referral = q.get(conn, referral_id, for_update=True)
    if referral is None:
        raise Refused("there is no such referral for your account", code="referral_unknown")
    visible(actor, referral)  # a partner's refusal reads as "no such referral"
    return referral


def _state_change(referral: dict[str, Any], event: str, day: str | None, now: str
                  ) -> dict[str, Any]:
    if event == lifecycle.RECEIVED or (event in (lifecycle.ACCEPTED, lifecycle.DECLINED)
                                       and referral["received_at"] is None):
        changes: dict[str, Any] = {"received_at": now}
    else:
        changes = {}
    if event == lifecycle.ACCEPTED:
        changes["accepted_at"] = now
    elif event == lifecycle.ADMITTED:
        changes["admission_date"] = day
    elif event == lifecycle.EXITED:
        changes["exit_date"] = day
    elif event == lifecycle.EXIT_EXPECTED:
        changes["expected_exit_date"] = day
    elif event == lifecycle.GUARDIAN:
        changes["guardian_date"] = day
    elif event in lifecycle.SERVICES:
        given = [s for s in (referral["services"] or "").split(",") if s]
        changes["services"] = ",".join(s for s in lifecycle.SERVICES
                                       if s in given or s == event)
    return changes


def _rerefer(conn: Connection, referral: dict[str, Any], organisation: str | None,
             reference: Reference, reason: str, now: str, actor: Actor) -> int:
    if not organisation or organisation not in reference.organisations:
        raise Refused("name the organisation to refer to, an id of the referral directory: "
                      f"{', '.join(sorted(reference.organisations))}",
                      code="organisation_unknown")
    found = reference.organisations[organisation]
    want = derive.Wanted("rereferral", organisation, found.type, bool(referral["urgent"]))
    person = derive.Person(tuple(n for n in (referral["needs"] or "").split(",") if n),
                           bool(referral["data_sharing_consent"]))
    return _add(conn, referral["interview_id"], want, person, now,
                previous_id=referral["id"], kind="rereferral",
                source_key=f"rereferral:{referral['id']}", actor=actor.name, reason=reason)


def _child_protection(referral: dict[str, Any], reference: Reference) -> bool:
    found = reference.organisations.get(referral["organisation"])
    return referral["referral_type"] == "child_protection" or (
        found is not None and found.type == "child_protection")


def clean_reason(text: str | None) -> str:
    """A reason as stored: its control characters gone, trimmed; longer than
    ``REASON_LIMIT`` is refused (never cut silently)."""
    cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in text or "").split())
    if len(cleaned) > REASON_LIMIT:
        raise Refused(f"the reason is {len(cleaned)} characters long; keep it to "
                      f"{REASON_LIMIT}", code="reason_too_long")
    return cleaned


def check_day(text: str | None) -> str | None:
    """An ISO date (2026-12-02) not in the future, or None when none is given."""
    if text is None or not text.strip():
        return None
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise Refused(f"{text.strip()[:40]!r} is not a date; write it as 2026-12-02",
                      code="date_invalid") from None
    today = dt.datetime.now(dt.UTC).date()
    if day > today + dt.timedelta(days=1):  # a day's grace: Tirana is ahead of UTC
        raise Refused(f"{day.isoformat()} is in the future", code="date_future")
    if day.isoformat() < EARLIEST_DAY:
        raise Refused(f"{day.isoformat()} is before {EARLIEST_DAY}", code="date_invalid")
    return day.isoformat()


def check_expected_day(text: str | None) -> str | None:
    """A day to come (an expected exit), as an ISO date no further than ``AHEAD_YEARS``
    ahead; None when none is given (the lifecycle asks for it)."""
    if text is None or not text.strip():
        return None
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise Refused(f"{text.strip()[:40]!r} is not a date; write it as 2027-03-31",
                      code="date_invalid") from None
    latest = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=366 * AHEAD_YEARS)
    if day > latest or day.isoformat() < EARLIEST_DAY:
        raise Refused(f"{day.isoformat()} is not a likely day to leave: give one between "
                      f"{EARLIEST_DAY} and {latest.isoformat()}", code="date_invalid")
    return day.isoformat()


# -- lists -------------------------------------------------------------------------------------

def listing(engine: Engine, actor: Actor, *, organisation: str | None = None,
            status: str | None = None, limit: int = 500, offset: int = 0
            ) -> tuple[list[dict[str, Any]], int]:
    """Referrals ``actor`` may see (a partner: its own, whatever ``organisation`` says)."""
    if status is not None and status not in lifecycle.STATUSES:
        raise Refused(f"unknown status {status[:40]!r}; one of {', '.join(lifecycle.STATUSES)}",
                      code="referral_status_unknown")
    scope = organisation_scope(actor)
    with engine.connect() as conn:
        if organisation is not None and organisation not in \
                known_forms(conn).reference.organisations:
            raise Refused(f"no organisation {organisation[:100]!r} in the referral directory",
                          code="organisation_unknown")
        rows, total = q.listing(conn, q.Wanted(scope or organisation, status), limit, offset,
                                actor.scope)
    return [visible(actor, row) for row in rows], total


def overdue(engine: Engine, settings: Settings, now: dt.datetime | None = None,
            scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """Referrals not received in time, or urgent ones not accepted in time (of ``scope``'s
    checkpoints); each with ``late``: "not_received" or "not_accepted"."""
    moment = now or dt.datetime.now(dt.UTC)
    receive_before = (moment - dt.timedelta(hours=settings.receive_hours)).isoformat(
        timespec="microseconds")
    accept_before = (moment - dt.timedelta(hours=settings.urgent_accept_hours)).isoformat(
        timespec="microseconds")
    with engine.connect() as conn:
        rows = q.overdue(conn, receive_before=receive_before, accept_before=accept_before,
                         scope=scope)
    for row in rows:
        row["late"] = ("not_accepted" if row["urgent"] and row["sent_at"] < accept_before
                       else "not_received")
    return rows


def by_status(engine: Engine, settings: Settings, now: dt.datetime | None = None,
              scope: Scope = EVERYWHERE) -> tuple[dict[str, int], int]:
    """The Responsible Authority's dashboard: referrals per status now, and how many of them
    are overdue (the rule of ``overdue``), of ``scope``'s checkpoints."""
    with engine.connect() as conn:
        counts = q.by_status(conn, scope)
    return counts, len(overdue(engine, settings, now, scope))


def to_rerefer(engine: Engine, actor: Actor) -> list[dict[str, Any]]:
    """Declined referrals, and people who did not arrive: the Responsible Authority's to
    refer elsewhere."""
    if not actor.may("see_referrals"):
        raise Refused("your account may not see the re-referral queue",
                      code="referral_forbidden")
    with engine.connect() as conn:
        rows, _total = q.listing(conn, q.Wanted(statuses=lifecycle.TO_REREFER),
                                 scope=actor.scope)
    return rows


PERSON_FIELDS = ("given_name", "family_name", "date_of_birth", "nationality",
                 "interview_language")


def _person(conn: Connection, interview_id: str) -> dict[str, Any]:
    """What the receiving organisation needs to know whom to expect, with consent."""
    text = cases.record(conn, interview_id)
    answers = derive.answers(json.loads(text)) if text else {}
    return {name: answers.get(name) for name in PERSON_FIELDS}


def view(engine: Engine, referral_id: int, actor: Actor) -> dict[str, Any]:
    """One referral with its events, as ``actor`` may see it; the view is audited."""
    with engine.begin() as conn:
        found = q.get(conn, referral_id)
        if found is None:
            raise Refused("there is no such referral for your account",
                          code="referral_unknown")
        shown = visible(actor, found)
        shown["events"] = q.events(conn, referral_id)
        shown["interview_id"] = found["interview_id"]
        shown["person"] = _person(conn, found["interview_id"]) \
            if may_see_person(actor, found) else None
        audit.record(conn, actor.name, "referral_viewed",
                     f"{found['case_reference'] or found['interview_id']} #{referral_id}")
    return shown


def statuses_of_device(conn: Connection, device_id: str) -> list[dict[str, Any]]:
    """What the workstation learns of its own interviews' referrals: status, organisation,
    the day and reason of the last step — nothing of the person (sync.packages)."""
    found = []
    for row in q.of_device(conn, device_id):
        last = q.last_event(conn, row["id"]) or {}
        found.append({"referral": row["id"], "interview_id": row["interview_id"],
                      "organisation": row["organisation"], "status": row["status"],
                      "updated_at": row["updated_at"], "day": last.get("day"),
                      "reason": last.get("reason"), "previous": row["previous_id"]})
    return found
