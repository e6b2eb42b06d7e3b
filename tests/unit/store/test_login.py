"""Logging in: wrong password, unknown user, disabled account, delay, recovery code."""

from __future__ import annotations

import json

import pytest

from screening.errors import (
    AccountDisabledError,
    AccountError,
    LoginDelayedError,
    PermissionDeniedError,
    StoreExistsError,
    StoreMissingError,
    WrongCredentialsError,
)
from screening.passwordpolicy import WeakPasswordError
from screening.store.layout import StorePaths
from screening.store.session import StoreSession
from screening.store.throttle import FREE_TRIES
from tests.unit.store.helpers import (
    OFFICER,
    OFFICER_PW,
    SUPERVISOR,
    SUPERVISOR_PW,
    TEST_KDF,
    login,
)


def database_bytes(data_dir):
    paths = StorePaths(data_dir)
    return {p.name: p.read_bytes() for p in data_dir.iterdir()
            if p.name.startswith(paths.database.name)}


def slot_keys(data_dir):
    slots = json.loads((data_dir / "keyslots.json").read_text())["slots"]
    return {name: (s["salt"], s["nonce"], s["wrapped"]) for name, s in slots.items()}


def test_each_role_logs_in(supervisor, data_dir):
    supervisor.close()
    with login(data_dir) as officer:
        assert (officer.account.name, officer.account.role) == (OFFICER, "officer")
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as again:
        assert again.is_supervisor and again.checkpoint_code() == "KKV"


def test_a_user_name_is_not_case_sensitive(supervisor, data_dir):
    with login(data_dir, OFFICER.upper()) as officer:
        assert officer.account.name == OFFICER


def test_wrong_password_and_unknown_user_get_the_same_message(supervisor, data_dir):
    with pytest.raises(WrongCredentialsError) as wrong:
        login(data_dir, OFFICER, "not-the-password")
    with pytest.raises(WrongCredentialsError) as unknown:
        login(data_dir, "nobody", OFFICER_PW)
    with pytest.raises(WrongCredentialsError) as invalid:
        login(data_dir, "!!", OFFICER_PW)
    assert wrong.value.message == unknown.value.message == invalid.value.message \
        == "wrong user name or password"
    assert wrong.value.code == "wrong_credentials"


def test_a_wrong_password_opens_nothing_and_changes_nothing(supervisor, data_dir):
    supervisor.close()
    db_before, slots_before = database_bytes(data_dir), slot_keys(data_dir)
    with pytest.raises(WrongCredentialsError):
        login(data_dir, OFFICER, "not-the-password")
    assert database_bytes(data_dir) == db_before
    assert slot_keys(data_dir) == slots_before


def test_wrong_passwords_bring_a_growing_delay_that_survives_a_restart(supervisor, data_dir,
                                                                        clock):
    for _ in range(FREE_TRIES):
        with pytest.raises(WrongCredentialsError):
            login(data_dir, OFFICER, "wrong-password", clock=clock)
    with pytest.raises(LoginDelayedError) as delayed:
        login(data_dir, OFFICER, OFFICER_PW, clock=clock)  # even the right password waits
    assert delayed.value.seconds > 0 and delayed.value.code == "login_delayed"
    clock.advance(delayed.value.seconds)
    with pytest.raises(WrongCredentialsError):
        login(data_dir, OFFICER, "wrong-password", clock=clock)
    with pytest.raises(LoginDelayedError) as longer:
        login(data_dir, OFFICER, OFFICER_PW, clock=clock)
    assert longer.value.seconds > delayed.value.seconds
    clock.advance(longer.value.seconds)
    with login(data_dir, OFFICER, OFFICER_PW, clock=clock) as officer:
        assert officer.account.name == OFFICER
    # a success resets the count
    with pytest.raises(WrongCredentialsError):
        login(data_dir, OFFICER, "wrong-password", clock=clock)
    login(data_dir, OFFICER, OFFICER_PW, clock=clock).close()


def test_failed_logins_reach_the_audit_log_at_the_next_login(supervisor, data_dir, clock):
    supervisor.close()
    with pytest.raises(WrongCredentialsError):
        login(data_dir, OFFICER, "wrong-password", clock=clock)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW, clock=clock) as again:
        actions = [(e.actor, e.action) for e in again.audit_entries()]
        assert (OFFICER, "login_failed") in actions
        assert actions[-1] == (SUPERVISOR, "login")
        assert again.verify_audit().intact


