"""Issue 15, item 5: a write-ahead log cut short loses committed interviews without a word
from SQLite; the head record beside the database notices, the log is not folded in over the
evidence, the files are copied aside and the message says what was lost and what to do."""

from __future__ import annotations

import os
import shutil

import pytest

from screening.errors import StoreLostWritesError
from screening.store import headrecord
from screening.store.keyslots import KeySlots, account_slot
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, login

FILES = ("store.db", "store.db-wal", "keyslots.json", "store.head")


@pytest.fixture
def power_cut(supervisor, tmp_path):
    """The data folder as a power cut leaves it, five interviews after the last checkpoint:
    the files copied while the session is still open (nothing folded in)."""
    supervisor.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ids = [supervisor.import_finalised(adult_no_indicators(given_name=f"Cut{n}"))
           for n in range(5)]
    copy = tmp_path / "after-the-cut"
    copy.mkdir(mode=0o700)
    for name in FILES:
        shutil.copyfile(supervisor.paths.root / name, copy / name)
    return copy, ids


def test_an_intact_copy_opens_with_every_interview(power_cut):
    copy, ids = power_cut
    with login(copy, SUPERVISOR, SUPERVISOR_PW) as session:
        assert {i.id for i in session.list_interviews()} >= set(ids)


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, "header only", "removed"])
def test_a_cut_write_ahead_log_is_reported_not_folded_in(power_cut, keep):
    copy, _ids = power_cut
    wal = copy / "store.db-wal"
    size = wal.stat().st_size
    if keep == "removed":
        wal.unlink()
    else:
        os.truncate(wal, 32 if keep == "header only" else int(size * keep))
    as_cut = wal.read_bytes() if wal.exists() else b""  # SQLite may leave an empty one
    with pytest.raises(StoreLostWritesError) as caught:
        login(copy, SUPERVISOR, SUPERVISOR_PW)
    error = caught.value
    assert error.code == "store_lost_writes" and error.missing >= 1
    assert "committed change(s) are missing" in error.message and "IT support" in error.message
    # the evidence: not checkpointed, and copied aside as found
    assert (wal.read_bytes() if wal.exists() else b"") == as_cut
    [aside] = [p for p in copy.iterdir() if p.name.startswith("lost-writes-")]
    assert str(aside) in error.message
    assert (copy / "store.db").read_bytes() == (aside / "store.db").read_bytes()
    if as_cut:
        assert (aside / "store.db-wal").read_bytes() == as_cut
    # and again: still refused, never quietly accepted on the second try
    with pytest.raises(StoreLostWritesError):
        login(copy, SUPERVISOR, SUPERVISOR_PW)


def test_the_head_record_is_authenticated_and_bound_to_its_store(power_cut, tmp_path):
    copy, _ids = power_cut
    key = KeySlots.load(copy / "keyslots.json").unwrap(account_slot(SUPERVISOR),
                                                        SUPERVISOR_PW)
    record = headrecord.HeadRecord(copy / "store.head", key)
    count = record.read()
    assert count is not None and count > 5
    raw = bytearray((copy / "store.head").read_bytes())
    raw[len(headrecord.MAGIC)] ^= 0x01  # a forged count in one slot: that slot is ignored
    (copy / "store.head").write_bytes(bytes(raw))
    assert record.read() in (None, count - 1, count)
    other = headrecord.HeadRecord(copy / "store.head", bytes(32))  # another store's key
    assert other.read() is None


def test_a_torn_write_of_one_slot_leaves_the_other(power_cut):
    copy, _ids = power_cut
    key = KeySlots.load(copy / "keyslots.json").unwrap(account_slot(SUPERVISOR),
                                                        SUPERVISOR_PW)
    record = headrecord.HeadRecord(copy / "store.head", key)
    count = record.read()
    raw = bytearray((copy / "store.head").read_bytes())
    start = (count % 2) * headrecord.SLOT_BYTES  # the slot written last
    raw[start + 20] ^= 0xFF
    (copy / "store.head").write_bytes(bytes(raw))
    assert record.read() == count - 1


def test_a_backup_restored_whole_opens_and_half_restored_says_what_it_gave_up(supervisor,
                                                                              tmp_path):
    supervisor.import_finalised(adult_no_indicators(given_name="Before"))
    backup = supervisor.backup(tmp_path / "backup")
    assert (backup / "store.head").exists()
    later = supervisor.import_finalised(adult_no_indicators(given_name="After"))
    supervisor.close()
    data = supervisor.paths.root
    restored = tmp_path / "restored"
    shutil.copytree(backup, restored)
    with login(restored, SUPERVISOR, SUPERVISOR_PW) as session:  # the whole folder: fine
        assert later not in {i.id for i in session.list_interviews()}
    for name in ("store.db", "keyslots.json"):  # only the database and slots put back
        shutil.copyfile(backup / name, data / name)
    for name in ("store.db-wal", "store.db-shm"):
        (data / name).unlink(missing_ok=True)
    with pytest.raises(StoreLostWritesError) as caught:
        login(data, SUPERVISOR, SUPERVISOR_PW)
    assert caught.value.missing >= 2  # the later interview's transactions, and the logins
