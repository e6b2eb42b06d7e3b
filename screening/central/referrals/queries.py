"""SQL on the case registry: referrals with their events, the revision each approved
interview's referrals were made from, formal identifications and follow-up contacts. Never the
interview records themselves: those are read through ``cases.queries``."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from screening import lifecycle as interview_lifecycle
from screening.central.referrals import lifecycle
from screening.central.schema import (
    case_facts,
    follow_ups,
    identifications,
    interviews,
    referral_events,
    referral_sources,
    referrals,
)
from screening.central.staff.scope import EVERYWHERE, Scope


def stale_sources(conn: Connection, limit: int = 500) -> list[tuple[str, int]]:
    """(interview id, current revision) of approved interviews whose referrals were not made
    from that revision yet."""
    i, s = interviews.c, referral_sources.c
    rows = conn.execute(
        select(i.id, i.revision)
        .select_from(interviews.outerjoin(referral_sources, s.interview_id == i.id))
        .where(i.status == interview_lifecycle.APPROVED,
               or_(s.interview_id.is_(None), s.revision != i.revision))
        .order_by(i.id).limit(limit))
    return [(row.id, row.revision) for row in rows]


def set_source(conn: Connection, interview_id: str, revision: int) -> None:
    s = referral_sources.c
    if conn.execute(update(referral_sources).where(s.interview_id == interview_id)
                    .values(revision=revision)).rowcount == 0:
        conn.execute(insert(referral_sources).values(interview_id=interview_id,
                                                     revision=revision))


@dataclass(frozen=True)
class Minimal:
    """An interview's facts a referral keeps (from ``case_facts``)."""

    child: bool
    sex: str | None
    age_years: int | None
    nationality: str | None = None


def minimal(conn: Connection, interview_id: str) -> Minimal:
    row = conn.execute(select(case_facts.c.child, case_facts.c.facts)
                       .where(case_facts.c.interview_id == interview_id)).first()
    if row is None:
        return Minimal(False, None, None)
    facts = json.loads(row.facts) if row.facts else {}
    age = facts.get("age_years")
    return Minimal(bool(row.child), facts.get("sex"), age if isinstance(age, int) else None,
                   facts.get("nationality"))


# -- referrals ---------------------------------------------------------------------------------

_REFERRAL = (referrals.c.id, referrals.c.interview_id, referrals.c.source_key, referrals.c.kind,
             referrals.c.organisation, referrals.c.referral_type, referrals.c.urgent,
             referrals.c.child, referrals.c.sex, referrals.c.age_band, referrals.c.needs,
             referrals.c.data_sharing_consent, referrals.c.previous_id, referrals.c.status,
             referrals.c.sent_at, referrals.c.received_at, referrals.c.accepted_at,
             referrals.c.updated_at, referrals.c.admission_date, referrals.c.exit_date,
             referrals.c.guardian_date, referrals.c.services, referrals.c.expected_exit_date)


def _listed() -> Any:
    """Referrals with their case reference and their interview's checkpoint."""
    return (select(*_REFERRAL, case_facts.c.case_reference, interviews.c.checkpoint)
            .select_from(referrals.join(interviews, interviews.c.id == referrals.c.interview_id)
                         .outerjoin(case_facts,
                                    case_facts.c.interview_id == referrals.c.interview_id)))


def of_interview(conn: Connection, interview_id: str) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(
        _listed().where(referrals.c.interview_id == interview_id).order_by(referrals.c.id))]


def add(conn: Connection, row: dict[str, Any]) -> int:
    return int(conn.execute(insert(referrals).values(**row).returning(referrals.c.id))
               .scalar_one())


def change(conn: Connection, referral_id: int, **values: Any) -> None:
    conn.execute(update(referrals).where(referrals.c.id == referral_id).values(**values))


def add_event(conn: Connection, referral_id: int, event: str, at: str, actor: str,
              reason: str | None = None, day: str | None = None) -> None:
    conn.execute(insert(referral_events).values(referral_id=referral_id, event=event, at=at,
                                                actor=actor[:100], reason=reason or None,
                                                day=day))


def get(conn: Connection, referral_id: int, *, for_update: bool = False
        ) -> dict[str, Any] | None:
    query = (select(*_REFERRAL, case_facts.c.case_reference, interviews.c.device_id,
                    interviews.c.checkpoint)
             .select_from(referrals.join(interviews, interviews.c.id == referrals.c.interview_id)
                          .outerjoin(case_facts,
                                     case_facts.c.interview_id == referrals.c.interview_id))
             .where(referrals.c.id == referral_id))
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update(of=referrals)
    row = conn.execute(query).first()
    return dict(row._mapping) if row else None


def events(conn: Connection, referral_id: int) -> list[dict[str, Any]]:
    e = referral_events.c
    return [dict(r._mapping) for r in conn.execute(
        select(e.event, e.at, e.actor, e.reason, e.day).where(e.referral_id == referral_id)
        .order_by(e.id))]


@dataclass(frozen=True)
class Wanted:
    organisation: str | None = None
    status: str | None = None
    statuses: Sequence[str] = ()


