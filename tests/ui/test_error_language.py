"""A core error reaches a dialog in the client's language: the supervisor's review refused by a
rule of docs/questionnaire-standard.md §3 reads Albanian in the Albanian client — the words of
``screening.messages`` and of the engine, never English inserted through %1 — and English after
switching language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from screening import messages
from tests.answer_sets import child_answers, with_yes
from tests.ui.conftest import first_run, log_in
from tests.ui.modal import click, when_shown
from tests.ui.test_documents import open_for_review


def unaccompanied_child(win) -> str:
    answers = with_yes(child_answers(
        accompanied_by="alone", child_unaccompanied="yes", child_guardian_present="no",
        officer_outcome="suspected_victim", action_taken="referred_child_protection",
        referral_organisation="child_protection_units", referral_urgent="yes"),
        "ind_vuln_economic")
    session = win.session
    interview_id = session.start_interview(win.form.id, win.form.version)
    for question, value in answers.items():
        session.save_answer(interview_id, question, value)
    session.finalise(interview_id)
    return interview_id


def refuse_redirect(qtbot, win, bar) -> str:
    """Type another organisation into the review bar and press Enter; the refusal's text."""
    shown: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        ok = box.button(QMessageBox.StandardButton.Ok)
        if not ok.isVisible():  # shown, its buttons not laid out yet: look again
            when_shown(QMessageBox, read_and_close)
            return
        shown.append(box.text())
        click(None, ok)

    when_shown(QMessageBox, read_and_close)
    combo = bar.organisation
    combo.setFocus()
    combo.lineEdit().selectAll()
    qtbot.keyClicks(combo, "different_equal")
    popup = combo.suggestions.popup()
    if popup is not None and popup.isVisible():  # close the suggestions, keep the typed code
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    return shown[0]


def test_a_refused_review_reads_albanian_then_english(qtbot, window):
    win = window  # built with --lang sq
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    interview_id = win.runner.store(lambda: unaccompanied_child(win)).result(timeout=30)
    bar = open_for_review(qtbot, win, interview_id)

    albanian = refuse_redirect(qtbot, win, bar)
    lead = messages.MESSAGES["referral_rule_broken"]["sq"].split(":")[0]
    assert albanian.startswith(lead[:1].upper() + lead[1:]), albanian
    assert "fëmijë" in albanian.lower()  # the engine's own reason, in Albanian
    for english in ("refused", "nothing was changed", "child protection", "receiving"):
        assert english not in albanian, (english, albanian)
    record = win.runner.store(lambda: win.session.get_interview(interview_id)).result()
    assert record.answers["referral_organisation"] == "child_protection_units"

    win.language_actions["en"].trigger()  # Language › English, as a person picks it
    bar = open_for_review(qtbot, win, interview_id)
    english = refuse_redirect(qtbot, win, bar)
    assert english.startswith("Refused, nothing was changed: "), english
    assert "child protection" in english
