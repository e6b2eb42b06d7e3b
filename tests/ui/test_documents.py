"""The supervisor's documents in the desktop client: choose the organisation, preview the slip,
print it (to a PDF printer here), with the password asked again when it is old."""

from __future__ import annotations

import io
import stat

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from screening.store.session import StoreSession
from screening.ui import documents as documents_module
from tests.answer_sets import adult_no_indicators, with_yes
from tests.ui.conftest import PASSWORD, first_run, log_in


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


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


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
    saved = preview.saved_to
    assert saved.parent == win.root / "exports"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    text = text_of(saved.read_bytes())
    assert record.case_reference in text
    assert "SECRET-NOTE-MARKER" not in text

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert preview.print_document(printer)
    assert printed.stat().st_size > 10_000
    preview.accept()

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
