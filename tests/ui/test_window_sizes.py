"""Every window and dialog fits the workstations' screens, 1280×720 and 1366×768: a button
below the screen's edge cannot be pressed. The session runs on a 1280×720 offscreen screen
(conftest.py); the last test runs the same checks again on 1366×768 in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from screening.ui.accounts import AccountForm, AccountsDialog
from screening.ui.quarterly_dialog import QuarterlyDialog
from screening.ui.recovery import RecoveryDialog
from screening.ui.settings_dialog import SettingsDialog
from screening.ui.sync_dialog import SyncDialog
from tests.ui.conftest import first_run, log_in
from tests.ui.modal import click, named, when_shown
from tests.ui.test_documents import finalised_interview, open_for_review

TITLE_BAR = 32  # what a real window manager adds above the frame offscreen Qt draws


def assert_fits(window: QWidget) -> None:
    QApplication.processEvents()
    room = window.screen().availableGeometry()
    frame = window.frameGeometry()
    assert frame.width() <= room.width() and frame.height() + TITLE_BAR <= room.height(), (
        f"{window.objectName() or type(window).__name__} is {frame.width()}×{frame.height()} "
        f"(+{TITLE_BAR} title bar) on a {room.width()}×{room.height()} screen")
    assert room.contains(frame.topLeft()), (window.objectName(), frame, room)


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()
            and not w.windowFlags() & Qt.WindowType.Popup]


def check_modal(kind: type, close: str | None = None) -> list:
    """When a modal dialog of ``kind`` shows: every window on screen fits; then it is closed
    with its button ``close`` (its Cancel otherwise)."""
    def check(dialog: QDialog) -> None:
        for window in visible_windows():
            assert_fits(window)
        dialog.reject() if close is None else click(None, named(dialog, close))

    return when_shown(kind, check)


def open_and_check(qtbot, win, action, kind) -> None:
    action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(kind)))
    dialog = next(d for d in win.findChildren(kind) if d.isVisible())
    for window in visible_windows():
        assert_fits(window)
    dialog.reject()


def test_every_window_fits_the_screen(qtbot, window):
    win = window
    assert_fits(win)  # the setup wizard, inside the main window
    first_run(qtbot, win)
    assert_fits(win)  # login
    qtbot.mouseClick(win.login.recover, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.findChild(RecoveryDialog) is not None
                    and win.findChild(RecoveryDialog).isVisible())
    assert_fits(win.findChild(RecoveryDialog))
    win.findChild(RecoveryDialog).reject()
    log_in(qtbot, win, "drita")
    assert_fits(win)  # home
    open_and_check(qtbot, win, win.accounts_action, AccountsDialog)
    open_and_check(qtbot, win, win.settings_action, SettingsDialog)
    open_and_check(qtbot, win, win.central_action, SyncDialog)
    open_and_check(qtbot, win, win.quarterly_action, QuarterlyDialog)
    form = AccountForm(parent=win)
    form.show()
    assert_fits(form)
    form.reject()

    win.new_interview()
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    assert_fits(win)
    view = win.interview
    assert view.finalise_button.isVisible()
    bottom = view.finalise_button.mapTo(win, view.finalise_button.rect().bottomLeft()).y()
    assert bottom <= win.height(), "the Finalise button is below the window's edge"

    interview_id = win.runner.store(lambda: finalised_interview(win)).result(timeout=30)
    bar = open_for_review(qtbot, win, interview_id)
    assert_fits(win)
    bar.organisation.set_code("nrcvt")
    bar.organisation.activated.emit(0)
    qtbot.waitUntil(lambda: bar.slip_button.isEnabled())
    qtbot.mouseClick(bar.slip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.documents.preview is not None, timeout=30_000)
    preview = win.documents.preview
    assert_fits(preview)
    check_modal(QPrintDialog)
    click(qtbot, preview.print_button)
    check_modal(QFileDialog)
    click(qtbot, preview.save_button)
    click(qtbot, preview.close_button)
    check_modal(QMessageBox, close="confirmNo")
    click(qtbot, bar.approve_button)  # asks first; the check above answers Cancel


def test_every_window_fits_1366x768(tmp_path):
    env = {**os.environ, "SCREENING_TEST_SCREEN": "1366x768", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           f"{Path(__file__)}::test_every_window_fits_the_screen"],
                          env=env, capture_output=True, text=True, timeout=600, check=False,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
