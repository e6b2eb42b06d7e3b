"""A logged-in session on the checkpoint store: the one object the CLI and the UI hold.

This module opens it (create, log in, recover) and holds the whole-store operations (audit,
integrity, backup); accounts are in staff.py, interviews in casework.py, what the printed
documents read in documents.py. The SQL itself lives in accounts.py, interviews.py,
settings.py and audit.py."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import time
from pathlib import Path

from screening import crypto
from screening.crypto import KdfParams
from screening.errors import (
    AccountDisabledError,
    AccountError,
    LoginDelayedError,
    PermissionDeniedError,
    StoreDamagedError,
    StoreError,
    StoreExistsError,
    StoreForeignError,
    StoreLostWritesError,
    StoreMissingError,
    WrongCredentialsError,
)
from screening.store import (
    accounts,
    audit,
    connection,
    headrecord,
    migrations,
    settings,
)
from screening.store.documents import DocumentReads
from screening.store.keyring import RECOVERY_READER, Keyring
from screening.store.keyslots import RECOVERY_SLOT, KeySlots, Opened, account_slot
from screening.store.layout import StorePaths
from screening.store.sessionbase import Clock, iso
from screening.store.staff import AccountAdmin, check_password
from screening.store.throttle import remaining_wait

SYNC_ACTOR = "sync"  # the audit log's name for the background sync


class StoreSession(AccountAdmin, DocumentReads):
    """Open only through :meth:`initialise`, :meth:`login` or :meth:`recover`."""

    # ----- opening -------------------------------------------------------------------------

    @classmethod
    def initialise(cls, root: Path, checkpoint: str, user: str, password: str,
                   kdf: KdfParams | None = None,
                   clock: Clock = time.time) -> tuple[StoreSession, str]:
        """Create the store and its first supervisor; returns the session and the recovery code,
        which is shown once and never stored in the clear."""
        kdf = kdf or KdfParams.standard()
        paths = StorePaths(Path(root))
        if paths.any_exists():
            raise StoreExistsError(path=paths.root)
        name = accounts.check_name(user)
        check_password(password)
        paths.make_root()
        master_key, recovery_code = crypto.new_master_key(), crypto.new_recovery_code()
        own, recovery = crypto.new_key_pair(), crypto.new_key_pair()
        slots = KeySlots(paths.keyslots)
        # key slots first: a database whose key was never written down could not be opened
        with slots.editing() as fresh:
            fresh.set_secret(account_slot(name), password, master_key, kdf, own[0])
            fresh.set_secret(RECOVERY_SLOT, recovery_code, master_key, kdf, recovery[0])

        def build(conn: connection.Connection) -> None:
            migrations.migrate(conn)
            at = iso(clock)
            with connection.transaction(conn):
                settings.set_setting(conn, settings.CHECKPOINT, checkpoint)
                accounts.insert(conn, name, "supervisor", None, at)
                keys = Keyring(conn)
                keys.set_public_key(name, own[1], at)
                keys.set_public_key(RECOVERY_READER, recovery[1], at)
                audit.append(conn, name, "store_created", None, {"checkpoint": checkpoint}, at)

        try:
            connection.create_database(paths.database, master_key, build)
        except BaseException:
            paths.keyslots.unlink()  # ours, written a moment ago: let init be tried again
            raise
        session = cls._open(paths, master_key, name, slots, kdf, clock)
        session.keys.private_keys[name] = own[0]
        session._seal_slots([])
        return session, recovery_code

    @classmethod
    def login(cls, root: Path, user: str, password: str, kdf: KdfParams | None = None,
              clock: Clock = time.time) -> StoreSession:
        paths = StorePaths(Path(root))
        slots = _load_slots(paths)
        try:
            name = accounts.check_name(user)
        except AccountError:
            slots.unwrap("", password)  # same cost as a real try
            raise WrongCredentialsError() from None
        opened = _unwrap(slots, account_slot(name), password, clock)
        session = cls._open(paths, opened.master_key, name, slots, kdf or KdfParams.standard(),
                            clock)
        # the key-slot file's state is judged before this login writes to the file
        session._record_login(account_slot(name), "login")
        try:
            session._take_keys(account_slot(name), opened.private_key, password)
        except BaseException:
            session.close()
            raise
        session.purge_expired()  # retention runs whenever someone works at the station
        return session

    @classmethod
    def recover(cls, root: Path, recovery_code: str, supervisor: str, new_password: str,
                kdf: KdfParams | None = None, clock: Clock = time.time) -> StoreSession:
        """Open with the recovery code and give ``supervisor`` a new password."""
        check_password(new_password)
        paths = StorePaths(Path(root))
        slots = _load_slots(paths)
        code = crypto.normalise_recovery_code(recovery_code)
        opened = _unwrap(slots, RECOVERY_SLOT, code, clock,
                         wrong=WrongCredentialsError(code="recovery_code_wrong"))
        name = accounts.check_name(supervisor)
        session = cls._open(paths, opened.master_key, name, slots, kdf or KdfParams.standard(),
                            clock)
        if session.account.role != "supervisor":
            session.close()
            raise PermissionDeniedError(code="recovery_supervisor_only")
        # the recovery code's own key pair (a store upgraded from schema 6 gets it now)
        session._take_keys(RECOVERY_SLOT, opened.private_key, code)
        session._set_password(name, new_password, "password_reset_with_recovery_code")
        session._record_login(RECOVERY_SLOT, "login_with_recovery_code")
        return session

    @classmethod
    def _open(cls, paths: StorePaths, master_key: bytes, name: str, slots: KeySlots,
              kdf: KdfParams, clock: Clock) -> StoreSession:
        paths.tighten()  # a folder made by an older version, or by hand, may be open to others
        head = headrecord.HeadRecord(paths.head, master_key)
        _check_head(paths, master_key, head)
        conn = _open_database(paths, master_key, slots)
        slots.unlock_state(master_key)
        try:
            _upgrade(conn, paths, master_key)
            _count_commits(conn, head)
            account = accounts.get(conn, name)
        except BaseException:
            conn.close()
            raise
        if account is None:
            conn.close()
            raise WrongCredentialsError()
        if account.disabled:
            conn.close()
            raise AccountDisabledError(name)
        return cls(paths, conn, master_key, account, slots, kdf, clock)

    def _record_login(self, slot: str, action: str) -> None:
        held = settings.get_setting(self.conn, settings.KEYSLOTS_GENERATION)
        problems = self._slots.state_problems(self._master_key,
                                              int(held) if held is not None else None)
        generation = self._seal_slots(problems, int(held or 0))
        with connection.transaction(self.conn):
            flushed = list(self._slots.pending_failures)
            for failure in flushed:
                user = failure["slot"].removeprefix("account:")
                audit.append(self.conn, user, "login_failed", None, {"slot": failure["slot"]},
                             failure["at"])
            settings.set_setting(self.conn, settings.KEYSLOTS_GENERATION, str(generation))
            audit.append(self.conn, self.account.name, action, None, {}, self._now())
        with self._slots.editing() as fresh:
            # failures recorded meanwhile by another process stay for the next login
            fresh.pending_failures = [f for f in fresh.pending_failures if f not in flushed]
            fresh.record_success(slot)

    def _seal_slots(self, problems: list[str], held: int = 0) -> int:
        """Report what was wrong with the key-slot file's state (audited, and kept in
        ``alerts`` for the supervisor), then seal it under a new generation. The file is
        written before the database learns the generation: a crash between leaves the file
        ahead, which is fine, never behind, which would read as an old copy."""
        self.alerts = [f"the key-slot file was changed outside the program: {p}"
                       for p in problems]
        if problems:
            with connection.transaction(self.conn):
                for problem in problems:
                    audit.append(self.conn, None, "keyslots_state_suspect", None,
                                 {"problem": problem})
        generation = max(self._slots.generation, held) + 1
        salt = connection.salt_of(self.conn)
        with self._slots.editing() as fresh:
            fresh.seal_state(generation, salt)
        if held == 0:
            with connection.transaction(self.conn):
                settings.set_setting(self.conn, settings.KEYSLOTS_GENERATION, str(generation))
        return generation

    def sync_companion(self) -> StoreSession:
        """A second session on its own connection for the background sync thread.

        It needs no password (the master key is already in this process) and acts as the
        account "sync" with a supervisor's reach: batches carry every finalised interview of
        the station, whoever is logged in. The audit log names "sync" for what it does."""
        conn = connection.open_database(self.paths.database, self._master_key)
        _count_commits(conn, headrecord.HeadRecord(self.paths.head, self._master_key))
        robot = dataclasses.replace(self.account, name=SYNC_ACTOR, role="supervisor")
        companion = type(self)(self.paths, conn, self._master_key, robot, self._slots,
                               self._kdf, self._clock)
        # it reads what this session's keys open, no more: an officer's session sends that
        # officer's interviews, a supervisor's every one (docs/design.md §7.1)
        companion.keys = self.keys.on(conn)
        return companion

    def close(self) -> None:
        head = getattr(self.conn, "head", None)
        try:
            connection.checkpoint(self.conn)
        finally:
            self.conn.close()
            if head is not None:
                head.close()

    def __enter__(self) -> StoreSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


    # ----- audit, integrity, backup --------------------------------------------------------

    def audit_entries(self) -> list[audit.AuditEntry]:
        self._require_supervisor("read the audit log")
        return list(audit.entries(self.conn))

    def verify_audit(self) -> audit.ChainReport:
        """The chain checked by itself and against the head central last confirmed."""
        self._require_supervisor("verify the audit log")
        return audit.verify(self.conn, self.confirmed_head())

    def confirmed_head(self) -> audit.Head | None:
        value = settings.get_setting(self.conn, settings.AUDIT_CONFIRMED)
        if not value or ":" not in value:
            return None
        seq, digest = value.split(":", 1)
        return audit.Head(int(seq), digest)

    def record_confirmed_head(self, seq: int, digest: str) -> bool:
        """Keep the head central confirmed in a signed receipt (called by sync); an older one
        than already kept changes nothing. True when it moved."""
        current = self.confirmed_head()
        if current is not None and current.seq >= seq:
            return False
        with connection.transaction(self.conn):
            settings.set_setting(self.conn, settings.AUDIT_CONFIRMED, f"{seq}:{digest}")
            audit.append(self.conn, self.account.name, "audit_head_confirmed", None,
                         {"seq": seq, "hash": digest})
        return True

    def integrity_problems(self) -> list[str]:
        return connection.integrity_problems(self.conn)

    def backup(self, dest: Path) -> Path:
        """An encrypted copy in folder ``dest`` that opens with the same accounts."""
        self._require_supervisor("make a backup")
        dest = Path(dest)
        if dest.exists() and any(dest.iterdir()):
            raise StoreExistsError(code="backup_folder_not_empty", path=dest)
        target = StorePaths(dest)
        target.make_root()
        connection.backup_database(self.conn, target.database, self._master_key)
        shutil.copyfile(self.paths.keyslots, target.keyslots)
        target.keyslots.chmod(0o600)
        _write_head_of(target, self._master_key)
        with connection.transaction(self.conn):
            audit.append(self.conn, self.account.name, "backup_made", None, {})
        return target.root


def _open_database(paths: StorePaths, master_key: bytes, slots: KeySlots
                   ) -> connection.Connection:
    """The database, or why not: a database whose salt is not the one these key slots were
    sealed with is another store's (StoreForeignError), not a damaged one."""
    try:
        return connection.open_database(paths.database, master_key)
    except StoreDamagedError:
        recorded, found = slots.database_salt, connection.database_salt(paths.database)
        # a file cut short has no salt to compare: that is damage
        if recorded is not None and found is not None and recorded != found:
            raise StoreForeignError() from None
        raise


