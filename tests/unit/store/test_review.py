"""The supervisor's review keeps the rules of docs/questionnaire-standard.md §3 exactly as
finalisation does:
a child's referral cannot be redirected away from child protection, a shelter or NGO needs the
person's consent, and the refusal says why."""

from __future__ import annotations

import pytest

from screening.errors import InterviewStateError, ReferralRuleError
from screening.store import connection, interviews
from tests.answer_sets import BUNDLED, adult_no_indicators, child_answers, with_yes
from tests.unit.store.helpers import login


@pytest.fixture
def officer(supervisor, data_dir, clock):
    with login(data_dir, clock=clock) as session:
        yield session


def finalised(officer, answers) -> str:
    interview_id = officer.start_interview(*BUNDLED)
    for qid, value in answers.items():
        officer.save_answer(interview_id, qid, value)
    officer.finalise(interview_id)
    return interview_id


def child_to_child_protection(**overrides):
    return with_yes(child_answers(**{"officer_outcome": "suspected_victim",
                                     "action_taken": "referred_child_protection",
                                     "referral_organisation": "child_protection_units",
                                     "referral_urgent": "yes", **overrides}),
                    "ind_vuln_economic")


def test_a_childs_referral_cannot_be_redirected_to_an_ngo(supervisor, officer):
    interview_id = finalised(officer, child_to_child_protection())
    before = supervisor.get_interview(interview_id)
    with pytest.raises(ReferralRuleError) as refused:
        supervisor.choose_organisation(interview_id, "different_equal")
    error = refused.value
    assert error.code == "referral_rule_broken"
    assert [p.code for p in error.problems] == ["child_protection_organisation_required"]
    assert "treated as a child" in error.message and "child protection" in error.message
    assert "Different & Equal" in error.message and "nothing was changed" in error.message
    assert "fëmijë" in error.messages["sq"]
    after = supervisor.get_interview(interview_id)
    assert after.answers["referral_organisation"] == "child_protection_units"
    assert after.revision == before.revision
    assert not [e for e in supervisor.audit_entries() if e.action == "organisation_chosen"]
    supervisor.approve(interview_id)  # the referral as it stands still keeps the rules
    assert supervisor.get_interview(interview_id).status == "approved"


def test_the_officer_cannot_finalise_child_protection_with_an_ngo_either(officer):
    interview_id = officer.start_interview(*BUNDLED)
    for qid, value in child_to_child_protection(referral_organisation="vatra").items():
        officer.save_answer(interview_id, qid, value)
    with pytest.raises(InterviewStateError, match="receiving organisation must be child "
                                                  "protection"):
        officer.finalise(interview_id)


def test_a_referral_without_consent_cannot_be_moved_to_a_shelter(supervisor, officer):
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                           action_taken="referred_police_at_unit",
                                           referral_organisation="police_anti_trafficking",
                                           referral_urgent="yes", consent_referral="no"),
                       "ind_violence")
    interview_id = finalised(officer, answers)
    with pytest.raises(ReferralRuleError) as refused:
        supervisor.choose_organisation(interview_id, "vatra")
    assert [p.code for p in refused.value.problems] == ["consent_referral_required"]
    assert "consent" in refused.value.message
    supervisor.choose_organisation(interview_id, "state_social_services")  # no consent needed
    assert supervisor.get_interview(interview_id).answers["referral_organisation"] == \
        "state_social_services"


def test_approval_is_refused_when_the_stored_referral_breaks_a_rule(supervisor, officer):
    interview_id = finalised(officer, child_to_child_protection())
    # as a store written before this rule could hold it: the organisation changed at review
    with connection.transaction(supervisor.conn):
        interviews.set_organisation(supervisor.conn, supervisor.keys, interview_id,
                                    "different_equal", "2026-07-01T12:00:00+00:00")
    with pytest.raises(ReferralRuleError, match="must be child protection"):
        supervisor.approve(interview_id)
    assert supervisor.get_interview(interview_id).status == "finalised"
    supervisor.choose_organisation(interview_id, "child_protection_units")
    supervisor.approve(interview_id)
    assert supervisor.get_interview(interview_id).status == "approved"


def test_an_approved_interview_still_says_before_approval(supervisor, officer):
    interview_id = finalised(officer, child_to_child_protection())
    supervisor.approve(interview_id)
    with pytest.raises(InterviewStateError, match="before approval"):
        supervisor.choose_organisation(interview_id, "different_equal")
