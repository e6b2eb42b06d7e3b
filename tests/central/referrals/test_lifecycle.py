"""The referral lifecycle's rules, pure: which event may follow which status, what needs a
reason, and the guardian step before a child referred to child protection is closed."""

from __future__ import annotations

import pytest

from screening.central.referrals import lifecycle
from screening.central.referrals.lifecycle import State, StepRefused, check

ADULT = State("sent", child=False, child_protection=False, admission_date=None,
              guardian_date=None)


def at(status: str, **changes) -> State:
    return State(**{**ADULT.__dict__, "status": status, **changes})


def test_the_whole_way_to_the_close():
    state = ADULT
    for event, after in (("received", "received"), ("accepted", "accepted"),
                         ("arrived", "arrived"), ("admitted", "arrived"),
                         ("medical", "arrived"), ("exited", "arrived"), ("closed", "closed")):
        status = check(state, event, reason="done" if event == "closed" else "",
                       day="2026-12-02")
        assert status == after
        state = at(status, admission_date="2026-12-01")


@pytest.mark.parametrize(("status", "event"), [
    ("sent", "arrived"), ("sent", "closed"), ("received", "received"), ("declined", "accepted"),
    ("accepted", "closed"), ("closed", "received"), ("re_referred", "re_referred"),
    ("withdrawn", "accepted"), ("accepted", "medical"), ("sent", "re_referred")])
def test_an_event_out_of_order_is_refused_with_what_it_follows(status, event):
    with pytest.raises(StepRefused) as refused:
        check(at(status), event, reason="why", day=None)
    assert refused.value.code == "referral_step_refused"
    assert "that follows only" in refused.value.message
    assert status.replace("_", " ") in refused.value.message


def test_accepting_straight_from_sent_is_allowed():
    assert check(ADULT, "accepted", reason="", day=None) == "accepted"


@pytest.mark.parametrize("event", lifecycle.NEEDS_REASON)
def test_declining_closing_and_rereferring_need_a_reason(event):
    status = {"declined": "received", "closed": "arrived", "re_referred": "declined"}[event]
    with pytest.raises(StepRefused, match="say why"):
        check(at(status), event, reason="", day=None)


def test_a_child_referred_to_child_protection_is_not_closed_without_the_guardian():
    child = at("arrived", child=True, child_protection=True)
    with pytest.raises(StepRefused) as refused:
        check(child, "closed", reason="returned to family", day=None)
    assert refused.value.code == "referral_guardian_missing"
    with pytest.raises(StepRefused, match="guardian"):
        check(at("did_not_arrive", child=True, child_protection=True), "closed",
              reason="gone", day=None)
    assert check(at("arrived", child=True, child_protection=True, guardian_date="2026-12-01"),
                 "closed", reason="returned to family", day=None) == "closed"
    # a child at a shelter, and an adult at child protection's door, close without one
    assert check(at("arrived", child=True), "closed", reason="x", day=None) == "closed"


def test_a_guardian_only_for_a_child_and_an_exit_only_after_the_admission():
    with pytest.raises(StepRefused, match="only for a child"):
        check(at("arrived"), "guardian_appointed", reason="", day="2026-12-01")
    with pytest.raises(StepRefused, match="admission before the exit"):
        check(at("arrived"), "exited", reason="", day="2026-12-01")
    with pytest.raises(StepRefused, match="cannot be before the admission"):
        check(at("arrived", admission_date="2026-12-02"), "exited", reason="", day="2026-12-01")


def test_an_unknown_event_names_the_known_ones():
    with pytest.raises(StepRefused, match="one of received, accepted"):
        check(ADULT, "teleported", reason="", day=None)


def test_length_of_stay():
    assert lifecycle.length_of_stay("2026-12-01", "2026-12-31") == 30
    assert lifecycle.length_of_stay("2026-12-01", None) is None
