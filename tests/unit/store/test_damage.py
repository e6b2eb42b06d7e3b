"""A damaged database is reported as damage: not a wrong password, not a crash, and never
replaced by a new store."""

from __future__ import annotations

import os

import pytest

from screening.errors import StoreDamagedError, WrongCredentialsError
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import OFFICER, OFFICER_PW, SUPERVISOR, SUPERVISOR_PW, login

PAGE = 4096


@pytest.fixture
def closed_store(supervisor, data_dir):
    for n in range(30):
        supervisor.import_finalised(adult_no_indicators(given_name=f"Name{n}"))
    supervisor.close()
    return data_dir / "store.db"


def flip(path, offset):
    with open(path, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)
        handle.seek(offset)
        handle.write(bytes([byte[0] ^ 0x40]))


def use_fully(data_dir):
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        session.list_interviews(limit=1000)
        for summary in session.list_interviews(limit=1000):
            session.get_interview(summary.id)
        session.verify_audit()
        problems = session.integrity_problems()
    return problems


@pytest.mark.parametrize("where", ["first page", "middle", "last page"])
def test_a_flipped_byte_is_reported_as_damage(closed_store, data_dir, where):
    size = closed_store.stat().st_size
    offset = {"first page": 100, "middle": (size // PAGE // 2) * PAGE + 200,
              "last page": size - 50}[where]
    flip(closed_store, offset)
    damaged, inode = closed_store.read_bytes(), closed_store.stat().st_ino
    with pytest.raises(StoreDamagedError) as error:
        use_fully(data_dir)
    assert error.value.code == "store_damaged" and "damaged" in error.value.message
    # the same file, still holding the damage for IT to look at: nothing new was built over it
    assert closed_store.stat().st_ino == inode
    assert closed_store.read_bytes()[offset] == damaged[offset]
    assert {p.name for p in data_dir.iterdir()} <= {
        "keyslots.json", "keyslots.json.lock", "store.db", "store.db-wal", "store.db-shm",
        "store.head"}


def test_a_wrong_password_on_a_damaged_store_is_still_a_wrong_password(closed_store, data_dir):
    flip(closed_store, 100)
    with pytest.raises(WrongCredentialsError):
        login(data_dir, OFFICER, "not-the-password")


def test_a_truncated_database_is_damage(closed_store, data_dir):
    os.truncate(closed_store, 1000)
    with pytest.raises(StoreDamagedError):
        use_fully(data_dir)
    assert closed_store.stat().st_size == 1000


def test_an_emptied_database_is_damage_not_a_new_store(closed_store, data_dir):
    os.truncate(closed_store, 0)
    with pytest.raises(StoreDamagedError):
        login(data_dir, OFFICER, OFFICER_PW)
    assert closed_store.stat().st_size == 0


def test_a_missing_database_beside_its_key_slots_is_damage(closed_store, data_dir):
    closed_store.unlink()
    with pytest.raises(StoreDamagedError, match="missing"):
        login(data_dir, OFFICER, OFFICER_PW)
    assert not closed_store.exists()


def test_a_missing_key_slot_file_is_damage(closed_store, data_dir):
    (data_dir / "keyslots.json").unlink()
    with pytest.raises(StoreDamagedError, match="key-slot"):
        login(data_dir, OFFICER, OFFICER_PW)


def test_an_intact_store_passes_both_integrity_checks(closed_store, data_dir):
    assert use_fully(data_dir) == []
