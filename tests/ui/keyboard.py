"""Answers a question the way an officer does: with the keyboard only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from screening.ui.interview.fields import (
    YNU_KEYS,
    ChoiceField,
    LineField,
    MultiChoiceField,
    MultilineField,
)
from screening.ui.interview.pickers import PickerField

ENTER = Qt.Key.Key_Return


def focused() -> Any:
    return QApplication.focusWidget()


def type_text(widget: Any, text: str) -> None:
    """Type any text, as a keyboard with the right layout would: QTest.keyClicks only knows
    ASCII, and names here are Greek, Cyrillic, Albanian..."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            key = Qt.Key.Key_Space if char == " " else 0
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     char))


def answer_current(qtbot, view, value: Any) -> None:
    """Type ``value`` into the focused question and press Enter to move on."""
    field = view.fields[view.session.current]
    lang = view.lang
    # type only once the question has the keyboard, as a person waits for the cursor
    qtbot.waitUntil(lambda: field.isAncestorOf(focused()), timeout=5000)
    if isinstance(field, ChoiceField):
        if field.question.type == "yes_no_unknown":
            key = YNU_KEYS[lang][value]
        else:
            key = str(list(field.buttons).index(value) + 1)
        qtbot.keyClicks(focused(), key.lower())
    elif isinstance(field, MultiChoiceField):
        for item in value:
            qtbot.keyClicks(focused(), str(list(field.boxes).index(item) + 1))
        qtbot.keyClick(focused(), ENTER)
    elif isinstance(field, MultilineField):
        type_text(focused(), value)
        qtbot.keyClick(focused(), ENTER, Qt.KeyboardModifier.ControlModifier)
    elif isinstance(field, PickerField | LineField):
        target = focused()
        target.selectAll() if hasattr(target, "selectAll") else None
        type_text(target, str(value))
        qtbot.keyClick(target, ENTER)
    else:
        raise AssertionError(f"no keyboard recipe for {field.question.type}")
