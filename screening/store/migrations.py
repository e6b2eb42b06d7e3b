"""Numbered schema migrations. ``PRAGMA user_version`` holds the schema number; each step runs
in its own transaction after a backup of the database as it was (docs/design.md §4)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from screening.store.connection import Connection, transaction, translate_errors


@dataclass(frozen=True)
class Migration:
    version: int
    summary: str
    statements: tuple[str, ...]


V1 = Migration(1, "settings, accounts, interviews, audit log", (
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL)""",
    """CREATE TABLE accounts (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor')),
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT,
        password_changed_at TEXT NOT NULL)""",
    """CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        checkpoint TEXT NOT NULL,
        officer TEXT NOT NULL REFERENCES accounts (name),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN
            ('draft', 'finalised', 'returned_for_correction', 'approved')),
        answers TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(answers)),
        assessment TEXT CHECK (assessment IS NULL OR json_valid(assessment)),
        outcome TEXT,
        revision INTEGER NOT NULL DEFAULT 0,
        -- kept in step by SQLite itself, so the list and the name search need no JSON parsing
        display_name TEXT GENERATED ALWAYS AS (trim(
            coalesce(json_extract(answers, '$.given_name'), '') || ' ' ||
            coalesce(json_extract(answers, '$.family_name'), ''))) STORED)""",
    # narrow indexes on columns an autosave never changes, so a save rewrites only the row's
    # own pages (each written page costs an encryption); the list reads 100 rows through them
    "CREATE INDEX interviews_by_created ON interviews (created_at)",
    "CREATE INDEX interviews_by_officer ON interviews (officer, created_at)",
    # the name search scans this small index instead of decrypting every interview
    "CREATE INDEX interviews_by_name ON interviews (display_name)",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        subject TEXT,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL)""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
))

V2 = Migration(2, "retention: central acknowledgement and purge dates", (
    "ALTER TABLE interviews ADD COLUMN acknowledged_at TEXT",
    "ALTER TABLE interviews ADD COLUMN purged_at TEXT",
    # what was done, kept after the purge for the supervisors' minimal index
    "ALTER TABLE interviews ADD COLUMN action TEXT",
    "CREATE INDEX interviews_by_acknowledgement ON interviews (acknowledged_at)",
))

V3 = Migration(3, "accounts: the person's full name, printed on the referral slip", (
    # nullable: accounts made before it have none, and the documents fall back to the login
    "ALTER TABLE accounts ADD COLUMN full_name TEXT",
))

V4 = Migration(4, "retention: acknowledgement per revision", (
    # The revision central acknowledged last. Only when it is the interview's current revision
    # (no later one pending) may retention purge it; acknowledged_at is when that revision was
    # acknowledged.
    "ALTER TABLE interviews ADD COLUMN acknowledged_revision INTEGER",
    # An acknowledgement of schema 3 does not say which revision it was for, so it cannot
    # prove the current one reached central: it is forgotten (the purge waits). The sync reads
    # the revisions of the outbox's acknowledged batches again at its next run
    # (sync/service.py), so the retention clock restarts from there: data kept longer, never
    # purged early. Purged interviews stay purged.
    "UPDATE interviews SET acknowledged_at = NULL WHERE purged_at IS NULL",
    "UPDATE interviews SET acknowledged_revision = revision WHERE purged_at IS NOT NULL",
))

V5 = Migration(5, "the count of committed transactions, mirrored in the head record", (
    # one row; every write transaction adds one and the head record beside the database
    # repeats it after COMMIT (store/headrecord.py), so a write-ahead log cut short is seen
    "CREATE TABLE head (id INTEGER PRIMARY KEY CHECK (id = 1), counter INTEGER NOT NULL)",
    "INSERT INTO head (id, counter) VALUES (1, 0)",
))

V6 = Migration(6, "advance notice of returns: the checkpoint's expected arrivals", (
    # the signed list central sent (screening.sync.noticelist), one row a notice, replaced
    # whole at each sync; ``notice`` is the notice's JSON as received
    """CREATE TABLE notices (
        id TEXT PRIMARY KEY,
        expected_date TEXT NOT NULL,
        keep_until TEXT NOT NULL,
        notice TEXT NOT NULL CHECK (json_valid(notice)))""",
    "CREATE INDEX notices_by_date ON notices (expected_date)",
    # which interview was started from which notice: kept after the notice has gone, so the
    # interview's record names its notice when it is sent
    """CREATE TABLE interview_notices (
        interview_id TEXT PRIMARY KEY REFERENCES interviews (id),
        notice_id TEXT NOT NULL)""",
))

