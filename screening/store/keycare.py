"""What a session does with the account keys and the officers' data keys (docs/design.md §7.1):
take its own key pair at login (making one for an account that has none yet), complete the
wraps its readers lack, seal the rows still in the clear, and re-key an officer's records."""

from __future__ import annotations

from dataclasses import dataclass

from screening import crypto
from screening.errors import AccountError
from screening.store import accounts, audit, connection, interviews
from screening.store.keyring import RECOVERY_READER
from screening.store.keyslots import RECOVERY_SLOT
from screening.store.sessionbase import SessionBase


@dataclass(frozen=True)
class Rekeyed:
    officers: int  # whose data keys were replaced
    records: int  # resealed under the new keys
    kept_back: int  # sealed under a key this session does not hold: left for one that does


def reader_of_slot(slot: str) -> str:
    return RECOVERY_READER if slot == RECOVERY_SLOT else slot.removeprefix("account:")


class KeyCare(SessionBase):
    def _take_keys(self, slot: str, private_key: bytes | None, secret: str) -> None:
        """Hold the key pair of the slot this session was opened with; an account from before
        schema 7 gets its pair now, its private key wrapped under the password just typed."""
        reader = reader_of_slot(slot)
        # a private key whose public half is no longer the account's (an old copy of the
        # key-slot file) is held all the same: it opens only what was sealed before the re-key
        if private_key is None:
            private_key, public = crypto.new_key_pair()
            with connection.transaction(self.conn):
                self.keys.set_public_key(reader, public, self._now())
                audit.append(self.conn, self.account.name, "account_keys_made",
                             None if reader == RECOVERY_READER else reader)
                with self._slots.editing() as slots:
                    slots.set_secret(slot, secret, self._master_key, self._kdf, private_key)
        self.keys.private_keys[reader] = private_key
        self._settle_keys()

    def _settle_keys(self) -> None:
        """Wrap the held keys for readers that lack them and seal every row still in the clear
        whose officer has a reader with a key pair. Sealing another officer's rows teaches this
        session nothing (it could read them in the clear); it keeps no key it was not given."""
        with connection.transaction(self.conn):
            wrapped = self.keys.complete()
            sealed = 0
            for officer in interviews.legacy_officers(self.conn):
                sealed += interviews.reseal(self.conn, self.keys, officer, None, self._now())
            if sealed or wrapped:
                audit.append(self.conn, self.account.name, "records_sealed", None,
                             {"records": sealed, "key_wraps": wrapped})
        self.keys.forget_cache()  # a key made for another officer's rows is not this session's

    def _new_key_pair(self, name: str) -> bytes:
        """A fresh key pair for account ``name`` (inside the caller's transaction): what was
        sealed to its old one is dropped. Returns the private key, for the account's slot."""
        private_key, public = crypto.new_key_pair()
        self.keys.set_public_key(name, public, self._now())
        return private_key

    def _rekey(self, officer: str | None) -> Rekeyed:
        """New data keys for ``officer`` (every officer for None: a supervisor's reach), their
        records resealed, the old keys deleted (inside the caller's transaction). Old key
        slots and old backups then open nothing sealed since."""
        officers = [officer] if officer is not None else sorted(
            {o for (o,) in self.conn.execute("SELECT officer FROM data_keys")})
        records = kept = 0
        for name in officers:
            old = self.keys.keys_of(name)
            if not old or self.keys.new_key(name, self._now()) is None:
                continue
            records += interviews.reseal(self.conn, self.keys, name, old, self._now())
            still = {k for (k,) in self.conn.execute(
                f"SELECT DISTINCT key_id FROM interviews WHERE key_id IN "
                f"({', '.join('?' * len(old))})", old)}
            kept += len(still)
            self.keys.drop_keys([k for k in old if k not in still])
        self.keys.forget_cache()
        return Rekeyed(len(officers), records, kept)

    def rekey(self, user: str | None = None) -> Rekeyed:
        """Re-key on demand (``screening users rekey``): one officer's data keys, or every
        officer's. Supervisors only."""
        self._require_supervisor("re-key the officers' data")
        if user is not None:
            found = accounts.get(self.conn, accounts.check_name(user))
            if found is None:
                raise AccountError(code="account_unknown", name=user)
            user = found.name
        with connection.transaction(self.conn):
            done = self._rekey(user)
            audit.append(self.conn, self.account.name, "data_rekeyed", user,
                         {"records": done.records, "kept_back": done.kept_back})
        return done

    @staticmethod
    def _reach_of(name: str, role: str) -> str | None:
        """Whose data an account could read: its own (an officer), or everyone's (None)."""
        return None if role == "supervisor" else name
