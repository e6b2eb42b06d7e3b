"""Opening, creating and copying the SQLCipher database. The only module that sets PRAGMAs.

Two rules from docs/design.md §4 shape it: the database is opened with a raw 256-bit key (no
SQLCipher PBKDF2 of its own), and nothing here ever creates a database where a file already
is — opening uses ``mode=rw`` so SQLite itself cannot create one by accident."""

from __future__ import annotations

import contextlib
import os
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from screening.atomicfile import fsync_dir
from screening.errors import StoreDamagedError, StoreExistsError, StoreMissingError
from screening.store.walcheck import check_wal

if TYPE_CHECKING:
    # sqlcipher3 is sqlite3's own module built against SQLCipher, and ships no type information
    from sqlite3 import Connection
else:
    Connection = sqlcipher3.Connection
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024
# SQLite's messages for a page that does not decrypt, fails its HMAC or does not parse
_DAMAGE_WORDS = ("not a database", "malformed", "disk image", "hmac", "corrupt")


def _uri(path: Path, mode: str) -> str:
    return f"file:{urllib.parse.quote(str(Path(path).resolve()))}?mode={mode}"


class _StoreConnection(sqlcipher3.Connection):
    """sqlite3's connection with room for the head record that counts its commits
    (store/headrecord.py), which :func:`transaction` calls."""

    head: Any = None


def attach_head(conn: Connection, head: Any) -> None:
    """From now on every transaction on ``conn`` is counted by ``head`` (``bump(conn)`` inside
    the transaction, ``write(count)`` after its COMMIT)."""
    setattr(conn, "head", head)  # noqa: B010  # Connection's type does not know the attribute


def _connect(path: Path, master_key: bytes, mode: str) -> Connection:
    # isolation_level=None: the store issues BEGIN IMMEDIATE itself, one transaction per save
    conn: Connection = sqlcipher3.connect(_uri(path, mode), uri=True, isolation_level=None,
                                          check_same_thread=False, factory=_StoreConnection)
    # SQLCipher logs page failures to stderr itself; the store reports them as StoreDamagedError
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{master_key.hex()}'\"")
    return conn


def _apply_pragmas(conn: Connection, journal_mode: str) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # pages are decrypted on every read from disk; a larger cache keeps the list indexes warm
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    mode = conn.execute(f"PRAGMA journal_mode = {journal_mode}").fetchone()[0]
    if mode.lower() != journal_mode.lower():
        raise StoreDamagedError(f"journal mode {journal_mode} could not be set ({mode})")
    conn.execute("PRAGMA synchronous = FULL")  # a saved answer survives a power cut
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext in temp files
    conn.execute("PRAGMA secure_delete = ON")  # no plaintext left in free pages


def _check_cipher(conn: Connection) -> None:
    """Prove the key: read page 1 (SQLCipher checks its HMAC) and that this is SQLCipher."""
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise RuntimeError("sqlcipher3 was built without SQLCipher: refusing to store data")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def salt_of(conn: Connection) -> str | None:
    """The same salt, read through an open connection. While this process holds the database
    open it must never open and close the file itself: closing any descriptor of it drops
    every POSIX lock the process holds on it, and another process may then take the
    database for unused and delete the write-ahead log under our feet (lost commits)."""
    with translate_errors():
        row = conn.execute("PRAGMA cipher_salt").fetchone()
    return str(row[0]).lower() if row and row[0] else None


def database_salt(path: Path) -> str | None:
    """SQLCipher's random per-database salt, the first 16 bytes of the file, in hex: it tells
    one store's database from another's without the key (None when the file is too short)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return None
    return head.hex() if len(head) == 16 else None


def open_database(path: Path, master_key: bytes) -> Connection:
    """Open an existing store. A key that came out of a key slot is right, so any failure to
    read means damage: StoreDamagedError, and nothing is created or rewritten."""
    path = Path(path)
    if not path.exists():
        raise StoreMissingError(path=path)
    if path.stat().st_size == 0:
        # SQLite would take an empty file for a new database: refuse before it can
        raise StoreDamagedError("the database file is empty")
    check_wal(path.with_name(path.name + "-wal"))
    try:
        conn = _connect(path, master_key, "rw")
    except sqlcipher3.Error as error:
        raise StoreDamagedError(str(error)) from None
    try:
        with translate_errors():
            _check_cipher(conn)
            _apply_pragmas(conn, "WAL")
    except BaseException:
        conn.close()
        raise
    return conn


def create_database(path: Path, master_key: bytes,
                    initialise: Callable[[Connection], None]) -> None:
    """Build a new store in a temp file beside ``path`` and link it into place only when it is
    complete; ``os.link`` fails if anything appeared at ``path`` meanwhile."""
    path = Path(path)
    if path.exists():
        raise StoreExistsError(path=path)
    temp = path.with_name(f".{path.name}.creating-{uuid.uuid4().hex[:8]}")
    try:
        # an empty file made 0600 first: SQLite gives -wal and -shm the database file's mode
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        conn = _connect(temp, master_key, "rw")
        try:
            _apply_pragmas(conn, "DELETE")  # a single file to link; WAL starts at first open
            initialise(conn)
        finally:
            conn.close()
        try:
            os.link(temp, path)
        except FileExistsError:
            raise StoreExistsError(path=path) \
                from None
        fsync_dir(path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def open_readonly(path: Path, master_key: bytes) -> Connection:
    """A look at the database that can change nothing: a read-only connection never
    checkpoints, so closing it leaves the write-ahead log exactly as it was found."""
    try:
        conn = _connect(path, master_key, "ro")
    except sqlcipher3.Error as error:
        raise StoreDamagedError(str(error)) from None
    try:
        with translate_errors():
            _check_cipher(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def backup_database(conn: Connection, dest: Path, master_key: bytes) -> None:
    """An encrypted page-for-page copy under the same key (the same key slots open it)."""
    dest = Path(dest)
    if dest.exists():
        raise StoreExistsError(code="backup_exists", path=dest)
    os.close(os.open(dest, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        target = _connect(dest, master_key, "rw")
        try:
            with translate_errors():
                conn.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except BaseException:
        dest.unlink()  # a half-written copy must not pass for a backup
        raise
    with open(dest, "rb") as handle:
        os.fsync(handle.fileno())
    fsync_dir(dest.parent)


def integrity_problems(conn: Connection) -> list[str]:
    """Findings of ``cipher_integrity_check`` (page HMACs) and ``integrity_check`` (b-trees);
    an empty list means the database is sound."""
    with translate_errors():
        problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    return problems + [r for r in rows if r != "ok"]


def checkpoint(conn: Connection) -> None:
    """Fold the WAL into the database at a clean close, so a copied folder is self-contained."""
    with translate_errors():
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    try:
        yield
    except sqlcipher3.DatabaseError as error:
        text = str(error).lower()
        if isinstance(error, sqlcipher3.OperationalError) and "locked" in text:
            raise
        if any(word in text for word in _DAMAGE_WORDS):
            raise StoreDamagedError(str(error)) from None
        raise


@contextlib.contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One write transaction: BEGIN IMMEDIATE takes the write lock up front, so a reader on
    another connection never has to upgrade and the busy timeout covers every wait."""
    head = getattr(conn, "head", None)
    with translate_errors():
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            counted = head.bump(conn) if head is not None else None
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    if head is not None and counted is not None:
        head.write(counted)  # after COMMIT: the record may lag the database, never lead it