V7 = Migration(7, "per-officer confidentiality: account keys, data keys, sealed records", (
    # each account's X25519 public key ("*recovery" for the recovery code's); the private half
    # rests in the account's key slot (store/keyslots.py, docs/design.md §7.1)
    """CREATE TABLE user_keys (
        name TEXT PRIMARY KEY,
        public_key BLOB NOT NULL,
        created_at TEXT NOT NULL)""",
    # an officer's data keys: the newest one a session holds seals what it writes; a re-key
    # reseals the officer's records under a new one and deletes the old (store/keyring.py)
    """CREATE TABLE data_keys (
        id INTEGER PRIMARY KEY,
        officer TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    "CREATE INDEX data_keys_by_officer ON data_keys (officer)",
    # a data key sealed to one reader's public key: its officer, each supervisor, the recovery
    """CREATE TABLE key_wraps (
        key_id INTEGER NOT NULL REFERENCES data_keys (id) ON DELETE CASCADE,
        recipient TEXT NOT NULL,
        wrapped BLOB NOT NULL,
        PRIMARY KEY (key_id, recipient))""",
    # answers, assessment and name sealed under the data key (store/sealing.py); a row with
    # key_id NULL is one written before schema 7, still in the clear until a session that can
    # hold its officer's key seals it (at the first login after the upgrade, for most)
    "ALTER TABLE interviews ADD COLUMN key_id INTEGER REFERENCES data_keys (id)",
    "ALTER TABLE interviews ADD COLUMN sealed_answers BLOB",
    "ALTER TABLE interviews ADD COLUMN sealed_assessment BLOB",
    "ALTER TABLE interviews ADD COLUMN sealed_name BLOB",
    # the revision the name was sealed at: its associated data, so an autosave of another
    # answer leaves the name, and the search index below, untouched
    "ALTER TABLE interviews ADD COLUMN name_revision INTEGER",
    # names in the clear have no place any more (secure_delete zeroes the pages the old index
    # leaves); a search whose words are common walks this narrow index newest first
    "DROP INDEX interviews_by_name",
    """CREATE INDEX interviews_sealed_names ON interviews
        (created_at, id, officer, key_id, name_revision, sealed_name, display_name)""",
    # the name search's blind index (store/nametokens.py): a keyed token of each word prefix of
    # each sealed name, under a subkey of the row's data key, so a session's first search
    # looks names up instead of opening every one; kept in step wherever the name is sealed
    """CREATE TABLE name_tokens (
        key_id INTEGER NOT NULL,
        token BLOB NOT NULL,
        interview_id TEXT NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
        PRIMARY KEY (key_id, token, interview_id)) WITHOUT ROWID""",
    # a re-key finds the rows under a key (and deleting a key checks none is left) by it
    "CREATE INDEX interviews_by_key ON interviews (key_id)",
    # the rows still in the clear, looked for at every login: empty once they are sealed
    """CREATE INDEX interviews_in_the_clear ON interviews (officer)
        WHERE key_id IS NULL AND purged_at IS NULL""",
))

MIGRATIONS: tuple[Migration, ...] = (V1, V2, V3, V4, V5, V6, V7)
LATEST = MIGRATIONS[-1].version


def schema_version(conn: Connection) -> int:
    with translate_errors():
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, backup: Callable[[int], None] | None = None,
            migrations: Sequence[Migration] = MIGRATIONS, target: int | None = None) -> list[int]:
    """Bring the schema up to ``target`` (default: the latest). ``backup(version)`` is called
    before each step on a database that already holds data. Returns the versions applied."""
    target = migrations[-1].version if target is None else target
    applied = []
    for step in migrations:
        current = schema_version(conn)
        if step.version <= current or step.version > target:
            continue
        if step.version != current + 1:
            raise RuntimeError(f"schema {current} cannot jump to migration {step.version}")
        if backup is not None and current > 0:
            backup(current)
        with transaction(conn):
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version}")
        applied.append(step.version)
    return applied
