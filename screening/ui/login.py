"""Per-account login, and the lock screen that asks only for the password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screening.errors import (
    AccountDisabledError,
    KeySlotDamagedError,
    LoginDelayedError,
    StoreDamagedError,
    StoreError,
    StoreForeignError,
    StoreLostWritesError,
    WrongCredentialsError,
)
from screening.ui.dialogs import error_words
from screening.ui.retranslating import Retranslating


def login_error_text(widget: QWidget, error: BaseException) -> str:
    """Words for a failed login that never reveal whether an account exists.

    One translation context ("LoginScreen") whichever screen shows them: ``widget.tr`` would
    look them up under the calling class and miss."""
    if isinstance(error, WrongCredentialsError | AccountDisabledError):
        # A disabled account gets the same words: the screen must not confirm who exists.
        return QCoreApplication.translate("LoginScreen", "Wrong user name or password.")
    if isinstance(error, LoginDelayedError):
        seconds = max(1, round(getattr(error, "seconds", 0) or 0))
        text = QCoreApplication.translate(
            "LoginScreen", "Too many wrong passwords. Try again in %1 seconds.")
        return text.replace("%1", str(seconds))
    if isinstance(error, StoreLostWritesError):
        text = QCoreApplication.translate(
            "LoginScreen", "%1 saved change(s) are missing from the database: its files were "
            "cut short or lost. Nothing was changed; the files were copied to %2. Do not use "
            "this workstation for interviews; ask IT support to recover the copy or restore the "
            "latest backup.")
        return text.replace("%1", str(error.missing)).replace("%2", error.aside)
    if isinstance(error, StoreForeignError):
        return QCoreApplication.translate(
            "LoginScreen", "The database in the data folder belongs to another workstation. "
            "Nothing was changed. Ask IT support to put back this workstation's own database.")
    if isinstance(error, KeySlotDamagedError):
        return QCoreApplication.translate(
            "LoginScreen", "The key of this account is damaged; this was not counted as a "
            "wrong password. Log in with another account, or ask a supervisor to reset this "
            "account's password.")
    if isinstance(error, StoreDamagedError):
        return QCoreApplication.translate(
            "LoginScreen", "The database on this workstation is damaged. Nothing was changed. "
            "Ask a supervisor to restore the latest backup.")
    if isinstance(error, StoreError):
        return error_words(error)
    text = QCoreApplication.translate("LoginScreen", "Could not log in: %1")
    return text.replace("%1", str(error))


def centre(screen: QWidget, box: QVBoxLayout) -> None:
    """A narrow column in the middle of the window: easy to read on any screen size.

    Stretches on every side rather than alignment flags: the login window shows before
    anything touches Python's Qt namespace, whose enums cost ~30 ms to create
    (bench/startup.py)."""
    inner = QWidget()
    inner.setLayout(box)
    inner.setMaximumWidth(460)
    column = QVBoxLayout()
    column.addStretch(1)
    column.addWidget(inner)
    column.addStretch(1)
    outer = QHBoxLayout(screen)
    outer.addStretch(1)
    outer.addLayout(column)
    outer.addStretch(1)


def at_left(widget: QWidget) -> QHBoxLayout:
    """``widget`` at its own width on the left of its row (a stretch, not an alignment flag,
    for the reason in ``centre``)."""
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


class LoginScreen(Retranslating, QWidget):
    submitted = Signal(str, str)  # user, password
    recovery_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        self.subtitle = QLabel()
        self.user = QLineEdit()
        self.user.setObjectName("loginUser")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("loginButton")
        self.button.setDefault(True)
        self.recover = QPushButton()
        self.recover.setFlat(True)
        self.user_label, self.password_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.password_label, self.password)
        box = QVBoxLayout()
        box.addWidget(self.title)
        box.addWidget(self.subtitle)
        box.addLayout(form)
        box.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        box.addLayout(buttons)
        box.addLayout(at_left(self.recover))
        centre(self, box)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.user.returnPressed.connect(self.password.setFocus)
        self.recover.clicked.connect(self.recovery_requested.emit)
        self.retranslate()

    def _submit(self) -> None:
        if not self.user.text().strip() or not self.password.text():
            self.error.setText(self.tr("Enter your user name and password."))
            return
        self.set_busy(True)
        self.submitted.emit(self.user.text().strip(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Checking…"))

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.password.clear()
        self.password.setFocus()

    def reset(self) -> None:
        self.error.clear()
        self.password.clear()
        self.set_busy(False)
        (self.password if self.user.text() else self.user).setFocus()


    def retranslate(self) -> None:
        self.title.setText(self.tr("Returnee Screening"))
        self.subtitle.setText(self.tr("Log in with your own account."))
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.button.setText(self.tr("Log in"))
        self.recover.setText(self.tr("Use the recovery code…"))
        self.recover.setToolTip(self.tr("A supervisor who forgot the password sets a new one "
                                        "with the recovery code printed at setup"))


class LockScreen(Retranslating, QWidget):
    """Shown after inactivity or Ctrl+L: the interview stays open behind it."""

    unlock = Signal(str)  # password
    switch_user = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("unlockButton")
        self.other = QPushButton()
        box = QVBoxLayout()
        for widget in (self.title, self.who, self.password, self.error):
            box.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.other)
        row.addStretch(1)
        row.addWidget(self.button)
        box.addLayout(row)
        centre(self, box)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.other.clicked.connect(self.switch_user.emit)
        self.user_name = ""
        self.retranslate()

    def _submit(self) -> None:
        if self.password.text():
            self.button.setEnabled(False)
            self.unlock.emit(self.password.text())

    def show_for(self, user: str) -> None:
        self.user_name = user
        self.error.clear()
        self.password.clear()
        self.button.setEnabled(True)
        self.retranslate()
        self.password.setFocus()

    def failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self.error.setText(message)
        self.password.clear()
        self.password.setFocus()


    def retranslate(self) -> None:
        self.title.setText(self.tr("Locked"))
        self.who.setText(self.tr("Locked for %1. Enter the password to continue; the "
                                 "interview is kept as it was.").replace("%1", self.user_name))
        self.button.setText(self.tr("Unlock"))
        self.password.setPlaceholderText(self.tr("Password"))
        self.other.setText(self.tr("Log out and switch user"))
