"""The §3 referral rules (docs/questionnaire-standard.md) for each further referral of 2026.2,
as for the primary one, with messages that name the entry; and what hostile answers get."""

from __future__ import annotations

import pytest

from screening.questionnaire.evaluation import evaluate
from screening.questionnaire.values import REPEAT_LIMIT
from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators, child_answers, with_yes

REFERRED = {"action_taken": "referred_police_at_unit",
            "referral_organisation": "police_anti_trafficking", "referral_urgent": "yes",
            "officer_outcome": "suspected_victim"}
SOCIAL = {"further_referral_organisation": "state_social_services",
          "further_referral_type": "social_services", "further_referral_urgent": "no"}
VATRA = {"further_referral_organisation": "vatra", "further_referral_type": "shelter",
         "further_referral_urgent": "yes"}


def run(form, reference, *further, base=adult_no_indicators, indicator="ind_violence",
        **overrides):
    answers = with_yes(base(**{**REFERRED, **overrides}, further_referrals=list(further)),
                       indicator)
    return evaluate(form, answers, reference=reference, now=INTERVIEW_TIME)


def about_entries(evaluation):
    return {(p.code, p.item): p for p in evaluation.action_problems
            if p.question_id == "further_referrals"}


def test_entries_that_keep_the_rules_pass(standard_form, reference):
    evaluation = run(standard_form, reference, SOCIAL, VATRA)
    assert evaluation.issues == {} and about_entries(evaluation) == {}
    assert evaluation.can_finalise


def test_a_shelter_needs_consent_in_an_entry_as_in_the_primary_referral(standard_form,
                                                                         reference):
    evaluation = run(standard_form, reference, SOCIAL, VATRA, consent_referral="no")
    problem = about_entries(evaluation)[("consent_referral_required", 2)]
    assert problem.blocking and not evaluation.can_finalise
    assert problem.message["en"].startswith("Further referral 2: A referral to a shelter")
    assert problem.message["sq"].startswith("Referimi shtesë 2: Referimi në një qendër")
    # the primary referral's rule is the same one: a shelter there is refused alike
    primary = run(standard_form, reference, consent_referral="no",
                  action_taken="referred_shelter", referral_organisation="nrcvt")
    assert "consent_referral_required" in {p.code for p in primary.blocking_actions}
    # police, social services and child protection need no consent; nor does health care from
    # State Social Services (not a shelter, not an NGO)
    health = {**SOCIAL, "further_referral_type": "health"}
    allowed = run(standard_form, reference, SOCIAL, health, consent_referral="no")
    assert about_entries(allowed) == {} and allowed.can_finalise


def test_health_care_from_an_ngo_needs_consent(standard_form, reference):
    ngo = {"further_referral_organisation": "different_equal",
           "further_referral_type": "psychological_support", "further_referral_urgent": "no"}
    evaluation = run(standard_form, reference, ngo, consent_referral="no")
    assert ("consent_referral_required", 1) in about_entries(evaluation)


def test_the_type_must_be_what_the_organisation_gives(standard_form, reference):
    wrong = {**SOCIAL, "further_referral_type": "shelter"}
    evaluation = run(standard_form, reference, VATRA, wrong)
    problem = about_entries(evaluation)[("referral_type_mismatch", 2)]
    assert problem.message["en"] == ("Further referral 2: State Social Services — regional "
                                     "offices does not give this help (Shelter): choose the "
                                     "type of help it gives, or another organisation.")
    assert "(Qendër strehimi)" in problem.message["sq"]
    assert not evaluation.can_finalise


def test_the_same_help_from_the_same_organisation_is_named_once(standard_form, reference):
    police = {"further_referral_organisation": "police_anti_trafficking",
              "further_referral_type": "police_anti_trafficking", "further_referral_urgent": "no"}
    twice = run(standard_form, reference, police)  # the primary referral names it already
    assert ("referral_repeated", 1) in about_entries(twice)
    again = run(standard_form, reference, SOCIAL, VATRA, SOCIAL)
    assert set(about_entries(again)) == {("referral_repeated", 3)}
    # other help from the same organisation is another referral
    other = run(standard_form, reference, SOCIAL, {**SOCIAL, "further_referral_type": "health"})
    assert about_entries(other) == {}


