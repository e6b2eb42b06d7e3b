"""The real application, offscreen, on a real encrypted store in a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from screening.ui.app import build_window
from screening.ui.style import STYLE_SHEET

PASSWORD = "correct horse battery"
OFFICER_PASSWORD = "officer password 1"


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    qapp.setStyleSheet(STYLE_SHEET)
    win = build_window(["--data-dir", str(tmp_path / "data"), "--lang", "sq"])
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def first_run(qtbot, win, user: str = "drita") -> None:
    """Go through the setup wizard and stop at the login screen."""
    wizard = win.wizard
    wizard.next()
    page = wizard.account_page
    qtbot.keyClicks(page.user, user)
    qtbot.keyClicks(page.password, PASSWORD)
    qtbot.keyClicks(page.again, PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.code_page, timeout=30_000)
    assert len(wizard.code_page.code.text()) > 20
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    wizard.code_page.stored.setChecked(True)
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.login)


def log_in(qtbot, win, user: str, password: str = PASSWORD) -> None:
    win.login.user.clear()
    qtbot.keyClicks(win.login.user, user)
    qtbot.keyClicks(win.login.password, password)
    from PySide6.QtCore import Qt

    qtbot.keyClick(win.login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.home, timeout=30_000)
