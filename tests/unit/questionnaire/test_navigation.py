"""The interview state machine: visible questions, next/previous, progress, finalisation."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.questionnaire.navigation import (
    Interview,
    prefill,
    resume_point,
    section_progress,
    visible_questions,
)
from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators, child_answers


def interview(form, reference, answers=None, **kwargs):
    return Interview(form, answers or {}, reference=reference, now=INTERVIEW_TIME, **kwargs)


def test_starts_at_first_visible_question(standard_form, reference):
    session = interview(standard_form, reference)
    assert session.current == visible_questions(session.evaluation)[0].id


def test_next_and_previous_walk_visible_questions(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    shown = [q.id for q in visible_questions(session.evaluation)]
    walked = [session.current]
    while session.next():
        walked.append(session.current)
    assert walked == shown
    assert session.next() is None and session.current == shown[-1]
    while session.previous():
        pass
    assert session.current == shown[0]


def test_skip_logic_applies_live(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    assert not session.evaluation.relevant["child_unaccompanied"]
    session.answer("date_of_birth", "2012-03-04")
    assert session.evaluation.relevant["child_unaccompanied"]
    assert "child_unaccompanied" in session.evaluation.missing_required
    session.go_to("age_uncertain")
    following = session.next()
    assert standard_form.questions[following].type != "calculate"  # never shown


def test_section_skipped_without_consent(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    session.answer("consent_interview", "no")
    progress = {p.section.id: p for p in section_progress(session.evaluation)}
    for section in "DEFGH":
        assert not progress[section].asked
    assert progress["I"].asked and progress["J"].asked
    assert session.evaluation.relevant["given_name"]
    assert not session.evaluation.relevant["home_municipality"]


def test_changing_back_restores_skipped_answers(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    session.answer("ind_violence", "yes")
    session.answer("consent_interview", "no")
    assert session.evaluation.values["ind_violence"] is None
    assert "ind_violence" not in session.evaluation.effective_answers()
    session.answer("consent_interview", "yes")
    assert session.evaluation.values["ind_violence"] == "yes"


def test_next_from_a_question_that_became_hidden(standard_form, reference):
    session = interview(standard_form, reference, child_answers())
    session.go_to("guardian_name")
    session.answer("date_of_birth", "1990-01-01")  # now an adult: section D disappears
    following = session.next()
    assert following is not None
    assert standard_form.questions[following].section_id != "D"


def test_progress_and_finalisation(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    assert session.evaluation.can_finalise
    assert all(p.missing_required == 0 for p in section_progress(session.evaluation))
    session.answer("given_name", None)
    assert not session.evaluation.can_finalise
    assert session.first_missing() == "given_name"
    progress = {p.section.id: p for p in section_progress(session.evaluation)}
    assert progress["C"].missing_required == 1


def test_invalid_answer_is_reported_beside_the_field(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    session.answer("months_abroad", 5000)
    issue = session.evaluation.issues["months_abroad"]
    assert issue.code == "constraint"
    assert issue.message["sq"] and issue.message["en"]
    assert session.first_missing() == "months_abroad"


def test_default_from_offers_the_computed_outcome(standard_form, reference):
    answers = adult_no_indicators(ind_violence="yes")
    answers.pop("officer_outcome")
    session = interview(standard_form, reference, answers)
    assert session.offered_default("officer_outcome") == "suspected_victim"
    assert "officer_outcome" in session.evaluation.missing_required


def test_go_to_hidden_question_is_refused(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    with pytest.raises(ValueError, match="not asked"):
        session.go_to("guardian_name")


def test_unknown_question_is_refused(standard_form, reference):
    with pytest.raises(KeyError):
        interview(standard_form, reference).answer("no_such_question", "x")


def test_prefill(standard_form):
    started = dt.datetime(2026, 11, 23, 3, 14, 15, 999)
    answers = prefill(standard_form, checkpoint="TIA", started=started)
    assert answers == {"checkpoint": "TIA", "interview_started_at": "2026-11-23T03:14:15"}


def test_resume_stands_after_the_last_answer(standard_form, reference):
    answers = {"checkpoint": "KKV", "interview_started_at": "2026-07-01T10:00:00",
               "return_mode": "deported"}
    session = interview(standard_form, reference, answers)
    shown = [q.id for q in visible_questions(session.evaluation)
             if q.answerable and not q.read_only]
    expected = shown[shown.index("return_mode") + 1]
    assert session.resume() == expected and session.current == expected
    assert resume_point(standard_form, answers, reference) == expected


def test_resume_of_a_complete_interview_goes_to_the_last_question(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    shown = [q.id for q in visible_questions(session.evaluation)
             if q.answerable and not q.read_only]
    assert session.resume() == shown[-1]


def test_enter_section_stands_at_its_first_asked_question(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    section = next(s for s in standard_form.sections if s.id == "E")
    first = next(q.id for q in section.questions
                 if q.answerable and session.evaluation.relevant.get(q.id))
    assert session.enter_section("E") == first and session.current == first
    assert session.next() != first  # the walk goes on from there


def test_a_section_the_answers_skip_is_not_entered(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    session.go_to("given_name")
    assert session.enter_section("D") is None  # the child section, for an adult
    assert session.current == "given_name"
    with pytest.raises(KeyError):
        session.enter_section("Z")


def test_go_to_stands_at_an_asked_question(standard_form, reference):
    session = interview(standard_form, reference, adult_no_indicators())
    assert session.go_to("family_name") == "family_name" and session.current == "family_name"
    assert session.next() == visible_questions(session.evaluation)[
        [q.id for q in visible_questions(session.evaluation)].index("family_name") + 1].id
