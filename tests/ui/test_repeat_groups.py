"""The repeat groups of 2026.2 (further referrals, periods of exploitation) as an officer fills
them: keys only, every change saved at once, the engine's message beside its entry, removal
after asking, and a reopened draft showing its entries again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from screening.ui.interview.repeat import RepeatField
from tests.answer_sets import adult_no_indicators, with_yes
from tests.ui.conftest import first_run, log_in
from tests.ui.keyboard import ENTER, focused, type_text
from tests.ui.modal import click, named, when_shown
from tests.ui.test_interview_view import make_view

REFERRED = {"action_taken": "referred_police_at_unit",
            "referral_organisation": "police_anti_trafficking", "referral_urgent": "yes",
            "officer_outcome": "suspected_victim"}
INSERT = Qt.Key.Key_Insert


def referred_view(qtbot, standard_form, reference, saved, **overrides):
    answers = with_yes(adult_no_indicators(**{**REFERRED, **overrides}), "ind_violence")
    view = make_view(qtbot, standard_form, reference, answers, saved)
    view.show_question("further_referrals")
    group = view.fields["further_referrals"]
    assert isinstance(group, RepeatField)
    # an empty group offers "Add"; one with entries its last entry
    target = group.add_button if not group.items else \
        group.items[-1].fields["further_referral_organisation"]
    qtbot.waitUntil(lambda: target is focused() or target.isAncestorOf(focused()),
                    timeout=5000)
    return view, group


def back_from_dialog(qtbot, view) -> None:
    """What the window manager does when a dialog closes (the offscreen platform has none):
    the interview's window is active again."""
    view.window().activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)


def pick(qtbot, text: str) -> None:
    """Type into the focused picker and press Enter, as the officer does."""
    target = focused()
    type_text(target, text)
    qtbot.keyClick(target, ENTER)


def fill_item(qtbot, group, organisation: str, type_number: str, urgent_key: str) -> None:
    pick(qtbot, organisation)
    item = group.items[-1]
    qtbot.waitUntil(lambda: item.fields["further_referral_type"].isAncestorOf(focused()))
    qtbot.keyClicks(focused(), type_number)
    qtbot.waitUntil(lambda: item.fields["further_referral_urgent"].isAncestorOf(focused()))
    qtbot.keyClicks(focused(), urgent_key)


def test_entries_added_and_filled_by_keys_are_saved(qtbot, standard_form, reference):
    saved: list = []
    view, group = referred_view(qtbot, standard_form, reference, saved)
    assert not group.empty.isHidden()
    qtbot.keyClick(focused(), INSERT)
    assert len(group.items) == 1 and group.items[0].title.text() == "Further referral 1"
    assert group.items[0].fields["further_referral_organisation"].isAncestorOf(focused())
    # a new entry is saved at once, and the engine says what it still needs, beside it
    assert saved[-1] == ("further_referrals", [{}])
    assert "Further referral 1" in group.items[0].problem.text()
    assert not view.finalise_button.isEnabled()
    fill_item(qtbot, group, "state_social_services", "2", "n")  # 2. State Social Services
    # after the last field of an entry, Enter reached "Add": Space adds another
    qtbot.waitUntil(lambda: focused() is group.add_button)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    fill_item(qtbot, group, "vatra", "1", "y")
    assert view.session.answers["further_referrals"] == [
        {"further_referral_organisation": "state_social_services",
         "further_referral_type": "social_services", "further_referral_urgent": "no"},
        {"further_referral_organisation": "vatra", "further_referral_type": "shelter",
         "further_referral_urgent": "yes"}]
    assert saved[-1] == ("further_referrals", view.session.answers["further_referrals"])
    assert all(item.problem.isHidden() for item in group.items)
    assert view.finalise_button.isEnabled()
    # Enter on "Add" moves on (here nothing more is asked: to "Finalise")
    qtbot.waitUntil(lambda: focused() is group.add_button)
    qtbot.keyClick(focused(), ENTER)
    assert focused() is view.finalise_button


