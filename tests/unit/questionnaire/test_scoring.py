"""The indicator scoring and decision rule of docs/questionnaire-standard.md §2, on the standard
form."""

from __future__ import annotations

import pytest

from screening.questionnaire.evaluation import evaluate
from screening.questionnaire.scoring import dimension_rule, explain
from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators, child_answers, with_yes


def assess(form, reference, answers):
    return evaluate(form, answers, reference=reference, now=INTERVIEW_TIME).assessment


@pytest.mark.parametrize(("strong", "medium", "weak", "rule"), [
    (2, 0, 0, "2S"), (1, 1, 0, "SM"), (1, 0, 1, "SW"), (0, 3, 0, "3M"), (0, 2, 1, "2MW"),
    (3, 2, 1, "2S"), (0, 4, 0, "3M"),
    # near misses
    (0, 2, 0, None), (0, 1, 1, None), (1, 0, 0, None), (0, 1, 0, None), (0, 0, 3, None),
    (0, 1, 2, None), (0, 0, 0, None),
])
def test_dimension_rule_combinations(strong, medium, weak, rule):
    assert dimension_rule(strong, medium, weak) == rule


# Each combination of the rule, made from real indicators of the standard form (adult_labour).
DIMENSION_CASES = {
    "2S": ("D5", ["ind_documents_confiscated", "ind_violence"]),
    "S+M": ("D1", ["ind_deceived_nature_of_job", "ind_deceived_wages"]),
    "S+W": ("D1", ["ind_deceived_nature_of_job", "ind_deceived_education"]),
    "3M": ("D3", ["ind_vuln_family_situation", "ind_vuln_economic", "ind_vuln_irregular_status"]),
    "2M+W": ("D3", ["ind_vuln_family_situation", "ind_vuln_economic", "ind_vuln_past_abuse"]),
}
NEAR_MISSES = {
    "2M": ("D3", ["ind_vuln_family_situation", "ind_vuln_economic"]),
    "M+W": ("D3", ["ind_vuln_family_situation", "ind_vuln_past_abuse"]),
    "1S": ("D5", ["ind_violence"]),
}


@pytest.mark.parametrize("case", sorted(DIMENSION_CASES))
def test_positive_dimension_on_the_form(standard_form, reference, case):
    dimension, indicators = DIMENSION_CASES[case]
    result = assess(standard_form, reference, with_yes(adult_no_indicators(), *indicators))
    assert result.profile == "adult_labour"
    assert result.positive_dimensions == [dimension]
    assert {f.id for f in result.fired} == set(indicators)


@pytest.mark.parametrize("case", sorted(NEAR_MISSES))
def test_near_miss_is_not_positive(standard_form, reference, case):
    _dimension, indicators = NEAR_MISSES[case]
    result = assess(standard_form, reference, with_yes(adult_no_indicators(), *indicators))
    assert result.positive_dimensions == []


def test_profile_adult_labour_by_default(standard_form, reference):
    assert assess(standard_form, reference, adult_no_indicators()).profile == "adult_labour"


def test_profile_adult_sexual_changes_strengths(standard_form, reference):
    answers = with_yes(adult_no_indicators(activity_sector=["hospitality", "sexual_services"]),
                       "ind_excessive_hours", "ind_low_or_no_pay")
    result = assess(standard_form, reference, answers)
    assert result.profile == "adult_sexual"
    # excessive hours is strong for labour but medium for sexual exploitation: 2M, not positive
    assert [f.strength for f in result.fired] == ["M", "M"]
    assert result.positive_dimensions == []
    labour = assess(standard_form, reference, {**answers, "activity_sector": ["hospitality"]})
    assert labour.positive_dimensions == ["D4"]


@pytest.mark.parametrize(("birth", "estimate", "uncertain", "child"), [
    ("2008-07-02", None, "no", True),     # 17 the day before the 18th birthday
    ("2008-07-01", None, "no", False),    # 18 on the interview day
    ("2006-01-01", None, "yes", True),    # 20 and age uncertain: benefit of the doubt
    ("2006-01-01", None, "no", False),    # 20 and age certain
    ("2005-06-30", None, "yes", False),   # 21: too old even when uncertain
    (None, 15, "no", True),               # estimated age
    (None, 19, "yes", True),
    (None, 19, "unknown", False),
])
def test_child_profile_and_age_uncertain_rule(standard_form, reference, birth, estimate,
                                              uncertain, child):
    answers = adult_no_indicators(age_uncertain=uncertain)
    answers.pop("date_of_birth")
    if birth:
        answers["date_of_birth"] = birth
    if estimate is not None:
        answers["age_estimate"] = estimate
    result = assess(standard_form, reference, answers)
    assert result.child is child
    assert result.profile == ("child" if child else "adult_labour")


def test_child_strengths_differ(standard_form, reference):
    answers = with_yes(child_answers(), "ind_deceived_education")
    result = assess(standard_form, reference, answers)
    assert [(f.id, f.strength) for f in result.fired] == [("ind_deceived_education", "S")]
    adult = assess(standard_form, reference,
                   with_yes(adult_no_indicators(), "ind_deceived_education"))
    assert [f.strength for f in adult.fired] == ["W"]