def _check_head(paths: StorePaths, master_key: bytes, head: headrecord.HeadRecord) -> None:
    """Before SQLite may fold the write-ahead log in: compare the database's count of commits
    with the head record's, through a read-only connection (it never checkpoints). Behind
    the record means committed changes are lost: the files are copied aside as found and the
    store is not opened. Any other failure to read is left to the real open to name."""
    expected = head.read()
    if expected is None:
        return
    try:
        look = connection.open_readonly(paths.database, master_key)
    except StoreError:
        return
    try:
        found = headrecord.counter_of(look) or 0
    except StoreError:
        return
    finally:
        look.close()
    if found < expected:
        raise StoreLostWritesError(expected - found, str(_copy_aside(paths)))


def _copy_aside(paths: StorePaths) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    aside = paths.root / f"lost-writes-{stamp}"
    aside.mkdir(mode=0o700)
    for source in (paths.database, paths.database.with_name(paths.database.name + "-wal"),
                   paths.database.with_name(paths.database.name + "-shm"), paths.keyslots,
                   paths.head):
        if source.exists():
            shutil.copyfile(source, aside / source.name)
            (aside / source.name).chmod(0o600)
    return aside


def _write_head_of(paths: StorePaths, master_key: bytes) -> None:
    """A backup's own head record, for its own count: the backup folder restored whole opens
    without a word, while a data folder that keeps the newer record beside an older database
    is told, truly, how many changes the restore gave up."""
    look = connection.open_readonly(paths.database, master_key)
    try:
        count = headrecord.counter_of(look)
    finally:
        look.close()
    if count is not None:
        record = headrecord.HeadRecord(paths.head, master_key)
        record.write(count)
        record.close()


