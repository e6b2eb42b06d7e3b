"""Accounts and settings, driven with the keyboard on the real application and a real store."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from screening import passwordpolicy
from screening.store.session import StoreSession
from screening.ui.accounts import AccountsDialog
from screening.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import OFFICER_PASSWORD, PASSWORD, first_run, log_in

ENTER, SPACE = Qt.Key.Key_Return, Qt.Key.Key_Space
NEW_PASSWORD = "a brand new password"


def open_accounts(qtbot, win) -> AccountsDialog:
    dialog = AccountsDialog(win.runner, win.session, win)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    return dialog


def rows(dialog: AccountsDialog) -> dict[str, tuple[str, str]]:
    table = dialog.table
    return {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}


def fill_account_form(qtbot, dialog, name: str, password: str, again: str | None = None,
                      supervisor: bool = False):
    qtbot.keyClick(dialog.add_button, SPACE)
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.isVisible())
    form = dialog.form
    form.name.clear()
    qtbot.keyClicks(form.name, name)
    if supervisor:
        qtbot.keyClick(form.role, Qt.Key.Key_Down)
    qtbot.keyClicks(form.password, password)
    qtbot.keyClicks(form.again, password if again is None else again)
    qtbot.keyClick(form.again, ENTER)
    return form


def add_account(qtbot, dialog, name: str, password: str = OFFICER_PASSWORD,
                supervisor: bool = False) -> None:
    fill_account_form(qtbot, dialog, name, password, supervisor=supervisor)
    qtbot.waitUntil(lambda: dialog.form is None, timeout=30_000)
    qtbot.waitUntil(lambda: name in rows(dialog), timeout=10_000)


def choose(qtbot, dialog, name: str) -> None:
    """Walk down the table with the arrow keys to the account."""
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(dialog.table.rowCount()):
        if dialog.selected().name == name:
            return
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected().name == name


def switch_user(qtbot, win, dialog, user: str, password: str) -> None:
    dialog.close()
    win.logout_action.trigger()
    assert win.stack.currentWidget() is win.login
    log_in(qtbot, win, user, password)


def log_in_fails(qtbot, win, user: str, password: str) -> None:
    win.login.user.clear()
    qtbot.keyClicks(win.login.user, user)
    qtbot.keyClicks(win.login.password, password)
    qtbot.keyClick(win.login.password, ENTER)
    wrong = QCoreApplication.translate("LoginScreen", "Wrong user name or password.")
    qtbot.waitUntil(lambda: win.login.error.text() == wrong, timeout=30_000)
    assert win.stack.currentWidget() is win.login
    assert win.session is None


def test_add_an_officer_then_disable_it(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    dialog = open_accounts(qtbot, win)
    assert rows(dialog) == {"drita": ("Mbikëqyrës", dialog.tr("Active (you)"))}
    add_account(qtbot, dialog, "arben")
    assert rows(dialog)["arben"] == ("Punonjës", dialog.tr("Active"))
    assert dialog.selected().name == "arben"
    assert "arben" in dialog.status.text()

    switch_user(qtbot, win, dialog, "arben", OFFICER_PASSWORD)
    assert win.session.account.role == "officer"

    switch_user(qtbot, win, win.home, "drita", PASSWORD)
    dialog = open_accounts(qtbot, win)
    choose(qtbot, dialog, "arben")
    qtbot.keyClick(dialog.disable_button, SPACE)
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    qtbot.keyClick(dialog.confirm, ENTER)  # Enter is Cancel: nobody is disabled by accident
    qtbot.waitUntil(lambda: dialog.confirm is None)
    assert rows(dialog)["arben"][1] == dialog.tr("Active")

    qtbot.keyClick(dialog.disable_button, SPACE)
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    qtbot.keyClick(dialog.confirm_button, SPACE)
    qtbot.waitUntil(lambda: rows(dialog)["arben"][1] == dialog.tr("Disabled"), timeout=10_000)
    assert not dialog.disable_button.isEnabled() and not dialog.reset_button.isEnabled()

    dialog.close()
    win.logout_action.trigger()
    log_in_fails(qtbot, win, "arben", OFFICER_PASSWORD)


def test_inline_errors_and_password_reset(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    dialog = open_accounts(qtbot, win)
    form = fill_account_form(qtbot, dialog, "besa", "short")
    assert str(passwordpolicy.MIN_LENGTH) in form.error.text() and form.isVisible()
    qtbot.keyClick(form.password, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.form is None)
    form = fill_account_form(qtbot, dialog, "besa", OFFICER_PASSWORD, again="something else")
    assert form.error.text() == QCoreApplication.translate(
        "Passwords", "The two passwords are not the same.")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.form is None)
    form = fill_account_form(qtbot, dialog, "Drita", OFFICER_PASSWORD)
    assert "drita" in form.error.text()  # already taken, whatever the case
    form.name.clear()
    qtbot.keyClicks(form.name, "b")  # too short for a user name
    qtbot.keyClick(form.again, ENTER)
    assert form.isVisible() and "32" in form.error.text()
    form.name.clear()
    qtbot.keyClicks(form.name, "besa")
    qtbot.keyClick(form.again, ENTER)
    qtbot.waitUntil(lambda: "besa" in rows(dialog), timeout=30_000)

    choose(qtbot, dialog, "drita")
    qtbot.keyClick(dialog.disable_button, SPACE)
    assert dialog.confirm is None
    assert dialog.error.text() == dialog.tr("You cannot disable your own account.")

    choose(qtbot, dialog, "besa")
    qtbot.keyClick(dialog.reset_button, SPACE)
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.isVisible())
    form = dialog.form
    assert "besa" in form.intro.text() and not form.name.isVisible()
    qtbot.keyClicks(form.password, NEW_PASSWORD)
    qtbot.keyClicks(form.again, NEW_PASSWORD)
    qtbot.keyClick(form.again, ENTER)
    qtbot.waitUntil(lambda: dialog.form is None, timeout=30_000)
    assert "besa" in dialog.status.text() and not dialog.error.text()

    dialog.close()
    win.logout_action.trigger()
    log_in_fails(qtbot, win, "besa", OFFICER_PASSWORD)
    log_in(qtbot, win, "besa", NEW_PASSWORD)


def test_a_second_supervisor_can_disable_the_first(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    dialog = open_accounts(qtbot, win)
    add_account(qtbot, dialog, "clirim", supervisor=True)
    assert rows(dialog)["clirim"][0] == dialog.tr("Supervisor")
    switch_user(qtbot, win, dialog, "clirim", OFFICER_PASSWORD)
    dialog = open_accounts(qtbot, win)
    choose(qtbot, dialog, "drita")
    qtbot.keyClick(dialog.disable_button, SPACE)
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    qtbot.keyClick(dialog.confirm_button, SPACE)
    qtbot.waitUntil(lambda: rows(dialog)["drita"][1] == dialog.tr("Disabled"), timeout=10_000)


def test_the_store_refuses_what_the_list_did_not_know(qtbot, window):
    """Another supervisor disabled this one while the dialog was open: the store, not the stale
    list, decides, and its words are shown."""
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    dialog = open_accounts(qtbot, win)
    add_account(qtbot, dialog, "clirim", supervisor=True)
    add_account(qtbot, dialog, "arben")

    def elsewhere() -> None:
        with StoreSession.login(win.root, "clirim", OFFICER_PASSWORD) as other:
            other.disable_user("drita")
            other.disable_user("arben")

    win.runner.store(elsewhere).result(timeout=30)
    choose(qtbot, dialog, "arben")  # still shown as active
    qtbot.keyClick(dialog.reset_button, SPACE)
    qtbot.waitUntil(lambda: dialog.form is not None and dialog.form.isVisible())
    form = dialog.form
    qtbot.keyClicks(form.password, NEW_PASSWORD)
    qtbot.keyClicks(form.again, NEW_PASSWORD)
    qtbot.keyClick(form.again, ENTER)
    refused = dialog.tr("The account %1 is disabled: its password cannot be reset.")
    qtbot.waitUntil(lambda: form.error.text() == refused.replace("%1", "arben"), timeout=10_000)
    qtbot.waitUntil(lambda: rows(dialog)["drita"][1] == dialog.tr("Disabled"), timeout=10_000)
    assert rows(dialog)["arben"][1] == dialog.tr("Disabled")
    qtbot.keyClick(form.password, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.form is None)
    assert not dialog.reset_button.isEnabled()

    choose(qtbot, dialog, "clirim")
    qtbot.keyClick(dialog.disable_button, SPACE)
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible())
    qtbot.keyClick(dialog.confirm_button, SPACE)
    qtbot.waitUntil(lambda: bool(dialog.error.text()), timeout=10_000)
    # the store's words, in the client's language (Albanian), from screening.messages
    assert dialog.error.text() == "Mbikëqyrësi i fundit aktiv nuk mund të çaktivizohet."
    assert rows(dialog)["clirim"][1] == dialog.tr("Active")


def test_settings_change_lock_and_retention(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    dialog = SettingsDialog(win.runner, win.session, win.preferences, win.languages.lang, win)
    dialog.show()
    assert dialog.language.currentData() == "sq"
    assert dialog.lock_minutes.value() == 5
    qtbot.waitUntil(lambda: dialog.retention.isEnabled(), timeout=10_000)
    assert dialog.retention.value() == 30 and not dialog.retention.isReadOnly()

    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)
    type_number(qtbot, dialog.lock_minutes, "12")
    type_number(qtbot, dialog.retention, "45")
    with qtbot.waitSignal(dialog.applied, timeout=10_000) as applied:
        qtbot.keyClick(dialog.retention, ENTER)
    assert applied.args == ["en", 12]
    assert not dialog.isVisible()
    assert win.runner.store(win.session.retention_days).result(timeout=10) == 45


def test_settings_for_an_officer_and_cancel(qtbot, window):
    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    accounts = open_accounts(qtbot, win)
    add_account(qtbot, accounts, "arben")
    switch_user(qtbot, win, accounts, "arben", OFFICER_PASSWORD)

    dialog = SettingsDialog(win.runner, win.session, win.preferences, "sq", win)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.retention.isEnabled(), timeout=10_000)
    assert dialog.retention.isReadOnly() and dialog.retention.value() == 30
    type_number(qtbot, dialog.retention, "99")  # read-only: the keys change nothing
    assert dialog.retention.value() == 30
    with qtbot.assertNotEmitted(dialog.applied):
        qtbot.keyClick(dialog.lock_minutes, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    dialog = SettingsDialog(win.runner, win.session, win.preferences, "sq", win)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.retention.isEnabled(), timeout=10_000)
    type_number(qtbot, dialog.lock_minutes, "500")  # beyond the limit: the spin box stops it
    with qtbot.waitSignal(dialog.applied, timeout=10_000) as applied:
        qtbot.keyClick(dialog.lock_minutes, ENTER)
    assert applied.args[0] == "sq" and 1 <= applied.args[1] <= 120
    assert not dialog.error.text()


def type_number(qtbot, spin, text: str) -> None:
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
