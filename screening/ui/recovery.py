"""The recovery code at work: a supervisor who forgot the password sets a new one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from screening.ui.passwords import password_fields, password_problem
from screening.ui.retranslating import Retranslating


class RecoveryDialog(Retranslating, QDialog):
    submitted = Signal(str, str, str)  # recovery code, supervisor, new password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("recoveryCodeInput")
        self.user = QLineEdit()
        self.user.setObjectName("recoveryUser")
        self.password, self.again = password_fields("recoveryPassword")
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.code, self.user, self.password, self.again),
                                strict=True):
            form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.explain)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.retranslate()

    def _submit(self) -> None:
        problem = self._problem()
        if problem:
            self.error.setText(problem)
            return
        self.error.setText(self.tr("Checking the code…"))
        self.buttons.setEnabled(False)
        self.submitted.emit(self.code.text().strip(), self.user.text().strip(),
                            self.password.text())

    def _problem(self) -> str | None:
        if not self.code.text().strip() or not self.user.text().strip():
            return self.tr("Enter the recovery code and the supervisor's user name.")
        problem = password_problem(self.password.text(), self.again.text())
        return problem[0] if problem else None

    def failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Recovery code"))
        self.explain.setText(self.tr(
            "With the recovery code printed when this workstation was set up, a supervisor "
            "gets a new password. Put the code back in its safe place afterwards."))
        for label, text in zip(self.labels, (
                self.tr("Recovery code"), self.tr("Supervisor user name"),
                self.tr("New password"), self.tr("New password again")), strict=True):
            label.setText(text)