def _count_commits(conn: connection.Connection, head: headrecord.HeadRecord) -> None:
    if headrecord.counter_of(conn) is not None:  # migration 5 has run
        connection.attach_head(conn, head)


def _load_slots(paths: StorePaths) -> KeySlots:
    if not paths.database.exists():
        if paths.keyslots.exists():
            raise StoreDamagedError(f"the key-slot file is in {paths.root} but the database "
                                    "is missing")
        raise StoreMissingError(path=paths.root)
    return KeySlots.load(paths.keyslots)


def _unwrap(slots: KeySlots, slot: str, secret: str, clock: Clock,
            wrong: WrongCredentialsError | None = None) -> Opened:
    """The master key and the slot's private key, or the right refusal: delayed, disabled, or
    wrong credentials."""
    current = slots.slots.get(slot)
    if current is not None:
        wait = remaining_wait(current.failures, current.last_failure, clock())
        if wait > 0:
            raise LoginDelayedError(wait)
    if slots.is_disabled(slot):
        raise AccountDisabledError(slot.removeprefix("account:"))
    opened = slots.open(slot, secret)
    if opened is None:
        now = clock()
        with slots.editing() as fresh:
            fresh.record_failure(slot, now, iso(lambda: now))
        raise wrong or WrongCredentialsError()
    return opened


def _upgrade(conn: connection.Connection, paths: StorePaths, master_key: bytes) -> None:
    version = migrations.schema_version(conn)
    if version == 0:
        # only a database this program never finished creating has no schema: never fill it
        raise StoreDamagedError("the database holds no tables")
    if version > migrations.LATEST:
        raise StoreError(code="store_schema_newer", version=version, latest=migrations.LATEST)

    def backup(current: int) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        dest = paths.make_backups() / f"before-migration-{current + 1}-{stamp}.db"
        connection.backup_database(conn, dest, master_key)

    migrations.migrate(conn, backup)