def test_after_sexual_violence_health_care_is_urgent(standard_form, reference):
    health = {"further_referral_organisation": "nrcvt", "further_referral_type": "health",
              "further_referral_urgent": "no"}
    evaluation = run(standard_form, reference, health, indicator="ind_sexual_violence")
    problem = about_entries(evaluation)[("referral_urgent_required", 1)]
    assert "sexual violence" in problem.message["en"]
    urgent = run(standard_form, reference, {**health, "further_referral_urgent": "yes"},
                 indicator="ind_sexual_violence")
    assert about_entries(urgent) == {}
    # without sexual violence the officer judges the urgency
    assert about_entries(run(standard_form, reference, health)) == {}


def test_a_child_is_referred_only_where_children_are_taken(standard_form, reference):
    """child_protection_units takes no adults; the police anti-trafficking unit takes both:
    an adult man sent to a unit for children is refused, a child is not."""
    units = {"further_referral_organisation": "child_protection_units",
             "further_referral_type": "child_protection", "further_referral_urgent": "yes"}
    adult = run(standard_form, reference, units)
    warning = about_entries(adult)[("organisation_not_for_men", 1)]
    assert not warning.blocking and warning.message["en"].startswith("Further referral 1: ")
    child = run(standard_form, reference, units, base=child_answers, sex="male",
                action_taken="referred_child_protection",
                referral_organisation="child_protection_units")
    assert set(about_entries(child)) == {("referral_repeated", 1)}  # the primary's own help


def test_an_unknown_organisation_is_named_with_its_entry(standard_form, reference):
    stranger = {**SOCIAL, "further_referral_organisation": "acme_rescue"}
    evaluation = run(standard_form, reference, SOCIAL, stranger)
    issue = evaluation.issues["further_referrals"]
    assert issue.message["en"] == ("Further referral 2: 'acme_rescue' is not in the referral "
                                   "directory.")
    assert issue.message["sq"].startswith("Referimi shtesë 2: 'acme_rescue' nuk gjendet")
    assert evaluation.values["further_referrals"] is None and not evaluation.can_finalise


@pytest.mark.parametrize("raw", [
    "nrcvt",  # not a list
    [SOCIAL] * (REPEAT_LIMIT + 1),  # a list no interview needs
    [SOCIAL, "vatra"], [None], [[SOCIAL]],
    [{**SOCIAL, "further_referral_organisation": ["vatra"]}],
    [{**SOCIAL, "further_referral_organisation": {"id": "vatra"}}],
    [{**SOCIAL, "further_referral_type": "bribe"}],
    [{**SOCIAL, "further_referral_urgent": True}],
    [{**SOCIAL, "further_referral_urgent": 1}],
    [{**SOCIAL, "note": "an extra field"}],
    [{**SOCIAL, "further_referral_organisation": "x" * 100_000}],
])
def test_hostile_answers_get_a_message_not_an_exception(standard_form, reference, raw):
    answers = with_yes(adult_no_indicators(**REFERRED, further_referrals=raw), "ind_violence")
    evaluation = evaluate(standard_form, answers, reference=reference, now=INTERVIEW_TIME)
    issue = evaluation.issues["further_referrals"]
    assert issue.code == "invalid"
    assert issue.message["en"] and issue.message["sq"] and len(issue.message["en"]) < 300
    assert evaluation.values["further_referrals"] is None  # nothing of it reaches a rule
    assert about_entries(evaluation) == {} and not evaluation.can_finalise


def test_without_a_reference_the_directory_rules_wait(standard_form):
    """Central checks with the directory; without one, only the shape is judged."""
    answers = with_yes(adult_no_indicators(**REFERRED, further_referrals=[SOCIAL, VATRA]),
                       "ind_violence")
    evaluation = evaluate(standard_form, answers, now=INTERVIEW_TIME)
    assert evaluation.issues == {} and about_entries(evaluation) == {}


@pytest.mark.parametrize(("question", "raw"), [
    ("referral_organisation", ["vatra"]), ("referral_organisation", {"id": "vatra"}),
    ("checkpoint", ["TIA"]), ("checkpoint", {"TIA": 1}),
])
def test_a_list_or_mapping_for_a_directory_answer_is_refused(standard_form, reference,
                                                              question, raw):
    answers = with_yes(adult_no_indicators(**{**REFERRED, question: raw}), "ind_violence")
    evaluation = evaluate(standard_form, answers, reference=reference, now=INTERVIEW_TIME)
    assert evaluation.issues[question].code == "invalid"
