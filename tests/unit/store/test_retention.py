"""Retention: N days after central's acknowledgement the personal answers go; a minimal index
(case reference, dates, outcome, action) stays."""

from __future__ import annotations

import pytest

from screening.errors import InterviewNotFoundError, PermissionDeniedError
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, login

DAY = 86_400


@pytest.fixture
def three(supervisor, clock):
    ids = [supervisor.import_finalised(adult_no_indicators(given_name=f"Keep{n}"))
           for n in range(3)]
    supervisor.mark_acknowledged(ids[0], 1)
    clock.advance(10 * DAY)
    supervisor.mark_acknowledged(ids[1], 1)
    return ids


def test_the_default_period_is_30_days(supervisor):
    assert supervisor.retention_days() == 30


def test_personal_data_goes_after_the_period_and_the_index_stays(supervisor, clock, three):
    clock.advance(20 * DAY + 1)  # ids[0] acknowledged 30 days ago, ids[1] 20 days ago
    assert supervisor.purge_expired() == [three[0]]
    gone = supervisor.get_interview(three[0])
    assert gone.answers == {} and gone.assessment is None and gone.purged_at
    assert (gone.outcome, gone.action, gone.status) == ("no_indicators",
                                                        "information_given_only", "finalised")
    assert gone.created_at and gone.id == three[0]
    assert supervisor.get_interview(three[1]).answers["given_name"] == "Keep1"
    assert supervisor.get_interview(three[2]).answers["given_name"] == "Keep2"
    assert supervisor.purge_expired() == []  # once only
    assert any(e.action == "interview_purged" and e.subject == three[0]
               for e in supervisor.audit_entries())
    assert supervisor.list_interviews(search="Keep0") == []


def test_never_acknowledged_interviews_are_kept(supervisor, clock, three):
    clock.advance(400 * DAY)
    assert set(supervisor.purge_expired()) == {three[0], three[1]}
    assert supervisor.get_interview(three[2]).answers


def test_the_period_is_a_supervisor_setting_and_login_applies_it(supervisor, data_dir,
                                                                  clock, three):
    supervisor.set_retention_days(5)
    clock.advance(6 * DAY)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW, clock=clock) as again:
        assert again.get_interview(three[1]).purged_at
    with login(data_dir, clock=clock) as officer, pytest.raises(PermissionDeniedError):
        officer.set_retention_days(1)


def test_acknowledging_an_unknown_interview_is_an_error(supervisor):
    with pytest.raises(InterviewNotFoundError):
        supervisor.mark_acknowledged("nope", 1)
