"""The interview screen on its own: skip logic, validation beside the field, required actions,
the running indicators, and the saved answers handed to the store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from screening.ui.interview.view import InterviewView
from tests.answer_sets import INTERVIEW_TIME, adult_no_indicators, with_yes


def make_view(qtbot, form, reference, answers, saved=None):
    log = saved if saved is not None else []
    view = InterviewView(form, reference, "en", answers, lambda q, v: log.append((q, v)),
                         now=INTERVIEW_TIME)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    view.show()
    return view


def test_child_section_follows_the_age(qtbot, standard_form, reference):
    view = make_view(qtbot, standard_form, reference, adult_no_indicators())
    child_rows = [i for i in range(view.sections.count())
                  if view.sections.item(i).text().startswith("D.")]
    assert view.fields["child_unaccompanied"].isHidden()
    assert view.sections.item(child_rows[0]).text().endswith("—")
    view.answer("date_of_birth", "2011-04-02")
    assert not view.fields["child_unaccompanied"].isHidden()
    assert "⚠" in view.sections.item(child_rows[0]).text()
    assert view.panel.outcome.text()  # the running panel is filled
    view.answer("date_of_birth", "1990-05-01")
    assert view.fields["child_unaccompanied"].isHidden()


def test_invalid_answer_shows_the_message_beside_the_field(qtbot, standard_form, reference):
    saved = []
    view = make_view(qtbot, standard_form, reference, adult_no_indicators(), saved)
    view.show_question("months_abroad")
    editor = view.fields["months_abroad"].editor
    editor.clear()
    qtbot.keyClicks(editor, "900")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    error = view.fields["months_abroad"]._error
    assert error.isVisibleTo(view) and "600" in error.text()
    assert ("months_abroad", 900) in saved  # kept as typed; the message says what to fix
    assert not view.finalise_button.isEnabled()


def test_required_actions_block_finalisation(qtbot, standard_form, reference):
    answers = with_yes(adult_no_indicators(), "ind_violence")
    answers.pop("officer_outcome")
    view = make_view(qtbot, standard_form, reference, answers)
    # the computed outcome is offered; taking it still needs a referral
    assert view.fields["officer_outcome"].value() == "suspected_victim"
    view.answer("officer_outcome", "suspected_victim")
    assert not view.finalise_button.isEnabled()
    assert "referral" in view.fields["action_taken"]._error.text()
    view.answer("action_taken", "referred_police_at_unit")
    assert not view.fields["referral_organisation"].isHidden()
    view.answer("referral_organisation", "police_anti_trafficking")
    view.answer("referral_urgent", "yes")
    assert view.finalise_button.isEnabled()


def test_lowering_the_outcome_asks_for_a_reason(qtbot, standard_form, reference):
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                           action_taken="referred_police_at_unit",
                                           referral_organisation="police_anti_trafficking",
                                           referral_urgent="no"), "ind_violence")
    view = make_view(qtbot, standard_form, reference, answers)
    assert view.finalise_button.isEnabled()
    view.answer("officer_outcome", "at_risk")
    assert not view.fields["override_reason"].isHidden()
    assert not view.finalise_button.isEnabled()
    assert "supervisor" in view.problems.text()
    view.answer("override_reason", "The injuries come from a documented accident.")
    assert view.finalise_button.isEnabled()


def test_yes_no_unknown_by_single_keys(qtbot, standard_form, reference):
    saved = []
    view = make_view(qtbot, standard_form, reference, adult_no_indicators(), saved)
    view.show_question("ind_violence")
    target = view.fields["ind_violence"].focus_target()
    qtbot.keyClick(target, Qt.Key.Key_Y)
    assert ("ind_violence", "yes") in saved
    assert view.session.current == "ind_sexual_violence"  # moved on by itself, to the next
    coercion = standard_form.dimension("D5").label["en"]
    assert any(coercion in view.panel.fired.item(i).text()
               for i in range(view.panel.fired.count()))
    view.show_question("ind_violence")
    qtbot.keyClick(view.fields["ind_violence"].focus_target(), Qt.Key.Key_U)
    assert ("ind_violence", "unknown") in saved


def test_country_picker_by_name_or_code(qtbot, standard_form, reference):
    saved = []
    view = make_view(qtbot, standard_form, reference, adult_no_indicators(), saved)
    view.show_question("nationality")
    combo = view.fields["nationality"].editor
    combo.setEditText("")
    qtbot.keyClicks(combo.lineEdit(), "xk")
    combo.confirmed.emit()
    assert ("nationality", "XK") in saved
