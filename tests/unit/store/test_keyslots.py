"""The key-slot file: wrapping, binding to the slot name, atomic 0600 writes."""

from __future__ import annotations

import json
import os
import stat

import pytest

from screening import crypto
from screening.atomicfile import write_atomic
from screening.crypto import KdfParams
from screening.errors import KeySlotDamagedError, StoreDamagedError
from screening.store.keyslots import RECOVERY_SLOT, KeySlots, account_slot
from tests.unit.store.helpers import TEST_KDF


def make_slots(tmp_path, master_key):
    slots = KeySlots(tmp_path / "keyslots.json")
    slots.set_secret(account_slot("ana"), "ana-secret", master_key, TEST_KDF)
    slots.set_secret(account_slot("ben"), "ben-secret", master_key, TEST_KDF)
    slots.set_secret(RECOVERY_SLOT, "CODE", master_key, TEST_KDF)
    slots.save()
    return slots


def test_the_right_secret_unwraps_the_master_key_and_a_wrong_one_does_not(tmp_path):
    key = crypto.new_master_key()
    make_slots(tmp_path, key)
    loaded = KeySlots.load(tmp_path / "keyslots.json")
    assert loaded.unwrap(account_slot("ana"), "ana-secret") == key
    assert loaded.unwrap(RECOVERY_SLOT, "CODE") == key
    assert loaded.unwrap(account_slot("ana"), "ben-secret") is None
    assert loaded.unwrap(account_slot("nobody"), "ana-secret") is None


def test_the_file_never_holds_the_master_key_or_a_secret(tmp_path):
    key = crypto.new_master_key()
    make_slots(tmp_path, key)
    raw = (tmp_path / "keyslots.json").read_bytes()
    for needle in (key, key.hex().encode(), b"ana-secret", b"CODE\""):
        assert needle not in raw


def test_a_wrapped_key_moved_to_another_slot_does_not_open(tmp_path):
    key = crypto.new_master_key()
    make_slots(tmp_path, key)
    path = tmp_path / "keyslots.json"
    document = json.loads(path.read_text())
    document["slots"]["account:ben"] = document["slots"]["account:ana"]
    path.write_text(json.dumps(document))
    with pytest.raises(KeySlotDamagedError):  # the checksum names the slot
        KeySlots.load(path).unwrap(account_slot("ben"), "ana-secret")
    del document["slots"]["account:ben"]["check"]  # and without it, AES-GCM's binding holds
    path.write_text(json.dumps(document))
    assert KeySlots.load(path).unwrap(account_slot("ben"), "ana-secret") is None


def test_rewrapping_one_slot_leaves_every_other_slot_as_it_was(tmp_path):
    key = crypto.new_master_key()
    slots = make_slots(tmp_path, key)
    before = json.loads((tmp_path / "keyslots.json").read_text())["slots"]
    slots.set_secret(account_slot("ana"), "new-secret", key, TEST_KDF)
    slots.save()
    after = json.loads((tmp_path / "keyslots.json").read_text())["slots"]
    assert after["account:ben"] == before["account:ben"]
    assert after["recovery"] == before["recovery"]
    assert after["account:ana"] != before["account:ana"]
    assert KeySlots.load(tmp_path / "keyslots.json").unwrap(account_slot("ana"),
                                                            "new-secret") == key


def test_a_disabled_slot_loses_its_wrapped_key(tmp_path):
    key = crypto.new_master_key()
    slots = make_slots(tmp_path, key)
    slots.disable(account_slot("ben"))
    slots.save()
    loaded = KeySlots.load(tmp_path / "keyslots.json")
    assert loaded.is_disabled(account_slot("ben"))
    assert loaded.unwrap(account_slot("ben"), "ben-secret") is None
    assert json.loads((tmp_path / "keyslots.json").read_text())["slots"]["account:ben"][
        "wrapped"] is None


