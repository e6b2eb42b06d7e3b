"""Small questions in a dialog (a password, a quarter, a comment) with OK and Cancel in the
application's language: Qt ships no Albanian for its own buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget


def _dialog(parent: QWidget, title: str, label: str) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setOkButtonText(QCoreApplication.translate("DialogButtons", "OK"))
    dialog.setCancelButtonText(QCoreApplication.translate("DialogButtons", "Cancel"))
    return dialog


def ask_text(parent: QWidget, title: str, label: str, text: str = "",
             password: bool = False) -> tuple[str, bool]:
    dialog = _dialog(parent, title, label)
    dialog.setTextValue(text)
    if password:
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), accepted


def ask_multiline(parent: QWidget, title: str, label: str) -> tuple[str, bool]:
    dialog = _dialog(parent, title, label)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), accepted
