"""The workstation menu opens the supervisor's dialogs, settings apply at once, and no dialog
outlives a lock."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from screening.ui.accounts import AccountsDialog
from screening.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import first_run, log_in


def open_dialog(qtbot, win, action, kind):
    action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(kind)))
    return next(d for d in win.findChildren(kind) if d.isVisible())


def test_dialogs_close_when_the_workstation_locks(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    assert win.accounts_action.isEnabled()
    dialog = open_dialog(qtbot, win, win.accounts_action, AccountsDialog)
    win.lock_now()
    assert not dialog.isVisible()
    assert not any(d.isVisible() for d in win.findChildren(QDialog))


def test_settings_change_the_lock_time_and_language(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    dialog = open_dialog(qtbot, win, win.settings_action, SettingsDialog)
    dialog.applied.emit("en", 12)
    assert win.idle.timer.interval() == 12 * 60_000
    qtbot.waitUntil(lambda: win.file_menu.title() == "&Interview")
    qtbot.waitUntil(lambda: win.runner.pending == 0)
    assert '"lock_minutes": 12' in (win.root / "preferences.json").read_text()
