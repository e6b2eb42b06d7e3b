"""A referral's life, in one place for the console, the command line and the statistics:

    sent ─▶ received ─▶ accepted ─▶ arrived ─▶ (admitted, services, guardian, exited) ─▶ closed
      │         │          └──────▶ did_not_arrive ─────────────────────────────────▶ closed
      └─────────┴─▶ declined ─▶ re_referred  (a new referral, linked to the declined one)

Accepting or declining a referral not yet marked received records its receipt too (the
organisation plainly has it). ``withdrawn``: a later revision of the interview no longer
refers there; only central itself records it. Pure: no SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SENT, RECEIVED, ACCEPTED, DECLINED = "sent", "received", "accepted", "declined"
ARRIVED, DID_NOT_ARRIVE, CLOSED = "arrived", "did_not_arrive", "closed"
RE_REFERRED, WITHDRAWN = "re_referred", "withdrawn"
STATUSES = (SENT, RECEIVED, ACCEPTED, DECLINED, ARRIVED, DID_NOT_ARRIVE, CLOSED, RE_REFERRED,
            WITHDRAWN)
OPEN = (SENT, RECEIVED, ACCEPTED, ARRIVED, DID_NOT_ARRIVE)
# waiting for the Responsible Authority: to be referred elsewhere
TO_REREFER = (DECLINED, DID_NOT_ARRIVE)

SERVICES = ("medical", "psychological", "legal", "reintegration", "education")
ADMITTED, EXITED, GUARDIAN = "admitted", "exited", "guardian_appointed"
# the day the organisation expects the person to leave (the shelter table's anticipated stay);
# recorded again when the plan changes, the newest counts
EXIT_EXPECTED = "exit_expected"
# the events staff record, with the statuses each may follow and the status it leads to
# (None: the status stays, a service is noted)
STEPS: dict[str, tuple[tuple[str, ...], str | None]] = {
    RECEIVED: ((SENT,), RECEIVED),
    ACCEPTED: ((SENT, RECEIVED), ACCEPTED),
    DECLINED: ((SENT, RECEIVED), DECLINED),
    ARRIVED: ((ACCEPTED,), ARRIVED),
    DID_NOT_ARRIVE: ((ACCEPTED,), DID_NOT_ARRIVE),
    ADMITTED: ((ARRIVED,), None),
    EXITED: ((ARRIVED,), None),
    EXIT_EXPECTED: ((ARRIVED,), None),
    GUARDIAN: ((ACCEPTED, ARRIVED), None),
    **{service: ((ARRIVED,), None) for service in SERVICES},
    CLOSED: ((ARRIVED, DID_NOT_ARRIVE), CLOSED),
    RE_REFERRED: (TO_REREFER, RE_REFERRED),
}
EVENTS = tuple(STEPS)
NEEDS_REASON = (DECLINED, CLOSED, RE_REFERRED)
DATED = (ARRIVED, ADMITTED, EXITED, GUARDIAN, *SERVICES)  # a day the event happened
AHEAD = (EXIT_EXPECTED,)  # a day to come: given, never today by default
# only the Responsible Authority refers a person elsewhere
AUTHORITY_ONLY = (RE_REFERRED,)


@dataclass(frozen=True)
class State:
    """What the checks need of a referral."""

    status: str
    child: bool
    child_protection: bool  # addressed to child protection (by type or by organisation)
    admission_date: str | None
    guardian_date: str | None
    exit_date: str | None = None


class StepRefused(Exception):
    """An event that may not follow the referral's state, with a message that says why and
    what to do instead; ``code`` names it for the console's catalogue."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check(state: State, event: str, *, reason: str, day: str | None) -> str:
    """The status after ``event``, or ``StepRefused``."""
    if event not in STEPS:
        raise StepRefused("referral_event_unknown",
                          f"unknown event {event!r}; one of {', '.join(EVENTS)}")
    after, leads_to = STEPS[event]
    if state.status not in after:
        raise StepRefused("referral_step_refused",
                          f"a referral that is {_words(state.status)} cannot be "
                          f"{_words(event)}: that follows only {_either(after)}")
    if event in NEEDS_REASON and not reason:
        raise StepRefused("referral_reason_missing", f"say why the referral is {_words(event)}")
    if event == GUARDIAN and not state.child:
        raise StepRefused("referral_not_child",
                          "a guardian is appointed only for a child; this referral is an "
                          "adult's")
    if event == EXITED:
        if state.admission_date is None:
            raise StepRefused("referral_exit_before_admission",
                              "record the admission before the exit")
        if day is not None and day < state.admission_date:
            raise StepRefused("referral_exit_before_admission",
                              f"the exit ({day}) cannot be before the admission "
                              f"({state.admission_date})")
    if event == EXIT_EXPECTED:
        _check_expected(state, day)
    if event == CLOSED and state.child and state.child_protection and \
            state.guardian_date is None:
        raise StepRefused("referral_guardian_missing",
                          "a child referred to child protection cannot be closed before the "
                          "guardian appointed is recorded (a child who did not arrive is "
                          "referred again)")
    return leads_to or state.status


def _check_expected(state: State, day: str | None) -> None:
    if state.admission_date is None:
        raise StepRefused("referral_exit_before_admission",
                          "record the admission before the expected exit")
    if state.exit_date is not None:
        raise StepRefused("referral_step_refused",
                          f"the person already left on {state.exit_date}: an expected exit "
                          "is for a person still accommodated")
    if day is None:
        raise StepRefused("date_missing",
                          "give the day the person is expected to leave, as 2027-03-31")
    if day < state.admission_date:
        raise StepRefused("referral_exit_before_admission",
                          f"the expected exit ({day}) cannot be before the admission "
                          f"({state.admission_date})")


def length_of_stay(admission: str | None, exit_day: str | None) -> int | None:
    """Days from admission to exit (ISO dates), when both are known."""
    if not admission or not exit_day:
        return None
    return (dt.date.fromisoformat(exit_day) - dt.date.fromisoformat(admission)).days


def _words(name: str) -> str:
    return name.replace("_", " ")


def _either(statuses: tuple[str, ...]) -> str:
    return " or ".join(_words(s) for s in statuses)
