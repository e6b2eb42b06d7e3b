"""A forgotten supervisor password and a damaged database, as the officer at the desk meets
them: the recovery code opens the store; damage is explained and nothing new is created."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from screening.ui.app import build_window
from tests.ui.conftest import PASSWORD, first_run, log_in

NEW_PASSWORD = "a new long password"


def test_recovery_code_sets_a_new_password(qtbot, window):
    win = window
    first_run(qtbot, win)
    code = win.wizard.code_page.code.text()
    win.login.recover.click()
    dialog = win.recovery
    qtbot.keyClicks(dialog.code, code.lower().replace("-", " "))  # as typed from paper
    qtbot.keyClicks(dialog.user, "drita")
    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.again, NEW_PASSWORD)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.home, timeout=30_000)
    win.log_out()
    log_in(qtbot, win, "drita", NEW_PASSWORD)


def test_wrong_recovery_code_opens_nothing(qtbot, window):
    win = window
    first_run(qtbot, win)
    win.login.recover.click()
    dialog = win.recovery
    qtbot.keyClicks(dialog.code, "AAAAA-BBBBB-CCCCC")
    qtbot.keyClicks(dialog.user, "drita")
    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.again, NEW_PASSWORD)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=30_000)
    assert dialog.error.text() and win.session is None


def test_damaged_database_is_explained_never_replaced(qtbot, window, monkeypatch):
    win = window
    first_run(qtbot, win)
    win.close()
    database = win.root / "store.db"
    content = bytearray(database.read_bytes())
    for offset in range(8192, 8192 + 64):  # scramble a page inside the file
        content[offset] ^= 0xFF
    database.write_bytes(bytes(content))
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))

    again = build_window(["--data-dir", str(win.root), "--lang", "en"])
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClicks(again.login.user, "drita")
    qtbot.keyClicks(again.login.password, PASSWORD)
    again.login.button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert "damaged" in again.login.error.text()
    assert "backup" in shown[0] and str(win.root) in shown[0]
    after = database.read_bytes()
    # not replaced: the damaged page is still there (SQLite may have applied its own WAL)
    assert after[8192:8256] == bytes(content[8192:8256]) and len(after) >= len(content)
    assert again.session is None
    again.close()