PRESUMED_ADULT = ["ind_deceived_nature_of_job", "ind_deceived_wages", "ind_excessive_hours",
                  "ind_low_or_no_pay", "ind_documents_confiscated", "ind_violence"]


def test_presumed_adult_needs_means(standard_form, reference):
    result = assess(standard_form, reference, with_yes(adult_no_indicators(), *PRESUMED_ADULT))
    assert (result.outcome, result.step) == ("presumed_victim", 1)
    without_means = PRESUMED_ADULT[:4]
    result = assess(standard_form, reference, with_yes(adult_no_indicators(), *without_means))
    assert result.positive_dimensions == ["D1", "D4"]
    assert (result.outcome, result.step) == ("suspected_victim", 2)


def test_presumed_child_without_means(standard_form, reference):
    result = assess(standard_form, reference, with_yes(child_answers(), *PRESUMED_ADULT[:4]))
    assert (result.outcome, result.step) == ("presumed_victim", 1)
    assert result.child


def test_means_through_d6(standard_form, reference):
    indicators = [*PRESUMED_ADULT[:4], "ind_dest_dependency_on_exploiters",
                  "ind_dest_unknown_language_or_area", "ind_dest_irregular_status"]
    result = assess(standard_form, reference, with_yes(adult_no_indicators(), *indicators))
    assert result.positive_dimensions == ["D1", "D4", "D6"]
    assert result.outcome == "presumed_victim"


@pytest.mark.parametrize(("answers_yes", "outcome", "step", "reason"), [
    (["ind_violence"], "suspected_victim", 2, "reason_strong"),
    (["ind_vuln_family_situation", "ind_vuln_economic", "ind_vuln_irregular_status"],
     "suspected_victim", 2, "reason_positive_dimension"),
    (["obs_injuries", "obs_scripted_answers"], "suspected_victim", 2,
     "reason_two_observations"),
    (["ind_vuln_economic"], "at_risk", 3, "reason_any_indicator"),
    (["obs_fearful_or_anxious"], "at_risk", 3, "reason_one_observation"),
    (["current_threats"], "at_risk", 3, "reason_risk_factor"),
    (["debt_outstanding"], "at_risk", 3, "reason_risk_factor"),
    (["fears_returning_home"], "at_risk", 3, "reason_risk_factor"),
    ([], "no_indicators", 4, None),
])
def test_outcome_steps_for_adults(standard_form, reference, answers_yes, outcome, step, reason):
    result = assess(standard_form, reference, with_yes(adult_no_indicators(), *answers_yes))
    assert (result.outcome, result.step) == (outcome, step)
    if reason:
        assert reason in result.reasons


def test_child_with_any_indicator_is_suspected(standard_form, reference):
    result = assess(standard_form, reference, with_yes(child_answers(), "ind_vuln_economic"))
    assert (result.outcome, result.step) == ("suspected_victim", 2)
    assert "reason_child_any" in result.reasons


def test_no_consent_uses_observations_only(standard_form, reference):
    answers = with_yes(adult_no_indicators(consent_interview="no"), "obs_injuries",
                       "ind_violence")  # the indicator is in a skipped section: it must not count
    evaluation = evaluate(standard_form, answers, reference=reference, now=INTERVIEW_TIME)
    assert not evaluation.relevant["ind_violence"]
    assert (evaluation.outcome, evaluation.assessment.step) == ("at_risk", 3)


def test_unknown_never_fires(standard_form, reference):
    answers = adult_no_indicators(**{"ind_violence": "unknown", "obs_injuries": "unknown"})
    assert assess(standard_form, reference, answers).outcome == "no_indicators"


@pytest.mark.parametrize("lang", ["en", "sq"])
def test_explanation_names_everything(standard_form, reference, lang):
    answers = with_yes(adult_no_indicators(), *PRESUMED_ADULT, "ind_vuln_economic",
                       "obs_injuries")
    result = assess(standard_form, reference, answers)
    sentences = explain(standard_form, result, lang)
    text = "\n".join(sentences)
    for fired in result.fired:
        label = standard_form.questions[fired.id].label[lang]
        assert label in text
    for dimension in ("D1", "D4", "D5"):
        assert any(s.startswith(dimension) for s in sentences)
    assert any(s.startswith("D3") for s in sentences)  # the near miss says why not
    assert ("rule step 1" if lang == "en" else "hapi 1 i rregullit") in sentences[-1]
    assert standard_form.questions["obs_injuries"].label[lang] in text


def test_explanation_of_step_two_gives_reasons(standard_form, reference):
    result = assess(standard_form, reference,
                    with_yes(adult_no_indicators(), "obs_injuries", "obs_scripted_answers"))
    last = explain(standard_form, result, "en")[-1]
    assert "rule step 2" in last and "2 officer observations" in last
