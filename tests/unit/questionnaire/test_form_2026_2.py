"""Vignettes for the content of questionnaire 2026.2 (docs/questionnaire-standard.md): what it asks,
what it requires before an interview can be finalised, and how it treats an unknown age."""

from __future__ import annotations

import pytest

from screening.questionnaire.evaluation import evaluate
from tests.answer_sets import (
    INDICATOR_IDS,
    INTERVIEW_TIME,
    adult_no_indicators,
    child_answers,
    for_2026_1,
    with_yes,
)

REFERRED = {"action_taken": "referred_police_at_unit",
            "referral_organisation": "police_anti_trafficking", "referral_urgent": "yes",
            "officer_outcome": "suspected_victim"}


def run(form, reference, answers):
    return evaluate(form, answers, reference=reference, now=INTERVIEW_TIME)


def without(answers, *names):
    return {k: v for k, v in answers.items() if k not in names}


# -- unasked counts as "no": every indicator needs an answer once the person consents ----------

def test_a_consenting_adult_with_blank_indicators_cannot_be_finalised(standard_form, reference):
    blanks = ("ind_violence", "ind_sexual_violence", "ind_debt_bondage", "ind_vuln_economic")
    evaluation = run(standard_form, reference, without(adult_no_indicators(), *blanks))
    assert set(blanks) <= set(evaluation.missing_required)
    assert not evaluation.can_finalise


def test_every_indicator_is_required_after_consent(standard_form, reference):
    evaluation = run(standard_form, reference, without(adult_no_indicators(), *INDICATOR_IDS))
    assert {q.id for q in standard_form.indicators} <= set(evaluation.missing_required)


def test_unknown_is_an_answer(standard_form, reference):
    answers = adult_no_indicators(**{name: "unknown" for name in INDICATOR_IDS})
    evaluation = run(standard_form, reference, answers)
    assert evaluation.missing_required == []
    assert evaluation.can_finalise
    assert evaluation.outcome == "no_indicators"  # only 'yes' fires an indicator


def test_without_consent_the_indicators_are_not_asked(standard_form, reference):
    answers = without(adult_no_indicators(consent_interview="no"), *INDICATOR_IDS)
    evaluation = run(standard_form, reference, answers)
    assert not any(evaluation.relevant[name] for name in INDICATOR_IDS)
    assert evaluation.missing_required == []
    assert evaluation.can_finalise


def test_2026_1_still_let_a_blank_indicator_through(form_2026_1, reference):
    # Interviews begun with 2026.1 keep its rule: this is why 2026.2 exists.
    answers = for_2026_1(without(adult_no_indicators(), "ind_violence"))
    evaluation = run(form_2026_1, reference, answers)
    assert evaluation.issues == {}
    assert evaluation.can_finalise


# -- age: an unknown age is never an adult's ---------------------------------------------------

def test_an_unknown_age_is_presumed_a_child(standard_form, reference):
    answers = without(adult_no_indicators(), "date_of_birth", "age_estimate")
    evaluation = run(standard_form, reference, answers)
    assert evaluation.values["age_years"] is None
    assert evaluation.values["treated_as_child"] is True
    assert evaluation.assessment.profile == "child"
    assert evaluation.relevant["child_unaccompanied"]  # section D is asked
    assert "age_estimate" in evaluation.missing_required
    assert not evaluation.can_finalise


def test_an_empty_form_starts_as_a_child(standard_form, reference):
    assert run(standard_form, reference, {}).values["treated_as_child"] is True


@pytest.mark.parametrize(("estimate", "uncertain", "child"), [
    (16, "no", True), (19, "yes", True), (20, "yes", True), (21, "yes", False),
    (19, "no", False), (35, "yes", False)])
def test_an_estimated_age_follows_the_benefit_of_the_doubt(standard_form, reference, estimate,
                                                          uncertain, child):
    answers = without(adult_no_indicators(age_estimate=estimate, age_uncertain=uncertain),
                      "date_of_birth")
    evaluation = run(standard_form, reference, answers)
    assert evaluation.values["age_years"] == estimate
    assert evaluation.values["treated_as_child"] is child