def test_a_disabled_account_cannot_log_in(supervisor, data_dir):
    supervisor.disable_user(OFFICER)
    with pytest.raises(AccountDisabledError):
        login(data_dir)
    assert [a.disabled for a in supervisor.list_users() if a.name == OFFICER] == [True]


def test_the_last_supervisor_and_oneself_cannot_be_disabled(supervisor):
    with pytest.raises(AccountError):
        supervisor.disable_user(SUPERVISOR)
    supervisor.add_user("vera", "supervisor", "vera-password")
    supervisor.disable_user("vera")
    with pytest.raises(AccountError, match="own account"):
        supervisor.disable_user(SUPERVISOR)


def test_only_a_supervisor_manages_accounts(supervisor, data_dir):
    with login(data_dir) as officer:
        with pytest.raises(PermissionDeniedError):
            officer.add_user("someone", "officer", "password-123")
        with pytest.raises(PermissionDeniedError):
            officer.list_users()
        with pytest.raises(PermissionDeniedError):
            officer.reset_password(SUPERVISOR, "password-123")


def test_adding_an_account_twice_or_badly_is_refused(supervisor):
    with pytest.raises(AccountError, match="already exists"):
        supervisor.add_user(OFFICER, "officer", "password-123")
    with pytest.raises(AccountError, match="role"):
        supervisor.add_user("new", "admin", "password-123")
    with pytest.raises(WeakPasswordError, match="12 characters"):
        supervisor.add_user("new", "officer", "eleven-char")


def test_changing_a_password_rewraps_only_that_slot(supervisor, data_dir):
    before = slot_keys(data_dir)
    with login(data_dir) as officer:
        with pytest.raises(WrongCredentialsError):
            officer.change_password("wrong-old-password", "new-password-1")
        officer.change_password(OFFICER_PW, "new-password-1")
    after = slot_keys(data_dir)
    assert after["account:olsi"] != before["account:olsi"]
    assert {k: v for k, v in after.items() if k != "account:olsi"} == \
        {k: v for k, v in before.items() if k != "account:olsi"}
    with pytest.raises(WrongCredentialsError):
        login(data_dir)
    login(data_dir, OFFICER, "new-password-1").close()


def test_a_supervisor_resets_a_forgotten_password(supervisor, data_dir):
    supervisor.reset_password(OFFICER, "fresh-password-1")
    login(data_dir, OFFICER, "fresh-password-1").close()
    assert any(e.action == "password_reset" and e.subject == OFFICER
               for e in supervisor.audit_entries())


def test_the_recovery_code_opens_the_store_and_sets_a_supervisor_password(
        supervisor, recovery_code, data_dir):
    supervisor.close()
    with pytest.raises(WrongCredentialsError, match="recovery code"):
        StoreSession.recover(data_dir, "AAAAA-AAAAA", SUPERVISOR, "brand-new-pw", kdf=TEST_KDF)
    with pytest.raises(PermissionDeniedError):
        StoreSession.recover(data_dir, recovery_code, OFFICER, "brand-new-pw", kdf=TEST_KDF)
    typed = recovery_code.lower().replace("-", " ")
    with StoreSession.recover(data_dir, typed, SUPERVISOR, "brand-new-pw", kdf=TEST_KDF) as s:
        assert s.is_supervisor
    with pytest.raises(WrongCredentialsError):
        login(data_dir, SUPERVISOR, SUPERVISOR_PW)
    login(data_dir, SUPERVISOR, "brand-new-pw").close()
    login(data_dir).close()  # the other accounts are untouched


def test_initialising_twice_is_refused_and_changes_nothing(supervisor, data_dir):
    supervisor.close()
    before = database_bytes(data_dir), slot_keys(data_dir)
    with pytest.raises(StoreExistsError):
        StoreSession.initialise(data_dir, "TIR", "other", "other-password", kdf=TEST_KDF)
    assert (database_bytes(data_dir), slot_keys(data_dir)) == before


def test_a_half_made_store_is_not_built_over(data_dir):
    data_dir.mkdir()
    (data_dir / "keyslots.json").write_text("{}")
    with pytest.raises(StoreExistsError):
        StoreSession.initialise(data_dir, "TIR", "other", "other-password", kdf=TEST_KDF)
    assert (data_dir / "keyslots.json").read_text() == "{}"


def test_logging_in_where_there_is_no_store_says_so(tmp_path):
    with pytest.raises(StoreMissingError, match="screening init"):
        login(tmp_path / "empty")
    assert not (tmp_path / "empty").exists()
