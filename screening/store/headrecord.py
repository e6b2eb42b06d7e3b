"""The head record: a small file beside the database, outside the write-ahead log, that says
how many transactions the store has committed (issue 15, docs/design.md §4).

SQLite takes a WAL cut short (a disk that lost its last writes, a copy made at the wrong
moment, someone trimming the file) for a log that simply ended earlier: the committed
interviews in the missing frames vanish without a word, and the next checkpoint folds the
rest in and deletes the evidence. So every write transaction also counts itself inside the
database (the one-row ``head`` table, migration 5), and after its COMMIT the count is written
here and fsynced. On open, a database whose count is below the record's has lost committed
changes.

The file holds two fixed slots of ``MAGIC | counter (8 bytes) | HMAC-SHA256``, written in
turn, so a write torn by a power cut spoils one slot and the other still speaks; the MAC's
key is derived from the master key (screening/crypto.py), so the record can be neither forged
nor moved from another store. The record may lag the database (a crash between COMMIT and
this write, or two connections writing at once): only a database *behind* the record is a
loss.

The write itself goes to the file at once; its fsync is made by a flusher thread, a moment
later and once for several commits in a row, so the autosave does not wait for a second
fsync (bench/store.py prints the cost). The record then lags the database by at most that
moment, which is the harmless direction."""

from __future__ import annotations

import contextlib
import os
import struct
import threading
from pathlib import Path

from screening import crypto
from screening.store.connection import Connection, translate_errors

PURPOSE = "head-record"
MAGIC = b"RSHEAD1\n"
_COUNTER = struct.Struct(">Q")
_MAC_BYTES = 32
SLOT_BYTES = len(MAGIC) + _COUNTER.size + _MAC_BYTES


class HeadRecord:
    def __init__(self, path: Path, master_key: bytes) -> None:
        self.path = Path(path)
        self._key = crypto.derive_subkey(master_key, PURPOSE)
        self._fd: int | None = None
        self._dirty = threading.Event()
        self._closing = False
        self._flusher: threading.Thread | None = None

    # ----- reading -------------------------------------------------------------------------

    def read(self) -> int | None:
        """The highest count a valid slot holds; None when there is no record (a store from
        before it, or the file was removed) or no slot is valid."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        counts = [self._slot(data[i:i + SLOT_BYTES]) for i in (0, SLOT_BYTES)]
        valid = [c for c in counts if c is not None]
        return max(valid) if valid else None

    def _slot(self, raw: bytes) -> int | None:
        if len(raw) != SLOT_BYTES or not raw.startswith(MAGIC):
            return None
        body = raw[:len(MAGIC) + _COUNTER.size]
        mac = raw[len(body):].hex()
        if not crypto.same_secret(crypto.mac_hex(self._key, body)[:_MAC_BYTES * 2], mac):
            return None
        return int(_COUNTER.unpack(body[len(MAGIC):])[0])

    # ----- writing, after each commit ------------------------------------------------------

    def bump(self, conn: Connection) -> int:
        """Count this transaction inside it; returns the new count."""
        return int(conn.execute("UPDATE head SET counter = counter + 1 WHERE id = 1 "
                                "RETURNING counter").fetchone()[0])

    def write(self, counter: int) -> None:
        body = MAGIC + _COUNTER.pack(counter)
        slot = body + bytes.fromhex(crypto.mac_hex(self._key, body))
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600)
            self._flusher = threading.Thread(target=self._flush_loop, name="head-record",
                                             daemon=True)
            self._flusher.start()
        os.pwrite(self._fd, slot, (counter % 2) * SLOT_BYTES)
        self._dirty.set()

    def _flush_loop(self) -> None:
        while not self._closing:
            self._dirty.wait()
            self._dirty.clear()
            self._sync()

    def _sync(self) -> None:
        fd = self._fd
        if fd is not None:
            with contextlib.suppress(OSError):  # closed meanwhile: close() synced it
                os.fsync(fd)

    def close(self) -> None:
        if self._fd is None:
            return
        self._closing = True
        self._dirty.set()
        if self._flusher is not None:
            self._flusher.join()
        self._sync()
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None


def counter_of(conn: Connection) -> int | None:
    """The count the database itself holds; None before migration 5."""
    with translate_errors():
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'head'"
                        ).fetchone() is None:
            return None
        row = conn.execute("SELECT counter FROM head WHERE id = 1").fetchone()
    return None if row is None else int(row[0])
