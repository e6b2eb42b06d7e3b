"""The real application, offscreen, on a real encrypted store in a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

# Qt's offscreen screen is 800×600 unless told otherwise; the workstations have 1280×720 or
# 1366×768, so the tests run on the smaller (SCREENING_TEST_SCREEN picks another, see
# test_window_sizes.py)
SCREENS = Path(__file__).resolve().parent / "screens"
_screen = SCREENS / f"{os.environ.get('SCREENING_TEST_SCREEN', '1280x720')}.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

import pytest  # noqa: E402 (after the platform is chosen)

from screening.ui.app import build_window  # noqa: E402
from screening.ui.style import STYLE_SHEET  # noqa: E402

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
