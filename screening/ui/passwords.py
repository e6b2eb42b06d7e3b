"""The "new password, twice" pair: setup, recovery and the accounts dialog ask the same way
and give the same words when the two do not agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from screening import passwordpolicy


def password_fields(name: str) -> tuple[QLineEdit, QLineEdit]:
    """Two hidden-text fields with object names ``name`` and ``nameAgain`` (tests find them)."""
    fields = (QLineEdit(), QLineEdit())
    for field, suffix in zip(fields, ("", "Again"), strict=True):
        field.setObjectName(f"{name}{suffix}")
        field.setEchoMode(QLineEdit.EchoMode.Password)
    return fields


def password_problem(password: str, again: str) -> tuple[str, int] | None:
    """What is wrong, and which field (0 or 1) to fix; None when the pair is good."""
    if passwordpolicy.problem(password):
        text = QCoreApplication.translate("Passwords", "The password needs at least %1 characters.")
        return text.replace("%1", str(passwordpolicy.MIN_LENGTH)), 0
    if password != again:
        same = QCoreApplication.translate("Passwords", "The two passwords are not the same.")
        return same, 1
    return None
