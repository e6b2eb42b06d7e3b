"""A push button that Enter presses too, wherever it sits.

Qt presses a focused button with Space only, and with Enter only inside a dialog (the "auto
default"): outside one, an officer who tabs to "Finalise" and presses Enter got nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton


class EnterButton(QPushButton):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled() \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.animateClick()
            return
        super().keyPressEvent(event)