def test_the_file_is_private_and_no_temp_file_is_left(tmp_path):
    make_slots(tmp_path, crypto.new_master_key())
    mode = stat.S_IMODE(os.stat(tmp_path / "keyslots.json").st_mode)
    assert mode == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]


def test_an_atomic_write_replaces_the_whole_file(tmp_path):
    target = tmp_path / "f.json"
    target.write_bytes(b"old content that is longer")
    os.chmod(target, 0o644)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


@pytest.mark.parametrize("content", [b"", b"{not json", b'{"format": 99, "slots": {}}',
                                     b'{"format": 1, "slots": []}'])
def test_an_unreadable_file_is_reported_as_damage(tmp_path, content):
    path = tmp_path / "keyslots.json"
    path.write_bytes(content)
    with pytest.raises(StoreDamagedError):
        KeySlots.load(path)


def test_a_missing_file_is_reported_as_damage(tmp_path):
    with pytest.raises(StoreDamagedError, match="missing"):
        KeySlots.load(tmp_path / "keyslots.json")


def test_failures_are_counted_in_the_file(tmp_path):
    slots = make_slots(tmp_path, crypto.new_master_key())
    slots.record_failure(account_slot("ana"), 100.0, "t1")
    slots.record_failure(account_slot("ana"), 101.0, "t2")
    slots.record_failure(account_slot("typed-a-password-here"), 102.0, "t3")
    slots.save()
    loaded = KeySlots.load(tmp_path / "keyslots.json")
    assert loaded.slots[account_slot("ana")].failures == 2
    assert loaded.slots[account_slot("ana")].last_failure == 101.0
    # a name that is no account is not written down: it may be a password typed in the wrong box
    assert b"typed-a-password-here" not in (tmp_path / "keyslots.json").read_bytes()
    assert len(loaded.pending_failures) == 2


def test_the_standard_kdf_is_strong_and_the_default():
    standard = KdfParams.standard()
    assert standard.memory_cost >= 65536 and standard.time_cost >= 3
    assert KdfParams.from_json(standard.to_json()) == standard


def test_argon2id_and_aes_gcm_round_trip():
    salt, key = crypto.new_salt(), crypto.new_master_key()
    kek = crypto.derive_key("pw", salt, TEST_KDF)
    assert kek == crypto.derive_key("pw", salt, TEST_KDF)
    assert kek != crypto.derive_key("pw2", salt, TEST_KDF)
    nonce, wrapped = crypto.wrap(kek, key, b"aad")
    assert crypto.unwrap(kek, nonce, wrapped, b"aad") == key
    assert crypto.unwrap(kek, nonce, wrapped, b"other") is None
    tampered = bytes([wrapped[0] ^ 1]) + wrapped[1:]
    assert crypto.unwrap(kek, nonce, tampered, b"aad") is None


def test_a_recovery_code_is_accepted_however_it_is_typed():
    code = crypto.new_recovery_code()
    assert len(code.replace("-", "")) == 40
    typed = code.lower().replace("-", " ")
    assert crypto.normalise_recovery_code(typed) == code
    assert crypto.new_recovery_code() != code


def test_two_holders_of_the_file_do_not_undo_each_others_changes(tmp_path):
    key = crypto.new_master_key()
    make_slots(tmp_path, key)
    app = KeySlots.load(tmp_path / "keyslots.json")
    cli = KeySlots.load(tmp_path / "keyslots.json")
    with cli.editing() as slots:
        slots.set_secret(account_slot("ana"), "changed-by-cli", key, TEST_KDF)
    with app.editing() as slots:  # app's copy is stale; its edit must start from the disk
        slots.record_failure(account_slot("ben"), 5.0, "t")
    final = KeySlots.load(tmp_path / "keyslots.json")
    assert final.unwrap(account_slot("ana"), "changed-by-cli") == key
    assert final.unwrap(account_slot("ana"), "ana-secret") is None
    assert final.slots[account_slot("ben")].failures == 1
    assert app.unwrap(account_slot("ana"), "changed-by-cli") == key  # the copy caught up
