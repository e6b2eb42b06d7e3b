"""Accounts, for supervisors: add an account, disable one, reset a forgotten password.

Every store call goes through the runner's store thread; problems are shown inline in the dialog
and the list is read again from the store after each change.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from screening.errors import AccountDisabledError, AccountError
from screening.store.accounts import ROLES, Account, check_name
from screening.store.session import StoreSession
from screening.ui.dialogs import (
    if_alive,
    line_edit,
    ok_cancel,
    store_message,
    translate_buttons,
    word_wrapped,
)
from screening.ui.passwords import password_problem
from screening.ui.retranslating import Retranslating
from screening.ui.runner import Runner

NAME_ROLE = Qt.ItemDataRole.UserRole


class AccountForm(Retranslating, QDialog):
    """A new account (name, role, password twice) or, given ``user``, a new password for it.

    It only checks and collects; the accounts dialog does the store work, then calls
    :meth:`accept` or :meth:`fail`."""

    submitted = Signal(str, str, str)  # user, role ("" for a password reset), password

    def __init__(self, user: str | None = None, taken: Iterable[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountForm")
        self.user, self.taken, self.busy = user, set(taken), False
        self.intro, self.error = word_wrapped(), word_wrapped("loginError")
        self.name = line_edit("accountName")
        self.name.setMaxLength(32)
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for role in ROLES:
            self.role.addItem("", role)
        self.password = line_edit("accountPassword", password=True)
        self.again = line_edit("accountPasswordAgain", password=True)
        self.buttons = ok_cancel(self, self._submit, "accountOk")
        self._lay_out()
        self.retranslate()

    @property
    def adding(self) -> bool:
        return self.user is None

    def _lay_out(self) -> None:
        self.labels = {field: QLabel() for field in (self.name, self.role, self.password,
                                                     self.again)}
        form = QFormLayout()
        for field, label in self.labels.items():
            if self.adding or field in (self.password, self.again):
                label.setBuddy(field)
                form.addRow(label, field)
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        (self.name if self.adding else self.password).setFocus()
        self.setMinimumWidth(420)


    def retranslate(self) -> None:
        if self.adding:
            self.setWindowTitle(self.tr("Add an account"))
            self.intro.setText(self.tr("Officers interview; supervisors also review, print "
                                       "and manage accounts."))
        else:
            self.setWindowTitle(self.tr("Reset password"))
            self.intro.setText(self.tr("New password for %1. Tell it to them in person.")
                               .replace("%1", self.user or ""))
        self.role.setItemText(0, self.tr("Officer"))
        self.role.setItemText(1, self.tr("Supervisor"))
        words = (self.tr("&User name"), self.tr("&Role"), self.tr("&Password"),
                 self.tr("Password &again"))
        for label, text in zip(self.labels.values(), words, strict=True):
            label.setText(text)
        translate_buttons(self.buttons)

    def _submit(self) -> None:
        if self.busy:
            return
        problem = self._problem()
        if problem is not None:
            message, field = problem
            self.error.setText(message)
            field.setFocus()
            return
        self.set_busy(True)
        role = self.role.currentData() if self.adding else ""
        self.submitted.emit(self._user_name(), role, self.password.text())

    def _user_name(self) -> str:
        return self.name.text().strip().lower() if self.adding else self.user or ""

    def _problem(self) -> tuple[str, QWidget] | None:
        if self.adding:
            name_problem = self._name_problem()
            if name_problem is not None:
                return name_problem, self.name
        problem = password_problem(self.password.text(), self.again.text())
        if problem is None:
            return None
        text, which = problem
        return text, (self.password, self.again)[which]

    def _name_problem(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Enter a user name.")
        try:
            name = check_name(self.name.text())
        except AccountError:
            return self.tr("A user name has 2 to 32 letters (a–z), digits, dots, dashes or "
                           "underscores, and starts with a letter or a digit.")
        if name in self.taken:
            return self.tr("There is already an account named %1.").replace("%1", name)
        return None

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)
        if busy:
            self.error.setText(self.tr("Saving…"))

    def fail(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        (self.name if self.adding else self.password).setFocus()

    def reject(self) -> None:
        if not self.busy:  # the store is working on it: wait for the answer
            super().reject()

    def clear_passwords(self) -> None:
        self.password.clear()
        self.again.clear()


class AccountsDialog(Retranslating, QDialog):
    """The accounts of this workstation, for a supervisor's ``session``."""

    changed = Signal()  # an account was added, disabled or given a new password

    def __init__(self, runner: Runner, session: StoreSession,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsDialog")
        self.runner, self.session = runner, session
        self.accounts: list[Account] = []
        self.form: AccountForm | None = None
        self.confirm: QMessageBox | None = None
        self.confirm_button: QPushButton | None = None
        self._build()
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.explain = word_wrapped()
        self.table = self._make_table()
        self.status = word_wrapped("accountsStatus")
        self.error = word_wrapped("loginError")
        row = self._make_actions()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        for above in (self.explain, self.table):
            column.addWidget(above)
        column.addLayout(row)
        for below in (self.status, self.error, self.buttons):
            column.addWidget(below)
        self.resize(640, 460)
        self._update_buttons()
        self.table.setFocus()  # the arrow keys choose an account at once

    def _make_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button, self.disable_button, self.reset_button = (
            QPushButton() for _ in range(3))
        for button, name, slot in ((self.add_button, "accountsAdd", self.add_account),
                                   (self.disable_button, "accountsDisable",
                                    self.disable_selected),
                                   (self.reset_button, "accountsReset", self.reset_selected)):
            button.setObjectName(name)
            button.setAutoDefault(False)  # Enter in the table does not press them
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 3)
        table.setObjectName("accountsTable")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._update_buttons)
        return table

    # -- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the accounts again, off the UI thread."""
        self.runner.store(self.session.list_users, if_alive(self, self._show_accounts),
                          if_alive(self, lambda error: self.show_error(store_message(error))))

    def _show_accounts(self, accounts: list[Account]) -> None:
        chosen = self.selected()
        self.accounts = list(accounts)
        self._fill_table()
        self.select(chosen.name if chosen else self.session.account.name)
        self._update_buttons()  # the same row may now be a disabled account

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.accounts))
        for row, account in enumerate(self.accounts):
            cells = (account.name, self.role_text(account.role), self.state_text(account))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(NAME_ROLE, account.name)
                if account.disabled:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, item)

    def select(self, name: str) -> None:
        for row, account in enumerate(self.accounts):
            if account.name == name:
                self.table.selectRow(row)
                return

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        if item is None:  # _fill_table gives every row its cells; a row without is no account
            return None
        name = item.data(NAME_ROLE)
        return next((a for a in self.accounts if a.name == name), None)

    def role_text(self, role: str) -> str:
        return {"officer": self.tr("Officer"), "supervisor": self.tr("Supervisor")}.get(role, role)

    def state_text(self, account: Account) -> str:
        if account.disabled:
            return self.tr("Disabled")
        if account.name == self.session.account.name:
            return self.tr("Active (you)")
        return self.tr("Active")

    def _update_buttons(self) -> None:
        account = self.selected()
        active = account is not None and not account.disabled
        self.disable_button.setEnabled(active)
        self.reset_button.setEnabled(active)

    # -- adding and resetting --------------------------------------------------------------

    def add_account(self) -> None:
        form = AccountForm(None, (a.name for a in self.accounts), self)
        form.submitted.connect(lambda user, role, password: self._add(form, user, role, password))
        self._open_form(form)

    def reset_selected(self) -> None:
        account = self.selected()
        if account is None or account.disabled:
            return
        form = AccountForm(account.name, (), self)
        form.submitted.connect(lambda user, _role, password: self._reset(form, user, password))
        self._open_form(form)

    def _open_form(self, form: AccountForm) -> None:
        self.clear_messages()
        self.form = form
        form.finished.connect(lambda _result: self._form_closed(form))
        form.open()

    def _form_closed(self, form: AccountForm) -> None:
        form.clear_passwords()
        form.deleteLater()
        if self.form is form:
            self.form = None
        self.table.setFocus()

    def _add(self, form: AccountForm, user: str, role: str, password: str) -> None:
        session = self.session
        done = self.tr("The account %1 is added.").replace("%1", user)
        self.runner.store(lambda: session.add_user(user, role, password),
                          if_alive(form, lambda _account: self._form_done(form, done, user)),
                          if_alive(form, lambda error: form.fail(store_message(error))))

    def _reset(self, form: AccountForm, user: str, password: str) -> None:
        session = self.session
        done = self.tr("The password of %1 is changed.").replace("%1", user)
        self.runner.store(lambda: session.reset_password(user, password),
                          if_alive(form, lambda _none: self._form_done(form, done, user)),
                          if_alive(form, lambda error: self._reset_failed(form, user, error)))

    def _reset_failed(self, form: AccountForm, user: str, error: BaseException) -> None:
        if isinstance(error, AccountDisabledError):  # disabled meanwhile, by someone else
            form.fail(self.tr("The account %1 is disabled: its password cannot be reset.")
                      .replace("%1", user))
            self.refresh()
        else:
            form.fail(store_message(error))

    def _form_done(self, form: AccountForm, message: str, user: str) -> None:
        form.set_busy(False)
        form.accept()
        self._changed(message, user)

    # -- disabling -------------------------------------------------------------------------

    def disable_selected(self) -> None:
        account = self.selected()
        if account is None or account.disabled:
            return
        self.clear_messages()
        if account.name == self.session.account.name:
            self.show_error(self.tr("You cannot disable your own account."))
            return
        self._confirm_disable(account.name)

    def _confirm_disable(self, name: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Disable account"), self.tr(
            "Disable the account %1? It can no longer log in, and this cannot be undone; "
            "the interviews it made are kept.").replace("%1", name),
            QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmDisable")
        confirm = box.addButton(self.tr("&Disable"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QCoreApplication.translate("DialogButtons", "Cancel"),
                               QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # Enter does not disable anyone by accident
        box.setEscapeButton(cancel)
        confirm.clicked.connect(lambda: self._disable(name))
        box.finished.connect(lambda _result: self._confirm_closed(box))
        self.confirm, self.confirm_button = box, confirm
        box.open()

    def _confirm_closed(self, box: QMessageBox) -> None:
        box.deleteLater()
        if self.confirm is box:
            self.confirm = self.confirm_button = None

    def _disable(self, name: str) -> None:
        session = self.session
        done = self.tr("The account %1 is disabled.").replace("%1", name)
        self.runner.store(lambda: session.disable_user(name),
                          if_alive(self, lambda _none: self._changed(done, name)),
                          if_alive(self, self._change_failed))

    # -- after a change --------------------------------------------------------------------

    def _changed(self, message: str, user: str) -> None:
        self.show_status(message)
        self.changed.emit()
        self.runner.store(self.session.list_users,
                          if_alive(self, lambda accounts: self._show_and_select(accounts, user)),
                          if_alive(self, lambda error: self.show_error(store_message(error))))

    def _show_and_select(self, accounts: list[Account], user: str) -> None:
        self._show_accounts(accounts)
        self.select(user)

    def _change_failed(self, error: BaseException) -> None:
        self.show_error(store_message(error))
        self.refresh()  # the list may have changed meanwhile

    def show_status(self, message: str) -> None:
        self.error.clear()
        self.status.setText(message)

    def show_error(self, message: str) -> None:
        self.status.clear()
        self.error.setText(message)

    def clear_messages(self) -> None:
        self.status.clear()
        self.error.clear()

    # -- language --------------------------------------------------------------------------


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Accounts"))
        self.explain.setText(self.tr(
            "Everyone who uses this workstation has their own account. A disabled account can "
            "no longer log in."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Role"), self.tr("Status")])
        self.add_button.setText(self.tr("&Add account…"))
        self.disable_button.setText(self.tr("&Disable…"))
        self.reset_button.setText(self.tr("&Reset password…"))
        translate_buttons(self.buttons)
        chosen = self.selected()
        self._fill_table()
        if chosen is not None:
            self.select(chosen.name)
