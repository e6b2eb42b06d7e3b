"""Issue 15, item 6: each failure to open says what it is — another workstation's database, a
damaged key slot (not counted as a wrong password), a damaged database, a wrong password —
the key-slot file's state is authenticated, and every file is the owner's alone. Each attack
is made on the real files, with raw access, as an attacker with a shell would."""

from __future__ import annotations

import base64
import json
import os
import shutil
import stat

import pytest

from screening.errors import (
    KeySlotDamagedError,
    StoreDamagedError,
    StoreForeignError,
    WrongCredentialsError,
)
from screening.store.session import StoreSession
from tests.unit.store.helpers import (
    OFFICER,
    OFFICER_PW,
    SUPERVISOR,
    SUPERVISOR_PW,
    TEST_KDF,
    login,
)


@pytest.fixture
def closed(created, data_dir):
    created[0].close()
    return data_dir


def _slots(data_dir):
    return json.loads((data_dir / "keyslots.json").read_text())


def _write_slots(data_dir, document):
    (data_dir / "keyslots.json").write_text(json.dumps(document))


def _codes_of(data_dir, user, password):
    with pytest.raises(Exception) as caught:
        login(data_dir, user, password)
    return caught.value


def test_another_workstations_database_is_named_as_such(closed, tmp_path):
    other, _code = StoreSession.initialise(tmp_path / "other", "TIA", SUPERVISOR,
                                           SUPERVISOR_PW, kdf=TEST_KDF)
    other.close()
    shutil.copyfile(tmp_path / "other" / "store.db", closed / "store.db")
    error = _codes_of(closed, SUPERVISOR, SUPERVISOR_PW)
    assert isinstance(error, StoreForeignError) and error.code == "store_foreign"
    assert "another workstation" in error.message
    assert _slots(closed)["slots"]["account:sara"]["failures"] == 0  # not a wrong password


def test_a_damaged_database_is_still_damage(closed):
    with open(closed / "store.db", "r+b") as handle:
        handle.seek(100)
        byte = handle.read(1)
        handle.seek(100)
        handle.write(bytes([byte[0] ^ 0x01]))
    error = _codes_of(closed, SUPERVISOR, SUPERVISOR_PW)
    assert type(error) is StoreDamagedError and error.code == "store_damaged"


def test_a_wrong_password_is_a_wrong_password_and_counted(closed):
    error = _codes_of(closed, OFFICER, "not-the-password")
    assert isinstance(error, WrongCredentialsError) and error.code == "wrong_credentials"
    assert _slots(closed)["slots"]["account:olsi"]["failures"] == 1


@pytest.mark.parametrize("field", ["wrapped", "salt", "nonce"])
def test_a_flipped_bit_in_a_key_slot_is_a_damaged_slot_not_a_failed_login(closed, field):
    document = _slots(closed)
    raw = bytearray(base64.b64decode(document["slots"]["account:olsi"][field]))
    raw[3] ^= 0x04
    document["slots"]["account:olsi"][field] = base64.b64encode(bytes(raw)).decode()
    _write_slots(closed, document)
    for _ in range(5):  # never a growing wait: nothing is counted
        error = _codes_of(closed, OFFICER, OFFICER_PW)
        assert isinstance(error, KeySlotDamagedError) and error.code == "keyslot_damaged"
        assert "not counted" in error.message and "olsi" in error.message
    assert _slots(closed)["slots"]["account:olsi"]["failures"] == 0
    # every other slot still opens, and a supervisor's reset writes a new slot
    with login(closed, SUPERVISOR, SUPERVISOR_PW) as supervisor:
        supervisor.reset_password(OFFICER, "olsi-password-2")
    login(closed, OFFICER, "olsi-password-2").close()


def test_a_lowered_wrong_password_count_is_reported_at_the_next_login(closed):
    for _ in range(2):
        _codes_of(closed, OFFICER, "not-the-password")
    login(closed, SUPERVISOR, SUPERVISOR_PW).close()  # seals olsi's 2 wrong passwords
    document = _slots(closed)
    document["slots"]["account:olsi"]["failures"] = 0  # the attacker resets the count
    document["slots"]["account:olsi"]["last_failure"] = None
    _write_slots(closed, document)
    with login(closed, SUPERVISOR, SUPERVISOR_PW) as supervisor:
        assert any("olsi" in alert and "lowered" in alert for alert in supervisor.alerts)
        suspect = [e for e in supervisor.audit_entries()
                   if e.action == "keyslots_state_suspect"]
        assert suspect and "lowered" in suspect[0].detail["problem"]
    with login(closed, SUPERVISOR, SUPERVISOR_PW) as again:
        assert again.alerts == []  # reported once, then sealed anew


def test_a_state_block_changed_without_the_key_is_reported(closed):
    document = _slots(closed)
    document["state"]["failures"]["account:olsi"] = 0
    document["state"]["generation"] += 5
    _write_slots(closed, document)
    with login(closed, SUPERVISOR, SUPERVISOR_PW) as supervisor:
        assert any("changed without the key" in alert for alert in supervisor.alerts)


def test_an_older_copy_of_the_key_slot_file_put_back_is_reported(closed):
    old_copy = (closed / "keyslots.json").read_bytes()
    login(closed, SUPERVISOR, SUPERVISOR_PW).close()
    (closed / "keyslots.json").write_bytes(old_copy)
    with login(closed, SUPERVISOR, SUPERVISOR_PW) as supervisor:
        assert any("older copy" in alert for alert in supervisor.alerts)


def test_a_removed_state_block_is_reported(closed):
    document = _slots(closed)
    del document["state"], document["state_mac"]
    _write_slots(closed, document)
    with login(closed, SUPERVISOR, SUPERVISOR_PW) as supervisor:
        assert any("removed" in alert for alert in supervisor.alerts)


def test_an_untouched_store_raises_no_alert(closed):
    for _ in range(2):
        with login(closed, SUPERVISOR, SUPERVISOR_PW) as supervisor:
            assert supervisor.alerts == []


def test_an_open_data_folder_and_its_files_are_closed_on_open(closed):
    os.chmod(closed, 0o755)
    (closed / "backups").mkdir(mode=0o755)
    (closed / "backups" / "old.db").write_bytes(b"x")
    for name in ("store.db", "keyslots.json", "backups/old.db"):
        os.chmod(closed / name, 0o644)
    login(closed, OFFICER, OFFICER_PW).close()
    assert stat.S_IMODE(os.stat(closed).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(closed / "backups").st_mode) == 0o700
    for path in closed.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
