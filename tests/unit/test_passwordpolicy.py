import pytest

from screening import passwordpolicy
from screening.passwordpolicy import WeakPasswordError
from screening.store.session import StoreSession
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF


def test_one_minimum_of_twelve_for_every_new_password():
    assert passwordpolicy.MIN_LENGTH >= 12
    assert passwordpolicy.problem("x" * (passwordpolicy.MIN_LENGTH - 1)) == "too_short"
    assert passwordpolicy.problem("x" * passwordpolicy.MIN_LENGTH) is None
    with pytest.raises(WeakPasswordError) as raised:
        passwordpolicy.check_new_password("short")
    assert raised.value.code == "password_weak"
    assert str(passwordpolicy.MIN_LENGTH) in raised.value.message


def test_an_account_made_under_the_old_shorter_minimum_still_logs_in(tmp_path, monkeypatch):
    monkeypatch.setattr(passwordpolicy, "MIN_LENGTH", 8)  # the rule of version 0.1
    session, _code = StoreSession.initialise(tmp_path, "TIA", SUPERVISOR, SUPERVISOR_PW,
                                             kdf=TEST_KDF)
    session.add_user("olsi", "officer", "olsi-pw9")
    session.close()
    monkeypatch.undo()
    with StoreSession.login(tmp_path, "olsi", "olsi-pw9", kdf=TEST_KDF) as officer:
        assert officer.account.name == "olsi"
        with pytest.raises(WeakPasswordError):  # a new password meets today's rule
            officer.change_password("olsi-pw9", "still-short")
