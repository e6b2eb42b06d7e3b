"""The whole first shift, by keyboard: first run, login, an interview through every section,
finalise; then the supervisor approves it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from screening.questionnaire.navigation import visible_questions
from tests.answer_sets import adult_no_indicators, with_yes
from tests.ui.conftest import PASSWORD, first_run, log_in
from tests.ui.keyboard import answer_current
from tests.ui.modal import click, named, when_shown

AUTOMATIC = {"checkpoint", "interview_started_at"}


def interview_answers() -> dict:
    answers = with_yes(adult_no_indicators(), "ind_deceived_nature_of_job", "ind_deceived_wages",
                       "ind_excessive_hours", "ind_low_or_no_pay", "ind_documents_confiscated",
                       "ind_violence")
    answers.update(officer_outcome="presumed_victim", action_taken="referred_shelter",
                   referral_organisation="nrcvt", referral_urgent="yes",
                   given_name="Αλέξανδρος", family_name="Иванов-Hoxha",
                   returned_from="GR", nationality="AL", country_of_exploitation="GR")
    for name in AUTOMATIC:
        answers.pop(name)
    return answers


def run_interview_by_keyboard(qtbot, view, answers: dict) -> list[str]:
    """Answer every question shown, in order, by keyboard; returns the questions visited."""
    visited = []
    while True:
        current = view.session.current
        visited.append(current)
        assert len(visited) < 300, "the interview never ended"
        if current in answers:
            answer_current(qtbot, view, answers[current])
        else:
            # a question the person does not answer is passed with Enter, as an officer would
            field = view.fields[current]
            modifier = Qt.KeyboardModifier.ControlModifier \
                if field.question.appearance == "multiline" else Qt.KeyboardModifier.NoModifier
            qtbot.keyClick(field.focus_target(), Qt.Key.Key_Return, modifier)
        # asked after the answer: an answer may open new questions (a referral its organisation)
        shown = [q.id for q in visible_questions(view.session.evaluation)
                 if q.answerable and not q.read_only]
        if current == shown[-1]:
            return visited
        try:
            qtbot.waitUntil(lambda c=current: view.session.current != c, timeout=5000)
        except Exception as error:
            focus = type(QApplication.focusWidget()).__name__
            raise AssertionError(f"stuck at {current!r} (focus on {focus}, value "
                                 f"{view.session.answers.get(current)!r})") from error


def test_first_run_to_approved_interview(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    qtbot.keyClick(win.home, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    view = win.interview
    assert view.session.answers["checkpoint"] == "TIA"
    qtbot.waitUntil(lambda: view.session.current == "return_mode")

    answers = interview_answers()
    visited = run_interview_by_keyboard(qtbot, view, answers)
    assert {"given_name", "ind_violence", "obs_injuries", "action_taken"} <= set(visited)
    assert "child_unaccompanied" not in visited  # an adult: the child section is skipped
    evaluation = view.session.evaluation
    assert evaluation.issues == {}, evaluation.issues
    assert evaluation.missing_required == [], visited[-6:]
    assert evaluation.outcome == "presumed_victim"
    assert evaluation.values["given_name"] == "Αλέξανδρος"
    assert not view.fields["child_unaccompanied"].isVisible()  # an adult: no child section
    qtbot.waitUntil(lambda: win.runner.pending == 0)
    assert view.saved.text()  # the quiet "saved" line

    assert view.finalise_button.isEnabled()
    # after the last answer the keyboard is on Finalise, and Enter presses it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.finalise_button)
    asked = when_shown(QMessageBox, lambda box: click(qtbot, named(box, "confirmYes")),
                       name="confirmation")
    qtbot.keyClick(view.finalise_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "mbikëqyrës" in asked[0].text()  # the Albanian UI, in Albanian
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.home, timeout=10_000)
    # the officer is told the case reference
    qtbot.waitUntil(lambda: getattr(win, "case_reference_box", None) is not None
                    and win.case_reference_box.isVisible(), timeout=10_000)
    summaries = win.runner.store(lambda: win.session.list_interviews()).result()
    reference = next(s.case_reference for s in summaries if s.status == "finalised")
    assert reference and reference in win.case_reference_box.text()
    click(qtbot, win.case_reference_box.buttons()[0])

    win.show_home()
    qtbot.waitUntil(lambda: win.home.review.topLevelItemCount() == 1)
    item = win.home.review.topLevelItem(0)
    assert item.text(0) == reference  # the case reference leads the row
    assert "Αλέξανδρος" in item.text(1)
    win.open_interview(item.data(0, Qt.ItemDataRole.UserRole))
    qtbot.waitUntil(lambda: win.interview is not None and
                    win.interview.findChild(type(win.interview), "") is None and
                    win.interview.layout().count() >= 3, timeout=10_000)
    bar = win.interview.findChild(object, "reviewBar")
    assert bar is not None
    # approving asks first: Cancel keeps it waiting, Approve approves
    when_shown(QMessageBox, lambda box: click(qtbot, named(box, "confirmNo")),
               name="confirmation")
    qtbot.mouseClick(bar.approve_button, Qt.MouseButton.LeftButton)
    assert win.interview is not None and win.home.review.topLevelItemCount() == 1
    when_shown(QMessageBox, lambda box: click(qtbot, named(box, "confirmYes")),
               name="confirmation")
    qtbot.mouseClick(bar.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.home, timeout=10_000)
    qtbot.waitUntil(lambda: win.home.review.topLevelItemCount() == 0)
    qtbot.waitUntil(lambda: win.home.today.topLevelItemCount() == 1)
    today = win.home.today.topLevelItem(0)
    assert all(PASSWORD not in today.text(column) for column in range(today.columnCount()))
    assert win.home.empty[win.home.review].isVisible()  # "nothing waiting", in words
