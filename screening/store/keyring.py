"""The keys a session holds to its officers' data (docs/design.md §7.1), and their SQL.

Every account has an X25519 key pair (``user_keys``; the private half in its key slot). Each
officer has data keys (``data_keys``), each sealed (``key_wraps``) to the public keys of its
readers: the officer while the account is active, every active supervisor, and the recovery
code's key. Wrapping for a reader needs only their public key, never their password, so any
session that holds a data key completes the wraps its readers lack (:meth:`Keyring.complete`).
A session holds exactly the data keys sealed to the private keys it was opened with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from screening import crypto
from screening.crypto import RecordCipher
from screening.store import nametokens
from screening.store.connection import Connection

RECOVERY_READER = "*recovery"  # no account name starts with "*" (accounts.check_name)


def _wrap_place(key_id: int, reader: str) -> bytes:
    return f"returnee-screening data key v1:{key_id}:{reader}".encode()


@dataclass
class Keyring:
    conn: Connection
    # reader name -> raw private key: the account's own, or the recovery key's
    private_keys: dict[str, bytes] = field(default_factory=dict)
    _ciphers: dict[int, RecordCipher] = field(default_factory=dict, repr=False)
    _raw: dict[int, bytes] = field(default_factory=dict, repr=False)
    _readers_seen: Any = field(default=None, repr=False)
    _token_keys: dict[int, bytes] = field(default_factory=dict, repr=False)

    def on(self, conn: Connection) -> Keyring:
        """The same keys for another connection of this process (the sync thread)."""
        return Keyring(conn, dict(self.private_keys), dict(self._ciphers), dict(self._raw))

    def forget_cache(self) -> None:
        self._ciphers.clear()
        self._raw.clear()
        self._token_keys.clear()

    # ----- reading -----------------------------------------------------------------------

    def cipher(self, key_id: int) -> RecordCipher | None:
        """The cipher of data key ``key_id``, or None when it is not sealed to this session."""
        if key_id not in self._ciphers:
            raw = self._open(key_id)
            if raw is None:  # not kept: another session may seal it to this one meanwhile
                return None
            self._ciphers[key_id], self._raw[key_id] = RecordCipher(raw), raw
        return self._ciphers[key_id]

    def token_key(self, key_id: int) -> bytes | None:
        """The subkey of data key ``key_id`` that the name index's tokens are made with
        (store/nametokens.py), or None when the key is not sealed to this session."""
        if key_id not in self._token_keys:
            if self.cipher(key_id) is None:
                return None
            self._token_keys[key_id] = nametokens.token_key(self._raw[key_id])
        return self._token_keys[key_id]

    def _open(self, key_id: int) -> bytes | None:
        if not self.private_keys:
            return None
        marks = ", ".join("?" * len(self.private_keys))
        rows = self.conn.execute(
            f"SELECT recipient, wrapped FROM key_wraps WHERE key_id = ? AND recipient IN "
            f"({marks})", (key_id, *self.private_keys)).fetchall()
        for reader, wrapped in rows:
            raw = crypto.open_key(self.private_keys[reader], wrapped, _wrap_place(key_id, reader))
            if raw is not None:
                return raw
        return None

    def held_keys(self) -> list[tuple[int, str]]:
        """(key id, officer) of every data key this session holds."""
        rows = self.conn.execute("SELECT id, officer FROM data_keys ORDER BY id").fetchall()
        return [(key_id, officer) for key_id, officer in rows if self.cipher(key_id)]

    def current_key(self, officer: str) -> int | None:
        """The newest of ``officer``'s data keys that this session holds: what it seals with."""
        rows = self.conn.execute("SELECT id FROM data_keys WHERE officer = ? ORDER BY id DESC",
                                 (officer,)).fetchall()
        return next((key_id for (key_id,) in rows if self.cipher(key_id)), None)

    # ----- writing (inside the caller's transaction) --------------------------------------

    def key_for_writing(self, officer: str, at: str) -> int | None:
        """The key to seal ``officer``'s records with: the current one, or a new one when this
        session holds none of theirs. None when nobody could read a new key (no reader has a
        key pair yet: a store upgraded from schema 6 before anyone logged in)."""
        return self.current_key(officer) or self.new_key(officer, at)

    def new_key(self, officer: str, at: str) -> int | None:
        """A new data key for ``officer``, sealed to its readers; None while the store is not
        yet armed: a store upgraded from schema 6 in which no supervisor (nor the recovery
        code) has a key pair yet keeps writing in the clear, as before, rather than seal an
        officer's records out of every supervisor's reach."""
        readers = self.readers_of(officer)
        if not self.armed():
            return None
        raw = crypto.new_data_key()
        key_id = self.conn.execute("INSERT INTO data_keys (officer, created_at) VALUES (?, ?) "
                                   "RETURNING id", (officer, at)).fetchone()[0]
        for reader, public in readers.items():
            self._seal_to(key_id, raw, reader, public)
        self._ciphers[key_id], self._raw[key_id] = RecordCipher(raw), raw
        return int(key_id)

    def readers_of(self, officer: str) -> dict[str, bytes]:
        """Who may read ``officer``'s records and has a public key: the officer while active,
        every active supervisor, and the recovery code's key."""
        rows = self.conn.execute(
            "SELECT k.name, k.public_key FROM user_keys k JOIN accounts a ON a.name = k.name "
            "WHERE a.disabled = 0 AND (a.name = ? OR a.role = 'supervisor') "
            "UNION ALL SELECT name, public_key FROM user_keys WHERE name = ?",
            (officer, RECOVERY_READER)).fetchall()
        return dict(rows)

    def armed(self) -> bool:
        return self.conn.execute(
            "SELECT 1 FROM user_keys k LEFT JOIN accounts a ON a.name = k.name WHERE k.name = ? "
            "OR (a.role = 'supervisor' AND a.disabled = 0) LIMIT 1",
            (RECOVERY_READER,)).fetchone() is not None

    def readers_changed(self) -> bool:
        """Whether a key pair was made since this was last asked (then :meth:`complete` has
        something to do): a cheap look, for a long session to hand keys on while it runs."""
        seen = self.conn.execute("SELECT count(*), max(created_at) FROM user_keys").fetchone()
        changed = seen != self._readers_seen
        self._readers_seen = seen
        return changed

    def complete(self) -> int:
        """Seal every data key this session holds to each of its readers that lacks it (an
        officer or supervisor whose key pair was made after the key). Returns how many."""
        added = 0
        for key_id, officer in self.held_keys():
            have = {r for (r,) in self.conn.execute(
                "SELECT recipient FROM key_wraps WHERE key_id = ?", (key_id,))}
            for reader, public in self.readers_of(officer).items():
                if reader not in have:
                    self._seal_to(key_id, self._raw[key_id], reader, public)
                    added += 1
        return added

    def set_public_key(self, reader: str, public: bytes, at: str) -> None:
        """A reader's new key pair: what was sealed to the old one is dropped (no one holds
        its private key any more, or its holder must lose it)."""
        self.conn.execute("INSERT INTO user_keys (name, public_key, created_at) VALUES (?,?,?) "
                          "ON CONFLICT (name) DO UPDATE SET public_key = excluded.public_key, "
                          "created_at = excluded.created_at", (reader, public, at))
        self.forget_reader(reader)

    def forget_reader(self, reader: str) -> None:
        self.conn.execute("DELETE FROM key_wraps WHERE recipient = ?", (reader,))

    def has_public_key(self, reader: str) -> bool:
        return self.conn.execute("SELECT 1 FROM user_keys WHERE name = ?",
                                 (reader,)).fetchone() is not None

    def drop_keys(self, key_ids: list[int]) -> None:
        """Delete data keys no record is sealed under any more (after a re-key)."""
        for key_id in key_ids:
            self.conn.execute("DELETE FROM data_keys WHERE id = ?", (key_id,))
            self._ciphers.pop(key_id, None)
            self._raw.pop(key_id, None)
            self._token_keys.pop(key_id, None)

    def keys_of(self, officer: str | None) -> list[int]:
        """The ids of ``officer``'s data keys (every officer's for None)."""
        rows = self.conn.execute("SELECT id FROM data_keys WHERE ? IS NULL OR officer = ?",
                                 (officer, officer)).fetchall()
        return [key_id for (key_id,) in rows]

    def _seal_to(self, key_id: int, raw: bytes, reader: str, public: bytes) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO key_wraps (key_id, recipient, wrapped) VALUES (?, ?, ?)",
            (key_id, reader, crypto.seal_key(public, raw, _wrap_place(key_id, reader))))
