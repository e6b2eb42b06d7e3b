"""Building blocks of the desktop client's dialogs: OK/Cancel and Yes/No in the application's
language (Qt ships no Albanian for its own buttons), a question before an act that cannot be
undone, wrapped labels for explanations, and callbacks that skip a dialog closed meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QLineEdit
from shiboken6 import isValid

from screening.errors import ScreeningError
from screening.ui import i18n

if TYPE_CHECKING:
    # imported where used: the login window (which imports this module) shows no button box
    # and no message box, and their types' enums are created on first import (bench/startup.py)
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget


def error_words(error: ScreeningError) -> str:
    """A core error's message in the client's language (from ``screening.messages`` by its
    code, never English dropped into an Albanian dialog), as a sentence."""
    text = error.in_language(i18n.current()).strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def failure_words(error: BaseException) -> str:
    """Words for any failure a dialog shows: a core error's own; anything else named as such."""
    if isinstance(error, ScreeningError):
        return error_words(error)
    text = QCoreApplication.translate("Failure", "Something unexpected went wrong: %1")
    return text.replace("%1", type(error).__name__)


def store_message(error: BaseException) -> str:
    """Words for a store call that failed: the store's own message (written for people), as a
    sentence; anything unexpected is named as such."""
    if isinstance(error, ScreeningError):
        return error_words(error)
    text = QCoreApplication.translate("AccountsDialog", "Could not save the change: %1")
    return text.replace("%1", str(error))


def if_alive(widget: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback`` for the runner, skipped when the dialog was closed and deleted meanwhile."""

    def call(value: Any) -> None:
        if isValid(widget):
            callback(value)

    return call


def translate_buttons(buttons: QDialogButtonBox) -> None:
    """Qt's own button words have no Albanian translation: give them ours (one context,
    "DialogButtons", whichever dialog shows them)."""
    from PySide6.QtWidgets import QDialogButtonBox

    ok = QCoreApplication.translate("DialogButtons", "OK")
    cancel = QCoreApplication.translate("DialogButtons", "Cancel")
    close = QCoreApplication.translate("DialogButtons", "Close")
    words = {QDialogButtonBox.StandardButton.Ok: ok,
             QDialogButtonBox.StandardButton.Cancel: cancel,
             QDialogButtonBox.StandardButton.Close: close}
    for which, text in words.items():
        button = buttons.button(which)
        if button is not None:
            button.setText(text)


def word_wrapped(name: str = "") -> QLabel:
    """A label for explanations and messages; ``loginError`` gives the red of inline errors."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def line_edit(name: str, password: bool = False) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    if password:
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def ok_cancel(dialog: QDialog, on_ok: Callable[[], None], ok_name: str) -> QDialogButtonBox:
    """OK (the default, so Enter submits) and Cancel (Escape); OK runs ``on_ok``."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setObjectName(ok_name)
    ok.setDefault(True)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def confirm(parent: QWidget, title: str, text: str, act: str) -> bool:
    """Ask before an act that cannot be undone; ``act`` names it on the button (the default is
    Cancel, so a stray Enter does nothing)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("confirmation")
    yes = box.addButton(act, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirmYes")
    no = box.addButton(QCoreApplication.translate("DialogButtons", "Cancel"),
                       QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("confirmNo")
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
