"""Required actions before an interview can be finalised (docs/questionnaire-standard.md §3)."""

from __future__ import annotations

import dataclasses

from screening.questionnaire.evaluation import evaluate
from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators, child_answers, with_yes

SUSPECTED = ["ind_violence"]


def run(form, reference, answers):
    return evaluate(form, answers, reference=reference, now=INTERVIEW_TIME)


def codes(evaluation):
    return sorted(p.code for p in evaluation.action_problems)


def test_clean_interview_can_be_finalised(standard_form, reference):
    evaluation = run(standard_form, reference, adult_no_indicators())
    assert evaluation.can_finalise
    assert codes(evaluation) == []


def test_suspected_victim_needs_a_referral(standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim"), *SUSPECTED)
    evaluation = run(standard_form, reference, answers)
    assert codes(evaluation) == ["referral_required"]
    assert not evaluation.can_finalise
    message = evaluation.action_problems[0].message
    assert "referral" in message["en"] and "referim" in message["sq"]


def test_referral_needs_an_organisation(standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                           action_taken="referred_police_at_unit"), *SUSPECTED)
    evaluation = run(standard_form, reference, answers)
    assert "referral_organisation" in evaluation.missing_required
    assert codes(evaluation) == ["organisation_required"]
    answers["referral_organisation"] = "police_anti_trafficking"
    answers["referral_urgent"] = "yes"
    assert run(standard_form, reference, answers).can_finalise


def test_unaccompanied_child_goes_to_child_protection(standard_form, reference):
    answers = child_answers(child_unaccompanied="yes", accompanied_by="alone")
    answers.update(child_guardian_present="no")
    answers.pop("guardian_name")
    answers.pop("guardian_relationship")
    evaluation = run(standard_form, reference, answers)
    assert evaluation.outcome == "no_indicators"
    assert codes(evaluation) == ["child_protection_required"]
    assert "unaccompanied" in evaluation.action_problems[0].message["en"]
    answers.update(action_taken="referred_child_protection",
                   referral_organisation="child_protection_units", referral_urgent="yes",
                   consent_referral="no")  # consent of the child does not gate this referral
    evaluation = run(standard_form, reference, answers)
    assert codes(evaluation) == []
    assert evaluation.can_finalise


def test_child_with_indicators_goes_to_child_protection(standard_form, reference):
    answers = with_yes(child_answers(officer_outcome="suspected_victim",
                                     action_taken="referred_shelter",
                                     referral_organisation="nrcvt", referral_urgent="yes"),
                       "ind_vuln_economic")
    assert "child_protection_required" in codes(run(standard_form, reference, answers))


def test_shelter_needs_consent_to_referral(standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                           action_taken="referred_shelter",
                                           referral_organisation="nrcvt", referral_urgent="no",
                                           consent_referral="no"), *SUSPECTED)
    evaluation = run(standard_form, reference, answers)
    assert codes(evaluation) == ["consent_referral_required"]
    assert "police anti-trafficking unit" in evaluation.action_problems[0].message["en"]


def test_ngo_through_social_services_action_needs_consent(standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                           action_taken="referred_social_services",
                                           referral_organisation="different_equal",
                                           referral_urgent="no", consent_referral="no"),
                       *SUSPECTED)
    assert codes(run(standard_form, reference, answers)) == ["consent_referral_required"]


def test_police_referral_without_consent_is_allowed(standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                           action_taken="referred_police_at_unit",
                                           referral_organisation="police_anti_trafficking",
                                           referral_urgent="yes", consent_referral="no"),
                       *SUSPECTED)
    evaluation = run(standard_form, reference, answers)
    assert codes(evaluation) == []
    assert evaluation.can_finalise


def test_lowering_the_outcome_needs_reason_and_approval(standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="at_risk"), *SUSPECTED)
    evaluation = run(standard_form, reference, answers)
    assert evaluation.outcome == "suspected_victim"
    assert evaluation.final_outcome == "at_risk"
    assert "override_reason" in evaluation.missing_required
    problem = next(p for p in evaluation.action_problems if p.code == "override_needs_approval")
    assert not problem.blocking and "supervisor" in problem.message["en"]
    answers["override_reason"] = "Scars explained by a documented road accident."
    evaluation = run(standard_form, reference, answers)
    assert "override_reason" not in evaluation.missing_required
    assert evaluation.can_finalise  # approval comes from the supervisor's review


def test_raising_the_outcome_needs_no_reason(standard_form, reference):
    answers = adult_no_indicators(officer_outcome="at_risk")
    evaluation = run(standard_form, reference, answers)
    assert evaluation.relevant["override_reason"]
    assert "override_reason" not in evaluation.missing_required
    assert codes(evaluation) == []


def test_organisation_that_takes_no_children(standard_form, reference):
    adults_only = dataclasses.replace(reference.organisations["nrcvt"], id="adults_only",
                                      accepts_children=False, accepts_men=False)
    ref = dataclasses.replace(reference, organisations={**reference.organisations,
                                                        "adults_only": adults_only})
    answers = child_answers(action_taken="referred_child_protection",
                            referral_organisation="adults_only", referral_urgent="no")
    assert codes(run(standard_form, ref, answers)) == ["organisation_not_for_children"]
    men = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                       action_taken="referred_shelter",
                                       referral_organisation="adults_only",
                                       referral_urgent="no"), *SUSPECTED)
    evaluation = run(standard_form, ref, men)
    assert codes(evaluation) == ["organisation_not_for_men"]
    assert evaluation.can_finalise  # a warning to check with the organisation, not a block


def test_child_protection_referral_must_name_a_child_protection_unit(standard_form, reference):
    answers = with_yes(child_answers(officer_outcome="suspected_victim",
                                     action_taken="referred_child_protection",
                                     referral_organisation="child_protection_units",
                                     referral_urgent="yes"), "ind_vuln_economic")
    assert codes(run(standard_form, reference, answers)) == []
    answers["referral_organisation"] = "different_equal"  # an NGO that takes children
    evaluation = run(standard_form, reference, answers)
    assert codes(evaluation) == ["child_protection_organisation_required"]
    problem = evaluation.action_problems[0]
    assert problem.blocking and problem.question_id == "referral_organisation"
    assert "Different & Equal" in problem.message["en"]
    assert "child protection" in problem.message["en"]
    assert "Njësinë për Mbrojtjen e Fëmijëve" in problem.message["sq"]


def test_an_accompanied_child_without_indicators_may_go_elsewhere(standard_form, reference):
    answers = child_answers(action_taken="referred_child_protection",
                            referral_organisation="different_equal", referral_urgent="no")
    assert codes(run(standard_form, reference, answers)) == []
