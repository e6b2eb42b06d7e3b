"""The Responsible Authority's own records on a case: the formal identification the border
screening cannot give (identified victim of trafficking, potential victim, not a victim; with
victim-witness status and, for a foreign national, the reflection period and the temporary
residence permit) and follow-up contacts after the shelter. Both append-only, audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine

from screening.central.cases import queries as cases
from screening.central.cases.forms import known_forms
from screening.central.clock import utc_now
from screening.central.referrals import queries as q
from screening.central.referrals.access import Actor
from screening.central.referrals.registry import check_day
from screening.central.refusals import Refused
from screening.central.staff import audit

STATUSES = ("identified_victim", "potential_victim", "not_victim")
WITNESS = ("yes", "no", "unknown")
PERMIT = ("applied", "granted", "refused")  # the reflection period and the residence permit
HOME_COUNTRY = "AL"
TEXT_LIMIT = 1000


@dataclass(frozen=True)
class Identification:
    status: str
    decided_on: str
    basis: str
    victim_witness: str = "unknown"
    reflection_period: str = ""
    residence_permit: str = ""


@dataclass(frozen=True)
class FollowUp:
    contact_date: str
    organisation: str
    outcome: str
    next_date: str = ""


def identify(engine: Engine, interview_id: str, found: Identification, actor: Actor) -> None:
    _may(actor, "identify", "formal identification")
    decided_on = _day(found.decided_on, "the date of the decision")
    basis = _text(found.basis, "the basis of the decision")
    if found.status not in STATUSES:
        raise Refused(f"the status is one of {', '.join(STATUSES)}",
                      code="identification_status_unknown")
    if found.victim_witness not in WITNESS:
        raise Refused(f"victim-witness status is one of {', '.join(WITNESS)}",
                      code="identification_witness_unknown")
    for value in (found.reflection_period, found.residence_permit):
        if value and value not in PERMIT:
            raise Refused(f"a reflection period or residence permit is one of "
                          f"{', '.join(PERMIT)}", code="identification_permit_unknown")
    with engine.begin() as conn:
        reference = _case(conn, interview_id, actor)
        foreign = q.minimal(conn, interview_id).nationality not in (None, HOME_COUNTRY)
        if not foreign and (found.reflection_period or found.residence_permit):
            raise Refused("a reflection period and a temporary residence permit are for "
                          "foreign nationals; this person is Albanian",
                          code="identification_not_foreign")
        q.add_identification(conn, {
            "interview_id": interview_id, "status": found.status, "decided_on": decided_on,
            "basis": basis, "victim_witness": found.victim_witness,
            "reflection_period": found.reflection_period or None,
            "residence_permit": found.residence_permit or None,
            "recorded_at": utc_now(), "recorded_by": actor.name[:100]})
        audit.record(conn, actor.name, "case_identified", f"{reference} {found.status}")


def follow_up(engine: Engine, interview_id: str, contact: FollowUp, actor: Actor) -> None:
    _may(actor, "follow_up", "follow-up contacts")
    contact_date = _day(contact.contact_date, "the date of the contact")
    outcome = _text(contact.outcome, "the outcome of the contact")
    next_date = None
    if contact.next_date.strip():
        next_date = _next_day(contact.next_date, contact_date)
    with engine.begin() as conn:
        reference = _case(conn, interview_id, actor)
        if contact.organisation not in known_forms(conn).reference.organisations:
            raise Refused("choose the organisation from the referral directory",
                          code="organisation_unknown")
        q.add_follow_up(conn, {
            "interview_id": interview_id, "contact_date": contact_date,
            "organisation": contact.organisation, "outcome": outcome, "next_date": next_date,
            "recorded_at": utc_now(), "recorded_by": actor.name[:100]})
        audit.record(conn, actor.name, "follow_up_recorded", reference)


def of_case(conn: Connection, interview_id: str) -> dict[str, Any]:
    """What the case page shows of the registry: referrals, identification, follow-ups."""
    history = q.identification_history(conn, interview_id)
    return {"referrals": q.of_interview(conn, interview_id),
            "identification": history[0] if history else None,
            "identifications": history, "follow_ups": q.follow_ups_of(conn, interview_id),
            "foreign": q.minimal(conn, interview_id).nationality not in (None, HOME_COUNTRY)}


def _case(conn: Connection, interview_id: str, actor: Actor) -> str:
    found = cases.case(conn, interview_id, actor.scope)
    if found is None:
        raise Refused("central holds no such interview", code="interview_unknown")
    return str(found["case_reference"] or interview_id)


def _may(actor: Actor, right: str, what: str) -> None:
    if not actor.may(right):
        raise Refused(f"only the Responsible Authority's case workers record {what}",
                      code="referral_forbidden")


def _day(text: str, what: str) -> str:
    day = check_day(text)
    if day is None:
        raise Refused(f"give {what}, as 2026-12-02", code="date_missing")
    return day


def _next_day(text: str, after: str) -> str:
    try:
        day = dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise Refused(f"{text.strip()[:40]!r} is not a date; write it as 2026-12-02",
                      code="date_invalid") from None
    if day < after:
        raise Refused("the next contact cannot be before this one", code="date_invalid")
    return day


def _text(text: str, what: str) -> str:
    cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in text or "").split())
    if not cleaned:
        raise Refused(f"write {what}", code="text_missing")
    if len(cleaned) > TEXT_LIMIT:
        raise Refused(f"{what} is {len(cleaned)} characters long; keep it to {TEXT_LIMIT}",
                      code="text_too_long")
    return cleaned