def test_tab_goes_through_the_entry_in_order(qtbot, standard_form, reference):
    _view, group = referred_view(qtbot, standard_form, reference, [])
    qtbot.keyClick(focused(), INSERT)
    qtbot.keyClick(focused(), INSERT)
    first, second = group.items
    qtbot.waitUntil(lambda: second.fields["further_referral_organisation"].isAncestorOf(
        focused()))
    seen = []
    for _ in range(12):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
        if focused() is group.add_button:
            break
    assert second.fields["further_referral_type"].isAncestorOf(seen[0])
    assert any(second.fields["further_referral_urgent"].isAncestorOf(w) for w in seen)
    assert second.remove_button in seen
    assert seen[-1] is group.add_button  # entries come before "Add", not after the page
    assert not any(first.isAncestorOf(w) for w in seen)


def test_removing_asks_first_and_renumbers(qtbot, standard_form, reference):
    saved: list = []
    two = [{"further_referral_organisation": "state_social_services",
            "further_referral_type": "social_services", "further_referral_urgent": "no"},
           {"further_referral_organisation": "nrcvt", "further_referral_type": "shelter",
            "further_referral_urgent": "yes"}]
    view, group = referred_view(qtbot, standard_form, reference, saved, further_referrals=two)
    assert [item.title.text() for item in group.items] == ["Further referral 1",
                                                           "Further referral 2"]
    first = group.items[0]
    first.fields["further_referral_type"].focus()
    qtbot.waitUntil(lambda: first.isAncestorOf(focused()))
    # Cancel keeps the entry
    when_shown(QMessageBox, lambda box: click(None, named(box, "confirmNo")))
    qtbot.keyClick(focused(), Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(group.items) == 2 and view.session.answers["further_referrals"] == two
    back_from_dialog(qtbot, view)
    qtbot.waitUntil(lambda: first.isAncestorOf(focused()))
    seen = when_shown(QMessageBox, lambda box: click(None, named(box, "confirmYes")))
    qtbot.keyClick(focused(), Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert "Further referral 1" in seen[0].text()
    qtbot.waitUntil(lambda: len(group.items) == 1)
    back_from_dialog(qtbot, view)
    assert view.session.answers["further_referrals"] == two[1:]
    assert saved[-1] == ("further_referrals", two[1:])
    assert group.items[0].title.text() == "Further referral 1"
    # the Remove button does the same, and the last removal clears the answer
    when_shown(QMessageBox, lambda box: click(None, named(box, "confirmYes")))
    click(qtbot, group.items[0].remove_button)
    qtbot.waitUntil(lambda: not group.items)
    assert "further_referrals" not in view.session.answers or \
        view.session.answers["further_referrals"] is None
    assert saved[-1] == ("further_referrals", None)
    back_from_dialog(qtbot, view)
    qtbot.waitUntil(lambda: focused() is group.add_button)


def test_a_date_in_an_entry_is_checked_beside_it(qtbot, standard_form, reference):
    from screening.ui.i18n import Languages

    Languages().apply("en")  # the words below are English; an earlier test may leave Albanian
    saved: list = []
    view = make_view(qtbot, standard_form, reference, adult_no_indicators(), saved)
    view.show_question("exploitation_periods")
    group = view.fields["exploitation_periods"]
    qtbot.waitUntil(lambda: focused() is group.add_button)
    qtbot.keyClick(focused(), INSERT)
    item = group.items[0]
    assert item.title.text() == "Period of exploitation 1"
    pick(qtbot, "IT")
    qtbot.waitUntil(lambda: item.fields["exploitation_period_start"].isAncestorOf(focused()))
    type_text(focused(), "01/03/2025")
    qtbot.keyClick(focused(), ENTER)
    type_text(focused(), "31/02/2025")  # not a day in the calendar
    qtbot.keyClick(focused(), ENTER)
    assert "calendar" in item.fields["exploitation_period_end"]._error.text()
    end = item.fields["exploitation_period_end"].editor
    end.selectAll()
    type_text(end, "01/01/2025")  # before the start
    qtbot.keyClick(end, ENTER)
    assert "before the start date" in item.problem.text()
    assert "Period of exploitation 1" in item.problem.text()
    assert saved[-1][1] == [{"exploitation_period_country": "IT",
                             "exploitation_period_start": "2025-03-01",
                             "exploitation_period_end": "2025-01-01"}]
    assert not view.finalise_button.isEnabled()
    # Ctrl+Delete removes the entry from a date line too (where it might delete a word)
    end.setFocus()
    qtbot.waitUntil(lambda: focused() is end)
    when_shown(QMessageBox, lambda box: click(None, named(box, "confirmYes")))
    qtbot.keyClick(end, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not group.items)
    assert saved[-1] == ("exploitation_periods", None)
    assert view.finalise_button.isEnabled()


def test_the_group_speaks_albanian(qtbot, standard_form, reference):
    view, group = referred_view(qtbot, standard_form, reference, [])
    qtbot.keyClick(focused(), INSERT)
    from screening.ui.i18n import Languages

    languages = Languages()
    languages.apply("sq")
    try:
        view.set_language("sq")
        assert group.items[0].title.text() == "Referimi shtesë 1"
        assert group.add_button.text() == "Shto (Insert)"
        assert group.items[0].remove_button.text() == "Hiq (Ctrl+Delete)"
        assert "Referimi shtesë 1" in group.items[0].problem.text()
    finally:
        languages.apply("en")


def test_a_reopened_draft_shows_its_entries(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    qtbot.keyClick(win.home, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    view = win.interview
    for question, value in with_yes(adult_no_indicators(**REFERRED), "ind_violence").items():
        if question in view.fields and question not in ("checkpoint", "interview_started_at"):
            view.answer(question, value)
    view.show_question("further_referrals")
    group = view.fields["further_referrals"]
    qtbot.waitUntil(lambda: focused() is group.add_button, timeout=5000)
    qtbot.keyClick(focused(), INSERT)
    fill_item(qtbot, group, "vatra", "1", "p")  # the window speaks Albanian: P for Po
    interview_id = win.interview_id
    qtbot.waitUntil(lambda: not win.runner.pending, timeout=10_000)
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.home, timeout=10_000)
    qtbot.waitUntil(lambda: win.home.drafts.topLevelItemCount() == 1, timeout=10_000)
    assert win.home.drafts.topLevelItem(0).data(0, Qt.ItemDataRole.UserRole) == interview_id
    qtbot.keyClick(win.home.drafts, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.interview is not None and win.interview is not view,
                    timeout=10_000)
    again = win.interview.fields["further_referrals"]
    assert len(again.items) == 1
    item = again.items[0]
    assert item.fields["further_referral_organisation"].value() == "vatra"
    assert item.fields["further_referral_type"].buttons["shelter"].isChecked()
    assert item.fields["further_referral_urgent"].buttons["yes"].isChecked()
    assert "Vatra" in item.fields["further_referral_organisation"].combo.currentText()
    assert item.title.text() == "Referimi shtesë 1"


def test_a_rule_broken_by_an_entry_is_shown_beside_it(qtbot, standard_form, reference):
    view, group = referred_view(qtbot, standard_form, reference, [], consent_referral="no")
    qtbot.keyClick(focused(), INSERT)
    fill_item(qtbot, group, "state_social_services", "2", "n")
    qtbot.keyClick(group.add_button, Qt.Key.Key_Space)
    fill_item(qtbot, group, "vatra", "1", "y")  # a shelter, without consent to referral
    first, second = group.items
    assert first.problem.isHidden()
    assert second.problem.text().startswith("Further referral 2: A referral to a shelter")
    assert group._error.isHidden()  # beside its entry, not under the whole group
    assert "Further referral 2" not in view.problems.text()
    assert not view.finalise_button.isEnabled()
