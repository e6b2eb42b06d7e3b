"""The interview screen on its own: skip logic, validation beside the field, required actions,
the running indicators, and the saved answers handed to the store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from screening.ui.i18n import Languages
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
    # the computed outcome is offered, not ticked: a tick that is no answer would lie
    field = view.fields["officer_outcome"]
    assert field.offered == "suspected_victim"
    assert field.value() is None and not any(b.isChecked() for b in field.buttons.values())
    assert not field.suggestion.isHidden() and "Enter" in field.suggestion.text()
    view.show_question("officer_outcome")
    qtbot.keyClick(field.focus_target(), Qt.Key.Key_Return)  # Enter takes the suggestion
    assert view.session.answers["officer_outcome"] == "suspected_victim"
    assert field.buttons["suspected_victim"].isChecked()
    assert field.suggestion.isHidden()
    # taking it still needs a referral
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


def test_dates_as_the_placeholder_says(qtbot, standard_form, reference):
    saved = []
    view = make_view(qtbot, standard_form, reference, adult_no_indicators(), saved)
    languages = Languages()
    languages.apply("sq")  # the UI's own words in Albanian, as on a workstation
    view.set_language("sq")
    view.show_question("date_of_birth")
    field = view.fields["date_of_birth"]
    assert field.editor.placeholderText() == "DD.MM.VVVV"
    for typed in ("05.03.1998", "05031998"):
        field.editor.clear()
        qtbot.keyClicks(field.editor, typed)
        qtbot.keyClick(field.editor, Qt.Key.Key_Return)
        assert saved[-1] == ("date_of_birth", "1998-03-05"), typed  # stored as ISO
        assert field._error.isHidden()
    for impossible in ("31.02.2010", "31022010"):
        view.show_question("date_of_birth")
        field.editor.clear()
        qtbot.keyClicks(field.editor, impossible)
        qtbot.keyClick(field.editor, Qt.Key.Key_Return)
        error = field._error.text()
        assert not field._error.isHidden()
        assert "nuk është ditë e kalendarit" in error and impossible in error, error
        assert "YYYY-MM-DD" not in error
    languages.apply("en")
    view.set_language("en")
    assert "not a day in the calendar" in field._error.text()


def test_assessment_leads_with_the_outcome_in_words(qtbot, standard_form, reference):
    answers = with_yes(adult_no_indicators(), "ind_violence", "ind_documents_confiscated")
    answers.pop("officer_outcome")
    view = make_view(qtbot, standard_form, reference, answers)
    field = view.fields["computed_outcome"]
    view.show_question("officer_outcome")
    assert "suspect" in field.sentence.text()  # the outcome, in a sentence
    assert field.todo.text().startswith("What to do now") and "Refer" in field.todo.text()
    coercion = standard_form.dimension("D5").label["en"]
    assert coercion in field.dimensions.text()
    shown = " ".join(label.text() for label in (field.sentence, field.todo, field.dimensions))
    assert not any(f"D{n}" in shown for n in range(1, 7)), shown  # names, not codes
    # the answers behind it are folded until asked for
    assert field.details.isHidden()
    qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert not field.details.isHidden()
    violence = standard_form.questions["ind_violence"].label["en"]
    assert violence in field.details.text() and coercion in field.details.text()
    qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert field.details.isHidden()
