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
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate(self) -> Any:
        raise NotImplementedError
