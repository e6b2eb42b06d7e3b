"""Generated case-registry data for the statistics tests: varied people referred to a shelter
at the checkpoint, admitted, leaving or expected to leave as the shelter records it, identified
formally or not by the Responsible Authority (tables 18-22)."""

from __future__ import annotations

from dataclasses import dataclass

from screening.central.referrals import casework, registry
from screening.central.referrals.access import Actor
from screening.central.referrals.registry import Step
from screening.central.service import Central
from tests.answer_sets import with_yes
from tests.central.conftest import enrol_station
from tests.central.console.helpers import adult, child, interview_record
from tests.central.referrals.cases import approved, send

RA = Actor("besa", "caseworker")


@dataclass(frozen=True)
class Person:
    """One returnee referred to a shelter, and what became of the referral."""

    given: str
    sex: str
    born: str
    nationality: str
    exploited_in: str
    day: str  # the interview's, in 2026
    suspected: bool = True
    admitted: str | None = None
    left: str | None = None
    expected: str | None = None
    status: str | None = None  # the formal decision
    witness: str = "unknown"
    permit: str = ""


PEOPLE = (
    Person("Ana", "female", "1999-03-01", "AL", "GB", "07-03", admitted="07-05",
           left="07-20", status="identified_victim", witness="yes"),  # a 2-week stay
    Person("Blerina", "female", "2009-01-10", "AL", "IT", "07-10", admitted="07-11",
           expected="2027-03-01", status="potential_victim"),  # still there: 7-8 months
    Person("Chidi", "male", "1985-06-30", "NG", "IT", "08-01", admitted="08-02",
           left="10-15", status="identified_victim", witness="no", permit="granted"),
    Person("Dritan", "male", "1994-11-11", "AL", "GR", "08-15", admitted="08-16"),
    Person("Elona", "female", "2002-02-02", "XK", "DE", "09-20", admitted="09-29",
           expected="2026-12-20", status="identified_victim", permit="applied"),
    Person("Fatima", "female", "1990-04-04", "PK", "GB", "09-28", admitted="10-02",
           expected="2027-06-01"),  # admitted in the next quarter: counted there
    Person("Gent", "male", "1988-08-08", "AL", "GR", "07-22", suspected=False,
           status="identified_victim"),  # identified although not suspected at the border
    Person("Hana", "female", "1975-12-12", "AL", "IT", "08-30", status="not_victim"),
)


def answers(person: Person) -> dict:
    facts = {"given_name": person.given, "sex": person.sex, "date_of_birth": person.born,
             "nationality": person.nationality, "country_of_exploitation": person.exploited_in,
             "interview_started_at": f"2026-{person.day}T10:00:00"}
    if person.nationality != "AL":  # a foreign national is told of both (the form asks)
        facts |= {"reflection_period_explained": "yes", "residence_permit_explained": "yes"}
    shelter = {"action_taken": "referred_shelter", "referral_organisation": "nrcvt",
               "referral_urgent": "no"}
    if not person.suspected:
        return adult(**facts)
    young = person.born >= "2008"
    base = child if young else adult
    extra = {"child_unaccompanied": "no"} if young else {}
    return with_yes(base(**facts, **extra, officer_outcome="suspected_victim", **shelter),
                    "ind_recruit_violence")


def register(central: Central) -> Central:
    """``PEOPLE`` at ``central``, with their referrals' steps and formal decisions."""
    station = enrol_station(central, "TIA")
    ids = {}
    for seq, person in enumerate(PEOPLE, 1):
        record = approved(answers(person), seq=seq)
        record.update(interview_record(answers(person), seq=seq,
                                       created_at=f"2026-{person.day}T11:00:00+00:00",
                                       interview_id=record["id"]) | {"status": "approved"})
        send(central, station, record)
        ids[person.given] = record["id"]
    shelter = Actor("drita", "partner", "nrcvt")
    rows, _total = registry.listing(central.engine, RA, organisation="nrcvt")
    by_interview = {row["interview_id"]: row["id"] for row in rows}
    for person in PEOPLE:
        if person.admitted:
            referral = by_interview[ids[person.given]]
            steps = [Step("accepted"), Step("arrived", day=f"2026-{person.admitted}"),
                     Step("admitted", day=f"2026-{person.admitted}")]
            if person.left:
                steps.append(Step("exited", day=f"2026-{person.left}"))
            if person.expected:
                steps.append(Step("exit_expected", day=person.expected))
            for step in steps:
                registry.record(central.engine, referral, step, shelter)
        if person.status:
            casework.identify(central.engine, ids[person.given], casework.Identification(
                person.status, "2026-11-01", "the case file", person.witness, "",
                person.permit), RA)
    return central
