"""The running QApplication, typed: Qt hands it back as an optional QCoreApplication."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    """The process's QApplication. The desktop client (app.main) and the tests start one
    before any widget exists, so finding none, or a console-only QCoreApplication, is a
    programming error rather than something an officer can cause."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the desktop client needs a running QApplication")
    return app
