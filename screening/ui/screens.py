"""Windows that fit the screen they open on: the target workstations have 1366×768 and
1280×720 screens, and a button below the screen's edge cannot be pressed."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# what a window manager's title bar and borders add around a window, at most
FRAME_WIDTH, FRAME_HEIGHT = 16, 48


def screen_for(widget: QWidget) -> QScreen:
    parent = widget.parentWidget()
    screen = (parent.window() if parent is not None else widget).screen()
    return screen or QGuiApplication.primaryScreen()


def room(widget: QWidget) -> tuple[int, int]:
    """The largest window size, frame excluded, that fits the widget's screen."""
    available = screen_for(widget).availableGeometry()
    return available.width() - FRAME_WIDTH, available.height() - FRAME_HEIGHT


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height`` or the screen's room, whichever is smaller."""
    most_wide, most_high = room(widget)
    widget.resize(min(width, most_wide), min(height, most_high))
