"""Locks the application after a period without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel}


class IdleWatcher(QObject):
    """Watches every event of the application, but only while its timer runs (a session is
    open): a Python filter on every event of the login window would cost its start-up the
    wrapping of each event and widget it sees (bench/startup.py)."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, minutes) * 60_000)

    def start(self) -> None:
        self.timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # Qt moves an installed filter, never doubles it

    def stop(self) -> None:
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False
