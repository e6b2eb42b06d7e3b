"""Answer types: what each question type accepts, and the bilingual message when it does not."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.questionnaire.evaluation import evaluate
from screening.questionnaire.messages import MESSAGES
from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators


def issue(form, reference, **answers):
    evaluation = evaluate(form, adult_no_indicators(**answers), reference=reference,
                          now=INTERVIEW_TIME)
    return {k: v.code for k, v in evaluation.issues.items()}, evaluation


@pytest.mark.parametrize(("question", "value"), [
    ("months_abroad", "12"), ("months_abroad", 1.5), ("months_abroad", True),
    ("date_of_birth", "01/05/1990"), ("date_of_birth", "1990-02-30"), ("date_of_birth", 1990),
    ("interview_started_at", "yesterday"), ("sex", "femal"), ("sex", ["female"]),
    ("activity_sector", "agriculture"), ("activity_sector", ["agriculture", "agriculture"]),
    ("activity_sector", ["mining"]), ("returned_from", "XX"), ("returned_from", "gr"),
    ("countries_transited", ["MK", "ZZ"]), ("checkpoint", "NOPE"),
    ("referral_organisation", "unknown_org"), ("consent_interview", "maybe"),
    ("given_name", 42), ("given_name", "x" * 5000),
])
def test_wrong_types_are_refused_with_a_message(standard_form, reference, question, value):
    codes, evaluation = issue(standard_form, reference, **{question: value})
    assert codes == {question: "invalid"}
    message = evaluation.issues[question].message
    assert message["sq"] and message["en"]
    assert evaluation.values.get(question) is None  # an invalid answer never counts
    assert not evaluation.can_finalise


@pytest.mark.parametrize(("question", "value", "expected"), [
    ("months_abroad", 12.0, 12),
    ("date_of_birth", "1990-05-01", dt.date(1990, 5, 1)),
    ("interview_started_at", "2026-07-01T10:00:00+02:00", None),
    ("countries_transited", ["MK", "RS", "XK"], ["MK", "RS", "XK"]),
    ("given_name", "Αλέξανδρος Ñúñez-Škoda Иванов", "Αλέξανδρος Ñúñez-Škoda Иванов"),
])
def test_valid_answers_are_typed(standard_form, reference, question, value, expected):
    codes, evaluation = issue(standard_form, reference, **{question: value})
    assert codes == {}
    if expected is not None:
        assert evaluation.values[question] == expected


def test_unknown_question_and_computed_values(standard_form, reference):
    codes, _ = issue(standard_form, reference, favourite_colour="blue", age_years=30)
    assert codes == {"favourite_colour": "unknown_question", "age_years": "computed"}


def test_constraint_message_comes_from_the_form(standard_form, reference):
    codes, evaluation = issue(standard_form, reference, date_of_birth="2027-01-01")
    assert codes == {"date_of_birth": "constraint"}
    assert evaluation.issues["date_of_birth"].message == \
        standard_form.questions["date_of_birth"].constraint_message


def test_blank_text_counts_as_unanswered(standard_form, reference):
    _codes, evaluation = issue(standard_form, reference, given_name="   ")
    assert "given_name" in evaluation.missing_required


def test_effective_answers_are_json(standard_form, reference):
    _codes, evaluation = issue(standard_form, reference)
    answers = evaluation.effective_answers()
    assert answers["date_of_birth"] == "1990-05-01"
    assert answers["interview_started_at"] == "2026-07-01T10:00:00"
    assert "age_years" not in answers  # computed values are not answers


def test_every_engine_message_is_bilingual():
    for key, texts in MESSAGES.items():
        assert set(texts) == {"sq", "en"}, key
        assert all(text.strip() for text in texts.values()), key
