"""Queries on the store's settings: the checkpoint code and the retention period."""

from __future__ import annotations

from screening.store.connection import Connection, translate_errors

CHECKPOINT = "checkpoint"
RETENTION_DAYS = "retention_days"
DEFAULT_RETENTION_DAYS = 30
# the generation of the key-slot file's sealed state this database last saw (keyslots.py)
KEYSLOTS_GENERATION = "keyslots_generation"
# the audit head central last confirmed, from its signed receipt ("seq:hash")
AUDIT_CONFIRMED = "audit_confirmed_head"


def set_setting(conn: Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


def get_setting(conn: Connection, key: str, default: str | None = None) -> str | None:
    with translate_errors():
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default