def test_doubt_about_the_age_must_be_recorded_as_yes(standard_form, reference):
    evaluation = run(standard_form, reference, adult_no_indicators(age_uncertain="unknown"))
    assert evaluation.issues["age_uncertain"].code == "constraint"
    assert "'Po'" in evaluation.issues["age_uncertain"].message["sq"]


def test_a_child_with_a_date_of_birth(standard_form, reference):
    evaluation = run(standard_form, reference, child_answers())
    assert evaluation.values["age_years"] == 16
    assert evaluation.assessment.profile == "child"
    assert evaluation.can_finalise


def test_a_child_with_an_indicator_must_go_to_child_protection(standard_form, reference):
    answers = with_yes(child_answers(officer_outcome="suspected_victim",
                                     action_taken="referred_police_at_unit",
                                     referral_organisation="police_anti_trafficking",
                                     referral_urgent="no"), "ind_recruit_violence")
    evaluation = run(standard_form, reference, answers)
    assert "child_protection_required" in {p.code for p in evaluation.action_problems}
    assert not evaluation.can_finalise


# -- several referrals -------------------------------------------------------------------------

def test_several_referrals_are_kept_beside_the_primary_one(standard_form, reference):
    further = [
        {"further_referral_organisation": "nrcvt", "further_referral_type": "shelter",
         "further_referral_urgent": "yes"},
        {"further_referral_organisation": "state_social_services",
         "further_referral_type": "social_services", "further_referral_urgent": "no"}]
    answers = with_yes(adult_no_indicators(**REFERRED, further_referrals=further), "ind_violence")
    evaluation = run(standard_form, reference, answers)
    assert evaluation.issues == {}
    assert evaluation.can_finalise
    assert evaluation.values["referral_organisation"] == "police_anti_trafficking"
    kept = evaluation.effective_answers()["further_referrals"]
    assert [item["further_referral_organisation"] for item in kept] == \
        ["nrcvt", "state_social_services"]


def test_a_further_referral_needs_organisation_type_and_urgency(standard_form, reference):
    answers = with_yes(adult_no_indicators(**REFERRED, further_referrals=[
        {"further_referral_type": "health", "further_referral_urgent": "no"}]), "ind_violence")
    evaluation = run(standard_form, reference, answers)
    message = evaluation.issues["further_referrals"].message["en"]
    assert message.startswith("Further referral 1: Organisation")
    assert not evaluation.can_finalise


def test_no_further_referrals_without_a_referral(standard_form, reference):
    evaluation = run(standard_form, reference, adult_no_indicators())
    assert not evaluation.relevant["further_referrals"]


# -- sexual violence: its own question, the same weight, an urgent-care path -----------------

def test_sexual_violence_is_a_strong_coercion_indicator(standard_form, reference):
    evaluation = run(standard_form, reference,
                     with_yes(adult_no_indicators(), "ind_sexual_violence"))
    fired = {f.id: (f.dimension, f.strength) for f in evaluation.assessment.fired}
    assert fired == {"ind_sexual_violence": ("D5", "S")}
    assert evaluation.outcome == "suspected_victim"
    assert evaluation.relevant["note_sexual_violence_care"]
    assert evaluation.relevant["note_urgent_care"]


def test_sexual_violence_has_the_weight_of_physical_violence(standard_form):
    questions = standard_form.questions
    assert questions["ind_sexual_violence"].indicator == questions["ind_violence"].indicator
    assert "seksual" not in questions["ind_violence"].label["sq"]


def test_no_urgent_care_note_without_sexual_violence(standard_form, reference):
    evaluation = run(standard_form, reference, with_yes(adult_no_indicators(), "ind_violence"))
    assert not evaluation.relevant["note_sexual_violence_care"]
    assert not evaluation.relevant["note_urgent_care"]


# -- advance notice, HTCDS facts, consent-bound contact ----------------------------------------

def test_advance_notice_asks_by_whom_only_when_there_was_one(standard_form, reference):
    told = run(standard_form, reference, adult_no_indicators(
        advance_notice="yes", advance_notice_by=["readmission_authorities", "iom"],
        met_on_arrival_by=["police", "family"]))
    assert told.relevant["advance_notice_by"] and told.issues == {}
    untold = run(standard_form, reference, adult_no_indicators(advance_notice="no"))
    assert not untold.relevant["advance_notice_by"]


