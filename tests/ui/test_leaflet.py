"""The information leaflet printed from the workstation in one step: beside the form's question
whether the person was given it, and from Documents; no password asked, nothing about any
person on it; printed in both languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui.conftest import first_run, log_in
from tests.ui.modal import click
from tests.ui.printing import print_by_pressing, text_of


def test_the_leaflet_button_beside_its_question_prints_it(qtbot, window, tmp_path):
    win = window  # Albanian
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    win.new_interview()
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    view = win.interview
    button = view.findChild(QPushButton, "leafletButton")
    assert button is not None and button.text() == "Printo fletëpalosjen"
    assert view.fields["info_leaflet_given"].isAncestorOf(button)
    view.show_question("info_leaflet_given")  # where the officer reaches the question
    qtbot.waitUntil(button.isVisible, timeout=10_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.documents.preview is not None, timeout=30_000)
    preview = win.documents.preview
    assert not list(win.root.rglob("*.pdf")), "the preview wrote a file"
    words = " ".join(text_of(print_by_pressing(qtbot, preview, tmp_path / "l.pdf")
                             .read_bytes()).split())
    assert "Të drejtat tuaja" in words and "Your rights" in words
    assert "116 111" in words
    click(qtbot, preview.close_button)
    entries = win.runner.store(lambda: win.session.audit_entries()).result()
    assert not any("leaflet" in e.action for e in entries)  # nothing personal left the store


def test_the_documents_menu_prints_it_for_an_officer_too(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    win.runner.store(lambda: win.session.add_user("olsi", "officer", "officer password 1")
                     ).result(timeout=30)
    win.log_out()
    log_in(qtbot, win, "olsi", "officer password 1")
    assert win.leaflet_action.isEnabled()
    assert win.leaflet_action.text() == "Fletëpalosja informuese për personin…"
    win.leaflet_action.trigger()  # Dokumentet › Fletëpalosja informuese për personin…
    qtbot.waitUntil(lambda: win.documents.preview is not None, timeout=30_000)
    assert win.documents.preview.windowTitle().startswith("Fletëpalosja informuese")
