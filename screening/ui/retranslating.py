"""One way for a widget's texts to follow the language: Qt sends every widget a LanguageChange
event when a translator is installed or removed (screening.ui.i18n), and a widget with this
mixin answers it by calling its own ``retranslate``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent


class Retranslating:
    """Put first among the bases (``class LoginScreen(Retranslating, QWidget)``), so its
    ``changeEvent`` is the one Qt calls; the class defines ``retranslate``."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # a mixin: the QWidget base has it

    def retranslate(self) -> Any:
        # every class using the mixin defines its own; reaching this one is a programming error
        raise TypeError(f"{type(self).__name__} uses Retranslating but has no retranslate()")