def test_nobody_met_the_person_excludes_everyone_else(standard_form, reference):
    evaluation = run(standard_form, reference,
                     adult_no_indicators(met_on_arrival_by=["nobody", "family"]))
    assert evaluation.issues["met_on_arrival_by"].code == "constraint"


def test_htcds_facts_are_accepted(standard_form, reference):
    periods = [{"exploitation_period_country": "GR", "exploitation_period_start": "2025-03-01",
                "exploitation_period_end": "2025-09-30"},
               {"exploitation_period_country": "IT", "exploitation_period_start": "2025-10-01"}]
    answers = adult_no_indicators(
        exploitation_type=["forced_labour", "forced_begging"],
        recruitment_channel=["online_social_media"], travel_organised_by="recruiter_or_agency",
        recruiter_relationship="acquaintance", exploitation_periods=periods,
        accompanying_children="yes", accompanying_children_count=2,
        police_cooperation_willing="no")
    evaluation = run(standard_form, reference, answers)
    assert evaluation.issues == {}
    assert evaluation.can_finalise  # not cooperating with the police never blocks anything
    assert len(evaluation.effective_answers()["exploitation_periods"]) == 2


def test_a_period_cannot_end_before_it_starts(standard_form, reference):
    periods = [{"exploitation_period_country": "GR", "exploitation_period_start": "2025-09-01",
                "exploitation_period_end": "2025-03-01"}]
    evaluation = run(standard_form, reference, adult_no_indicators(exploitation_periods=periods))
    message = evaluation.issues["exploitation_periods"].message["en"]
    assert message.startswith("Period of exploitation 1: Until")


def test_pregnancy_is_not_asked_of_a_man(standard_form, reference):
    assert not run(standard_form, reference, adult_no_indicators()).relevant["pregnant"]
    assert run(standard_form, reference, child_answers()).relevant["pregnant"]


def test_a_safe_contact_only_with_consent(standard_form, reference):
    evaluation = run(standard_form, reference, adult_no_indicators(consent_follow_up="no",
                                                                   safe_contact="+355 69 000"))
    assert not evaluation.relevant["safe_contact"]
    assert "safe_contact" not in evaluation.effective_answers()
    assert standard_form.questions["safe_contact"].personal


def test_cooperation_with_the_police_is_never_a_condition_of_help(standard_form):
    hint = standard_form.questions["police_cooperation_willing"].hint
    assert "never depend" in hint["en"] and "nuk varen kurrë" in hint["sq"]


def test_a_foreign_potential_victim_is_told_of_reflection_and_residence(standard_form,
                                                                      reference):
    answers = with_yes(adult_no_indicators(nationality="UA", **REFERRED), "ind_violence")
    evaluation = run(standard_form, reference, answers)
    assert {"reflection_period_explained", "residence_permit_explained"} <= \
        set(evaluation.missing_required)
    done = run(standard_form, reference, {**answers, "reflection_period_explained": "yes",
                                          "residence_permit_explained": "yes"})
    assert done.can_finalise


def test_an_albanian_is_not_asked_about_residence(standard_form, reference):
    answers = with_yes(adult_no_indicators(**REFERRED), "ind_violence")
    evaluation = run(standard_form, reference, answers)
    assert not evaluation.relevant["reflection_period_explained"]
    assert evaluation.can_finalise


# -- honest consent and outcome names ---------------------------------------------------------

def test_the_consent_text_says_who_sees_the_answers(standard_form):
    text = standard_form.questions["note_consent_script"].label
    for words in ("Border and Migration Police", "Responsible Authority",
                  "organisations you agree to", "Help does not depend", "not punished"):
        assert words in text["en"], words
    for words in ("Autoriteti Përgjegjës", "Ndihma nuk varet", "nuk dënohet"):
        assert words in text["sq"], words


def test_victim_outcomes_use_the_referral_procedures_term(standard_form):
    labels = {c.value: c.label["sq"] for c in standard_form.choice_lists["outcome"]}
    assert labels["suspected_victim"].startswith("Viktimë e mundshme e trafikimit")
    assert labels["presumed_victim"].startswith("Viktimë e mundshme e trafikimit")
    assert labels["suspected_victim"] != labels["presumed_victim"]
