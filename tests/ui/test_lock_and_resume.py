"""Locking keeps the interview in place; a killed application resumes the draft."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import ROOT
from tests.ui.conftest import PASSWORD, first_run, log_in


def start_interview(qtbot, win):
    qtbot.keyClick(win.home, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    return win.interview


def test_idle_lock_keeps_the_interview(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    view = start_interview(qtbot, win)
    view.answer("return_mode", "readmission")
    win.idle.timer.setInterval(30)  # the real timer, shortened
    win.idle.start()
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.lock, timeout=5000)
    win.idle.timer.setInterval(60_000)  # back to a human pace, or it locks again at once
    assert "drita" in win.lock.who.text()
    qtbot.keyClicks(win.lock.password, "not the password")
    qtbot.keyClick(win.lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(win.lock.error.text()), timeout=10_000)
    assert win.stack.currentWidget() is win.lock
    qtbot.keyClicks(win.lock.password, PASSWORD)
    qtbot.keyClick(win.lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is view, timeout=10_000)
    assert win.interview is view
    assert view.session.answers["return_mode"] == "readmission"
    view.answer("transport", "air")  # the unlocked session still saves
    qtbot.waitUntil(lambda: win.runner.pending == 0)
    assert "transport" in win.session.get_interview(win.interview_id).answers


def test_ctrl_l_locks(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    qtbot.keyClick(win.home, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.stack.currentWidget() is win.lock
    win.lock.other.click()  # log out and switch user
    assert win.stack.currentWidget() is win.login
    assert win.session is None


CHILD = """
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
from screening.ui.app import build_window
from screening.store.session import StoreSession

app = QApplication([])
win = build_window(["--data-dir", sys.argv[1], "--lang", "en"])
win.show()
answers = [("return_mode", "deported"), ("returned_from", "IT"), ("transport", "air"),
           ("interview_language", "sq"), ("given_name", "Marjeta")]

def answered_all():
    view = win.interview
    for question, value in answers:
        view.answer(question, value)
    def report():
        if win.runner.pending:
            QTimer.singleShot(10, report)
            return
        print("SAVED", win.interview_id, flush=True)  # the parent kills us now
    report()

def go():
    win.login.user.setText("drita")
    win.login.password.setText(sys.argv[2])
    win.login._submit()
    def wait_home():
        if win.stack.currentWidget() is not win.home:
            QTimer.singleShot(10, wait_home)
            return
        win.new_interview()
        def wait_view():
            if win.interview is None:
                QTimer.singleShot(10, wait_view)
                return
            answered_all()
        wait_view()
    wait_home()

QTimer.singleShot(0, go)
app.exec()
"""


def test_killed_mid_interview_resumes_the_draft(qtbot, window, tmp_path):
    win = window
    first_run(qtbot, win)
    win.close()  # the store exists; a second application instance takes over
    data = Path(win.root)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(data), PASSWORD],
                             stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        line = ""
        while not line.startswith("SAVED"):
            line = child.stdout.readline()
            assert line, "the child application ended before saving"
        interview_id = line.split()[1]
        os.kill(child.pid, signal.SIGKILL)  # a power cut, as far as the application knows
    finally:
        child.wait(timeout=30)

    from screening.ui.app import build_window

    again = build_window(["--data-dir", str(data), "--lang", "en"])
    qtbot.addWidget(again)
    again.show()
    log_in(qtbot, again, "drita")
    qtbot.waitUntil(lambda: again.home.drafts.topLevelItemCount() == 1, timeout=10_000)
    item = again.home.drafts.topLevelItem(0)
    assert item.data(0, Qt.ItemDataRole.UserRole) == interview_id
    qtbot.keyClick(again.home.drafts, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: again.interview is not None, timeout=10_000)
    view = again.interview
    assert view.session.answers["given_name"] == "Marjeta"
    assert view.session.answers["returned_from"] == "IT"
    qtbot.waitUntil(lambda: view.session.current == "family_name", timeout=5000)
    again.close()


def test_nothing_gets_past_the_lock(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    win.lock_now()
    for action in (win.home_action, win.new_action, win.accounts_action,
                   win.settings_action, win.quarterly_action, win.central_action):
        assert not action.isEnabled()
        action.trigger()  # even a shortcut that reaches the action does nothing
    win.show_home()
    win.new_interview()
    assert win.stack.currentWidget() is win.lock
    assert win.interview is None
    qtbot.keyClicks(win.lock.password, PASSWORD)
    qtbot.keyClick(win.lock.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.home, timeout=30_000)
    assert win.accounts_action.isEnabled()
