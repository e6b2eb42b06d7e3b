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


def _log_in_again(qtbot, win, lang, expected, password=PASSWORD):
    again = build_window(["--data-dir", str(win.root), "--lang", lang])
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClicks(again.login.user, "drita")
    qtbot.keyClicks(again.login.password, password)
    again.login.button.click()
    qtbot.waitUntil(lambda: expected in again.login.error.text(), timeout=30_000)
    return again


def test_another_workstations_database_is_named_not_called_damage(qtbot, window, tmp_path):
    from screening.store.session import StoreSession
    from tests.unit.store.helpers import TEST_KDF

    win = window
    first_run(qtbot, win)
    win.close()
    other, _code = StoreSession.initialise(tmp_path / "other", "TIA", "drita", PASSWORD,
                                           kdf=TEST_KDF)
    other.close()
    (win.root / "store.db").write_bytes((tmp_path / "other" / "store.db").read_bytes())
    again = _log_in_again(qtbot, win, "sq", "i përket një kompjuteri tjetër")
    assert "dëmtuar" not in again.login.error.text()
    assert again.session is None
    again.close()


def test_a_damaged_key_slot_is_named_not_a_wrong_password(qtbot, window):
    import base64
    import json

    win = window
    first_run(qtbot, win)
    win.close()
    path = win.root / "keyslots.json"
    document = json.loads(path.read_text())
    raw = bytearray(base64.b64decode(document["slots"]["account:drita"]["wrapped"]))
    raw[0] ^= 0x01
    document["slots"]["account:drita"]["wrapped"] = base64.b64encode(bytes(raw)).decode()
    path.write_text(json.dumps(document))
    again = _log_in_again(qtbot, win, "en", "not counted as a wrong password")
    assert json.loads(path.read_text())["slots"]["account:drita"]["failures"] == 0
    again.close()


def test_lost_writes_are_explained_with_the_copy_aside(qtbot, window, tmp_path, monkeypatch):
    import os
    import shutil

    from screening.store.session import StoreSession

    win = window
    first_run(qtbot, win)
    win.close()
    session = StoreSession.login(win.root, "drita", PASSWORD)
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.set_retention_days(40)  # committed changes that the cut below will lose
    session.set_retention_days(41)
    cut = tmp_path / "cut"
    cut.mkdir(mode=0o700)
    for name in ("store.db", "store.db-wal", "keyslots.json", "store.head"):
        shutil.copyfile(win.root / name, cut / name)
    session.close()
    os.truncate(cut / "store.db-wal", 32)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    again = build_window(["--data-dir", str(cut), "--lang", "sq"])
    qtbot.addWidget(again)
    again.show()
    qtbot.keyClicks(again.login.user, "drita")
    qtbot.keyClicks(again.login.password, PASSWORD)
    again.login.button.click()
    qtbot.waitUntil(lambda: "Mungojnë" in again.login.error.text(), timeout=30_000)
    assert "lost-writes-" in again.login.error.text() and again.session is None
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)  # and the damage advice beside it
    again.close()