def listing(conn: Connection, wanted: Wanted, limit: int = 500, offset: int = 0,
            scope: Scope = EVERYWHERE) -> tuple[list[dict[str, Any]], int]:
    """Referrals, the most recently changed first, with their case reference; and how many."""
    r = referrals.c
    where = [scope.on_interview(r.interview_id)]
    if wanted.organisation is not None:
        where.append(r.organisation == wanted.organisation)
    if wanted.status is not None:
        where.append(r.status == wanted.status)
    if wanted.statuses:
        where.append(r.status.in_(list(wanted.statuses)))
    total = int(conn.execute(select(func.count()).select_from(referrals).where(*where))
                .scalar_one())
    rows = conn.execute(
        _listed().where(*where).order_by(r.updated_at.desc(), r.id.desc())
        .limit(limit).offset(offset))
    return [dict(row._mapping) for row in rows], total


def by_status(conn: Connection, scope: Scope = EVERYWHERE) -> dict[str, int]:
    """How many referrals are in each status now (the dashboard's counts)."""
    r = referrals.c
    return {status: int(n) for status, n in conn.execute(
        select(r.status, func.count()).where(scope.on_interview(r.interview_id))
        .group_by(r.status).order_by(r.status))}


def overdue(conn: Connection, *, receive_before: str, accept_before: str,
            scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """Open referrals not received by ``receive_before``, and urgent ones not accepted by
    ``accept_before`` (times sent, as ISO text)."""
    r = referrals.c
    late = or_(and_(r.status == lifecycle.SENT, r.sent_at < receive_before),
               and_(r.urgent.is_(True), r.status.in_((lifecycle.SENT, lifecycle.RECEIVED)),
                    r.sent_at < accept_before))
    return [dict(row._mapping) for row in conn.execute(
        _listed().where(late, scope.on_interview(r.interview_id)).order_by(r.sent_at, r.id))]


def of_device(conn: Connection, device_id: str) -> list[dict[str, Any]]:
    """The referrals of a workstation's interviews, for its status download."""
    r = referrals.c
    return [dict(row._mapping) for row in conn.execute(
        select(r.id, r.interview_id, r.organisation, r.status, r.updated_at, r.previous_id)
        .select_from(referrals.join(interviews, interviews.c.id == r.interview_id))
        .where(interviews.c.device_id == device_id).order_by(r.id))]


def last_event(conn: Connection, referral_id: int) -> dict[str, Any] | None:
    """The newest step that happened (an expected exit has not: its day lies ahead, and it is
    not the checkpoint's to know)."""
    e = referral_events.c
    row = conn.execute(select(e.event, e.at, e.reason, e.day)
                       .where(e.referral_id == referral_id,
                              e.event.not_in(("sent", *lifecycle.AHEAD)))
                       .order_by(e.id.desc()).limit(1)).first()
    return dict(row._mapping) if row else None


def has_referral_to(conn: Connection, interview_id: str, organisation: str) -> bool:
    r = referrals.c
    return conn.execute(select(r.id).where(r.interview_id == interview_id,
                                           r.organisation == organisation).limit(1)
                        ).first() is not None


# -- identification and follow-up --------------------------------------------------------------

def add_identification(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(insert(identifications).values(**row))


def identification_history(conn: Connection, interview_id: str) -> list[dict[str, Any]]:
    """Newest first: the first is the case's formal status."""
    c = identifications.c
    return [dict(r._mapping) for r in conn.execute(
        select(c.status, c.decided_on, c.basis, c.victim_witness, c.reflection_period,
               c.residence_permit, c.recorded_at, c.recorded_by)
        .where(c.interview_id == interview_id).order_by(c.id.desc()))]


def add_follow_up(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(insert(follow_ups).values(**row))


def follow_ups_of(conn: Connection, interview_id: str) -> list[dict[str, Any]]:
    c = follow_ups.c
    return [dict(r._mapping) for r in conn.execute(
        select(c.contact_date, c.organisation, c.outcome, c.next_date, c.recorded_at,
               c.recorded_by)
        .where(c.interview_id == interview_id).order_by(c.contact_date.desc(), c.id.desc()))]


# -- for the statistics (screening/central/statistics/registry.py) -----------------------------

def shelter_stays(conn: Connection, shelters: Collection[str]
                  ) -> list[tuple[str, str, str | None, str | None]]:
    """(interview id, admission, exit, expected exit) of every referral with an admission to
    a shelter (a referral of type shelter, or to an organisation of ``shelters``), the
    earliest admission of each interview first."""
    r = referrals.c
    return [(row.interview_id, row.admission_date, row.exit_date, row.expected_exit_date)
            for row in conn.execute(
                select(r.interview_id, r.admission_date, r.exit_date, r.expected_exit_date)
                .where(r.admission_date.is_not(None),
                       or_(r.referral_type == "shelter", r.organisation.in_(list(shelters))))
                .order_by(r.interview_id, r.admission_date, r.id))]


def newest_identifications(conn: Connection) -> dict[str, dict[str, Any]]:
    """Each identified case's formal status, witness status and residence permit: its newest
    decision (by interview id)."""
    c = identifications.c
    newest: dict[str, dict[str, Any]] = {}
    for row in conn.execute(select(c.interview_id, c.status, c.victim_witness,
                                   c.residence_permit).order_by(c.id)):
        newest[row.interview_id] = dict(row._mapping)
    return newest
