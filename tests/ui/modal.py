"""Answering a modal dialog as a person does: its ``exec()`` blocks the test's own code, so
the answer is queued first and given, by pressing its real buttons, once the dialog shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox

POLL_MS = 20
GIVE_UP_MS = 20_000


def when_shown(kind: type, act: Callable[[Any], None], *, name: str | None = None) -> list:
    """Call ``act(dialog)`` on the first visible modal dialog of ``kind`` (and ``name``);
    returns a list that holds the dialog once it was seen."""
    seen: list = []
    timer = QTimer()
    timer.setInterval(POLL_MS)
    waited = [0]

    def poll() -> None:
        waited[0] += POLL_MS
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and (
                name is None or dialog.objectName() == name):
            timer.stop()
            seen.append(dialog)
            act(dialog)
        elif waited[0] > GIVE_UP_MS:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    _TIMERS.append(timer)  # alive until the test session ends
    return seen


_TIMERS: list[QTimer] = []


def click(qtbot, button: QAbstractButton) -> None:
    """A left click on a visible, enabled button (``qtbot`` may be None inside a callback)."""
    assert button.isVisible() and button.isEnabled(), button.text()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def button_with_role(dialog: QDialog, role: QDialogButtonBox.ButtonRole) -> QAbstractButton:
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == role and button.isVisible():
                return button
    raise AssertionError(f"no visible {role} button in {dialog.objectName()}")


def named(dialog: QDialog, object_name: str) -> QAbstractButton:
    button = dialog.findChild(QAbstractButton, object_name)
    assert button is not None, f"no button {object_name!r} in {dialog.objectName()}"
    return button
