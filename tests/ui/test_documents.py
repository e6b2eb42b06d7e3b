"""The supervisor's documents in the desktop client: choose the organisation, preview the slip,
print it (to a PDF printer here), with the password asked again when it is old."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from screening.store.session import StoreSession
from screening.ui import documents as documents_module
from screening.ui.quarterly_dialog import QuarterlyDialog
from tests.answer_sets import adult_no_indicators, with_yes
from tests.ui.conftest import PASSWORD, first_run, log_in
from tests.ui.modal import click, when_shown
from tests.ui.printing import print_by_pressing, save_by_pressing, text_of


def finalised_interview(win) -> str:
    answers = with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                           action_taken="referred_police_at_unit",
                                           referral_organisation="police_anti_trafficking",
                                           referral_urgent="yes",
                                           officer_notes="SECRET-NOTE-MARKER"), "ind_violence")
    session = win.session
    interview_id = session.start_interview(win.form.id, win.form.version)
    for question, value in answers.items():
        session.save_answer(interview_id, question, value)
    session.finalise(interview_id)
    return interview_id


def open_for_review(qtbot, win, interview_id):
    win.open_interview(interview_id)
    qtbot.waitUntil(lambda: win.interview is not None and
                    win.interview.findChild(object, "reviewBar") is not None, timeout=10_000)
    return win.interview.findChild(object, "reviewBar")


def test_slip_preview_print_and_audit(qtbot, window, tmp_path, monkeypatch):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    interview_id = win.runner.store(lambda: finalised_interview(win)).result(timeout=30)
    bar = open_for_review(qtbot, win, interview_id)

    bar.organisation.set_code("nrcvt")
    bar.organisation.activated.emit(0)
    qtbot.waitUntil(lambda: win.runner.pending == 0)
    record = win.runner.store(lambda: win.session.get_interview(interview_id)).result()
    assert record.answers["referral_organisation"] == "nrcvt"

    # the last password is "old": the slip asks for it again
    monkeypatch.setattr(StoreSession, "recently_authenticated", lambda *a, **k: False)
    asked = []

    def answer_password(*args, **kwargs):
        asked.append(args[1])
        monkeypatch.setattr(StoreSession, "recently_authenticated", lambda *a, **k: True)
        return PASSWORD, True

    monkeypatch.setattr(documents_module, "ask_text", answer_password)
    qtbot.mouseClick(bar.slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.documents.preview is not None, timeout=30_000)
    assert asked, "the password was not asked again"
    preview = win.documents.preview
    # the preview is in memory: no PDF anywhere in the data folder
    assert not list(win.root.rglob("*.pdf")), "the preview wrote a file"
    assert "memory" in preview.where.text() or "kujtes" in preview.where.text()

    printed = print_by_pressing(qtbot, preview, tmp_path / "printed.pdf")
    text = text_of(printed.read_bytes())
    assert record.case_reference in text
    assert "SECRET-NOTE-MARKER" not in text

    saved = save_by_pressing(qtbot, preview, tmp_path / "chosen" / "slip-copy.pdf")
    assert record.case_reference in text_of(saved.read_bytes())
    assert str(saved) in preview.where.text()
    assert not list(win.root.rglob("*.pdf")), "a copy went into the data folder"
    click(qtbot, preview.close_button)
    assert not preview.isVisible()

    entries = win.runner.store(lambda: win.session.audit_entries()).result()
    assert any(e.action == "slip_printed" and e.subject == interview_id for e in entries)
    assert any(e.action == "organisation_chosen" for e in entries)


def test_officer_cannot_print_a_slip(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    win.runner.store(lambda: win.session.add_user("olsi", "officer", "officer password 1")
                     ).result(timeout=30)
    win.log_out()
    log_in(qtbot, win, "olsi", "officer password 1")
    win.new_interview()
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    assert win.interview.findChild(object, "reviewBar") is None
    assert win.record_action.isEnabled() and not win.quarterly_action.isEnabled()


def test_quarterly_report_with_small_counts_hidden(qtbot, window, tmp_path):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    win.runner.store(lambda: finalised_interview(win)).result(timeout=30)

    def choose(dialog) -> None:
        dialog.quarter.selectAll()
        qtbot.keyClicks(dialog.quarter, "2026Q3")  # the quarter the interview began in
        assert dialog.suppress.isChecked()  # hidden unless the supervisor says otherwise
        dialog.below.selectAll()
        qtbot.keyClicks(dialog.below.lineEdit(), "3")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    when_shown(QuarterlyDialog, choose)
    win.quarterly_action.trigger()  # Documents › Quarterly report…
    qtbot.waitUntil(lambda: win.documents.preview is not None, timeout=30_000)
    preview = win.documents.preview
    assert not list(win.root.rglob("*.pdf"))
    printed = print_by_pressing(qtbot, preview, tmp_path / "quarterly.pdf")
    text = " ".join(text_of(printed.read_bytes()).split())
    assert "2026" in text
    # the suppression note, with the threshold chosen in the dialog: 1 and 2 are not published
    assert "Counts from 1 to 2 are not published" in text
    assert "There are no interviews" not in text  # the interview is counted, its cell hidden
    entries = win.runner.store(lambda: win.session.audit_entries()).result()
    exported = [e for e in entries if e.action == "report_exported"]
    assert exported and exported[-1].detail["suppress_below"] == 3
