"""The connection: PRAGMAs as docs/design.md §4 asks, and no database ever created by accident."""

from __future__ import annotations

import pytest

from screening import crypto
from screening.errors import StoreDamagedError, StoreExistsError, StoreMissingError
from screening.store import connection


def make(path, key):
    connection.create_database(path, key, lambda conn: conn.execute("CREATE TABLE t (x)"))


def test_the_pragmas_are_set(tmp_path):
    key = crypto.new_master_key()
    make(tmp_path / "db", key)
    conn = connection.open_database(tmp_path / "db", key)
    values = {name: conn.execute(f"PRAGMA {name}").fetchone()[0]
              for name in ("journal_mode", "synchronous", "foreign_keys", "temp_store",
                           "secure_delete", "busy_timeout")}
    conn.close()
    assert values == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                      "temp_store": 2, "secure_delete": 1,
                      "busy_timeout": connection.BUSY_TIMEOUT_MS}


def test_opening_a_missing_file_creates_nothing(tmp_path):
    with pytest.raises(StoreMissingError):
        connection.open_database(tmp_path / "db", crypto.new_master_key())
    assert list(tmp_path.iterdir()) == []


def test_creating_over_an_existing_file_is_refused(tmp_path):
    (tmp_path / "db").write_bytes(b"precious")
    with pytest.raises(StoreExistsError):
        make(tmp_path / "db", crypto.new_master_key())
    assert (tmp_path / "db").read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["db"]


def test_a_failed_creation_leaves_nothing_behind(tmp_path):
    def broken(conn):
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        connection.create_database(tmp_path / "db", crypto.new_master_key(), broken)
    assert list(tmp_path.iterdir()) == []


def test_another_key_reads_as_damage_because_the_slot_proved_the_key(tmp_path):
    make(tmp_path / "db", crypto.new_master_key())
    with pytest.raises(StoreDamagedError):
        connection.open_database(tmp_path / "db", crypto.new_master_key())


def test_a_backup_opens_with_the_same_key_and_never_overwrites(tmp_path):
    key = crypto.new_master_key()
    make(tmp_path / "db", key)
    conn = connection.open_database(tmp_path / "db", key)
    conn.execute("INSERT INTO t VALUES ('kept')")
    connection.backup_database(conn, tmp_path / "copy", key)
    with pytest.raises(StoreExistsError):
        connection.backup_database(conn, tmp_path / "copy", key)
    conn.close()
    copy = connection.open_database(tmp_path / "copy", key)
    assert copy.execute("SELECT x FROM t").fetchall() == [("kept",)]
    assert connection.integrity_problems(copy) == []
    copy.close()
