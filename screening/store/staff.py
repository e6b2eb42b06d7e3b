"""Account administration within a session: add, disable, change and reset passwords.
Each change touches the accounts table, the audit log and exactly one key slot."""

from __future__ import annotations

from screening.errors import AccountDisabledError, AccountError, WrongCredentialsError
from screening.passwordpolicy import check_new_password as check_password
from screening.store import accounts, audit, connection
from screening.store.accounts import Account
from screening.store.keycare import KeyCare
from screening.store.keyslots import account_slot


class AccountAdmin(KeyCare):
    def add_user(self, user: str, role: str, password: str,
                 full_name: str | None = None) -> Account:
        """``full_name`` is the person's name as the referral slip prints it."""
        self._require_supervisor("add an account")
        name = accounts.check_name(user)
        accounts.check_role(role)
        accounts.check_full_name(full_name)
        check_password(password)
        if self._slots.slots.get(account_slot(name)) is not None:
            raise AccountError(code="account_exists", name=name)
        with connection.transaction(self.conn):
            accounts.insert(self.conn, name, role, self.account.name, self._now(), full_name)
            audit.append(self.conn, self.account.name, "account_added", name,
                         {"role": role, "full_name_given": bool(full_name)})
            private_key = self._new_key_pair(name)
            # a new supervisor reads every officer's data: seal them the keys this session holds
            self.keys.complete()
            # the slot is written before COMMIT: if it fails, the account is rolled back too
            with self._slots.editing() as slots:
                slots.set_secret(account_slot(name), password, self._master_key, self._kdf,
                                 private_key)
        return self._account(name)

    def list_users(self) -> list[Account]:
        self._require_supervisor("list accounts")
        return accounts.all_accounts(self.conn)

    def set_full_name(self, user: str, full_name: str | None) -> Account:
        """Record the person's full name on an account (None or '' clears it): a supervisor
        for any account, anyone for their own."""
        target = self._existing_account(user)
        if target.name != self.account.name:
            self._require_supervisor("change another account's full name")
        tidy = accounts.check_full_name(full_name)
        with connection.transaction(self.conn):
            accounts.set_full_name(self.conn, target.name, tidy)
            # the audit says that it changed, not the name itself: names stay in one table
            audit.append(self.conn, self.account.name, "account_full_name_set", target.name,
                         {"cleared": tidy is None})
        if target.name == self.account.name:
            self.account = self._account(target.name)
        return self._account(target.name)

    def disable_user(self, user: str) -> None:
        self._require_supervisor("disable an account")
        target = self._existing_account(user)
        if target.name == self.account.name:
            raise AccountError(code="account_disable_self")
        if target.disabled:
            return
        if target.role == "supervisor" and accounts.count_active_supervisors(self.conn) <= 1:
            raise AccountError(code="last_supervisor")
        with connection.transaction(self.conn):
            accounts.set_disabled(self.conn, target.name)
            audit.append(self.conn, self.account.name, "account_disabled", target.name)
            # nothing current stays sealed to the account, nor under a key it ever held
            self.keys.forget_reader(target.name)
            self._rekey(self._reach_of(target.name, target.role))
            # the wrapped key is deleted, not flagged: a disabled password must not open the file
            with self._slots.editing() as slots:
                slots.disable(account_slot(target.name))

    def change_password(self, old_password: str, new_password: str) -> None:
        """Rewraps only this account's slot, after proving the old password."""
        check_password(new_password)
        if self._slots.unwrap(account_slot(self.account.name), old_password) is None:
            raise WrongCredentialsError(code="current_password_wrong")
        # the holder proved the old password: the same key pair, under the new one
        with connection.transaction(self.conn):
            at = self._now()
            accounts.password_changed(self.conn, self.account.name, at)
            audit.append(self.conn, self.account.name, "password_changed", self.account.name,
                         {}, at)
            with self._slots.editing() as slots:
                slots.set_secret(account_slot(self.account.name), new_password,
                                 self._master_key, self._kdf,
                                 self.keys.private_keys.get(self.account.name))

    def reset_password(self, user: str, new_password: str) -> None:
        """A supervisor sets a new password for an account whose password was forgotten."""
        self._require_supervisor("reset a password")
        check_password(new_password)
        target = self._existing_account(user)
        if target.disabled:
            raise AccountDisabledError(target.name)
        self._set_password(target.name, new_password, "password_reset")

    def _set_password(self, name: str, password: str, action: str) -> None:
        """A new password set by someone else (a supervisor, the recovery code): the old one
        may be known to someone, so the account gets a new key pair and the data it could read
        new data keys; an old copy of its slot opens nothing current."""
        target = self._existing_account(name)
        with connection.transaction(self.conn):
            at = self._now()
            accounts.password_changed(self.conn, name, at)
            audit.append(self.conn, self.account.name, action, name, {}, at)
            private_key = self._new_key_pair(name)
            if name == self.account.name:  # recovery: the session goes on as this supervisor
                self.keys.private_keys[name] = private_key
            self._rekey(self._reach_of(target.name, target.role))
            self.keys.complete()
            with self._slots.editing() as slots:
                slots.set_secret(account_slot(name), password, self._master_key, self._kdf,
                                 private_key)

    def _account(self, name: str) -> Account:
        """An account this session has just written (it exists: the write would have failed)."""
        found = accounts.get(self.conn, name)
        if found is None:
            raise AccountError(code="account_unknown", name=name)
        return found

    def _existing_account(self, user: str) -> Account:
        found = accounts.get(self.conn, accounts.check_name(user))
        if found is None:
            raise AccountError(code="account_unknown", name=user)
        return found


