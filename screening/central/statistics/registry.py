"""What the case registry adds to each interview's facts for the statistics (tables 18-22,
screening/reports/registrytables.py): the first stay in a shelter (admission, exit or the exit
expected) and the Responsible Authority's newest formal decision (status, victim-witness,
temporary residence permit). Facts that come through here say ``registry``: central's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy import Connection

from screening.central.cases.forms import known_forms
from screening.central.referrals import queries as q
from screening.reports.statistics import Facts

SHELTER = "shelter"  # the referral directory's type of a shelter


def with_registry(conn: Connection, facts: Mapping[str, Facts]) -> dict[str, Facts]:
    """``facts`` (by interview id) completed from the registry."""
    shelters = [oid for oid, org in known_forms(conn).reference.organisations.items()
                if org.type == SHELTER]
    first: dict[str, tuple[str | None, str | None, str | None]] = {}
    for stay in q.shelter_stays(conn, shelters):  # the earliest admission first
        first.setdefault(stay[0], stay[1:])
    decided = q.newest_identifications(conn)
    done = {}
    none: tuple[str | None, str | None, str | None] = (None, None, None)
    for interview_id, fact in facts.items():
        admitted, left, expected = first.get(interview_id, none)
        decision = decided.get(interview_id, {})
        done[interview_id] = replace(
            fact, registry=True, shelter_admission=_day(admitted), shelter_exit=_day(left),
            shelter_expected_exit=_day(expected), formal_status=decision.get("status"),
            victim_witness=decision.get("victim_witness"),
            residence_permit=decision.get("residence_permit"))
    return done


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
