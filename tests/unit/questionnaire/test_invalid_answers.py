"""An invalid answer never feeds a calculation, a relevance rule or the assessment: an answer its
constraint refuses counts as no answer, and the explanation says when no age could be worked
out."""

from __future__ import annotations

import pytest

from screening.questionnaire.evaluation import evaluate
from screening.questionnaire.scoring import explain
from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators, for_2026_1, with_yes

FUTURE_BIRTH = "2030-05-01"  # after the interview: refused by its constraint


def run(form, reference, answers):
    return evaluate(form, answers, reference=reference, now=INTERVIEW_TIME)


def test_a_birth_date_in_the_future_gives_no_age_and_no_child_on_2026_1(form_2026_1,
                                                                         reference):
    evaluation = run(form_2026_1, reference,
                     for_2026_1(adult_no_indicators(date_of_birth=FUTURE_BIRTH)))
    assert evaluation.issues["date_of_birth"].code == "constraint"
    assert "future" in evaluation.issues["date_of_birth"].message["en"]
    assert evaluation.values["date_of_birth"] is None
    assert evaluation.values["age_years"] is None  # not -4
    assert evaluation.values["treated_as_child"] is False
    assert not evaluation.assessment.child and evaluation.assessment.profile == "adult_labour"
    # the child section stays closed; the age is asked for instead, as with no birth date
    assert not evaluation.relevant["child_unaccompanied"]
    assert "child_unaccompanied" not in evaluation.missing_required
    assert evaluation.relevant["age_estimate"] and "age_estimate" in evaluation.missing_required
    assert "date_of_birth" not in evaluation.effective_answers()
    assert not evaluation.can_finalise


def test_a_birth_date_in_the_future_gives_no_age_and_a_presumed_child(standard_form, reference):
    # 2026.2: never an adult by default; the refused date still feeds nothing (age not -4)
    evaluation = run(standard_form, reference, adult_no_indicators(date_of_birth=FUTURE_BIRTH))
    assert evaluation.issues["date_of_birth"].code == "constraint"
    assert evaluation.values["date_of_birth"] is None and evaluation.values["age_years"] is None
    assert evaluation.values["treated_as_child"] is True
    assert evaluation.assessment.child and evaluation.assessment.child_undetermined
    assert evaluation.relevant["age_estimate"] and "age_estimate" in evaluation.missing_required
    assert "date_of_birth" not in evaluation.effective_answers()
    assert not evaluation.can_finalise


@pytest.mark.parametrize("lang, words, presumed", [
    ("en", "No age could be worked out", "presumed to be a child"),
    ("sq", "Mosha nuk mund të llogaritet", "prezumohet fëmijë")])
def test_the_explanation_says_when_no_age_could_be_worked_out(standard_form, form_2026_1,
                                                              reference, lang, words, presumed):
    refused = run(standard_form, reference, adult_no_indicators(date_of_birth=FUTURE_BIRTH))
    assert refused.assessment.child_undetermined
    sentences = explain(standard_form, refused.assessment, lang)
    assert words in sentences[1] and presumed in sentences[1]
    old = run(form_2026_1, reference,
              for_2026_1(adult_no_indicators(date_of_birth=FUTURE_BIRTH)))
    old_sentences = explain(form_2026_1, old.assessment, lang)
    assert words in old_sentences[1] and presumed not in old_sentences[1]
    fine = run(standard_form, reference, adult_no_indicators())
    assert not fine.assessment.child_undetermined
    assert not any(words in s for s in explain(standard_form, fine.assessment, lang))


def test_an_age_estimate_out_of_range_feeds_nothing(standard_form, reference):
    answers = adult_no_indicators(age_estimate=-3, age_uncertain="yes")
    del answers["date_of_birth"]
    evaluation = run(standard_form, reference, answers)
    assert evaluation.issues["age_estimate"].code == "constraint"
    assert evaluation.values["age_years"] is None
    # -3 would have made a child by arithmetic; here no age is known, so 2026.2 presumes one
    assert evaluation.values["treated_as_child"] is True
    assert evaluation.assessment.child_undetermined


def test_a_refused_answer_does_not_fire_its_indicator_or_open_questions(standard_form,
                                                                       reference):
    # 'none' with another sector is refused; a valid sector answer would count as exploitation
    answers = with_yes(adult_no_indicators(activity_sector=["none", "sexual_services"]),
                       "ind_violence")
    evaluation = run(standard_form, reference, answers)
    assert evaluation.issues["activity_sector"].code == "constraint"
    assert evaluation.values["activity_sector"] is None
    assert evaluation.assessment.profile == "adult_labour"  # not the sexual-exploitation one


def test_valid_answers_give_the_same_values_as_before(standard_form, reference):
    evaluation = run(standard_form, reference, adult_no_indicators())
    assert evaluation.issues == {}
    assert evaluation.values["age_years"] == 36
    assert evaluation.values["treated_as_child"] is False
