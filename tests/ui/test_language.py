"""Switching language at run time changes the UI's own strings and the form's labels."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import first_run, log_in


def test_language_switch_without_restart(qtbot, window):
    win = window
    first_run(qtbot, win)
    assert win.login.button.text() == "Hyr"  # Albanian from the compiled translation
    log_in(qtbot, win, "drita")
    assert "Intervistë e re" in win.home.new_button.text()
    qtbot.keyClick(win.home, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    view = win.interview
    label = view.fields["given_name"]._label
    assert label.text().startswith(win.form.questions["given_name"].label["sq"])

    win.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: view.next_button.text() == "Next section ▶")
    assert label.text().startswith(win.form.questions["given_name"].label["en"])
    qtbot.waitUntil(lambda: win.file_menu.title() == "&Interview")
    assert win.home.new_button.text() == "New interview (Ctrl+N)"
    win.language_actions["sq"].trigger()
    qtbot.waitUntil(lambda: view.next_button.text() == "Seksioni tjetër ▶")
    assert label.text().startswith(win.form.questions["given_name"].label["sq"])
