"""The key-slot file beside the database (LUKS-style, docs/design.md §4).

One random master key opens the database. Each account's slot holds that key wrapped with
AES-256-GCM under Argon2id(password, the slot's own salt); the recovery slot wraps it under the
recovery code. The file also remembers wrong-password counts, because a failed login cannot
write to the database it failed to open.

Three things tell apart what a failed login alone cannot (issue 15):

- each slot carries a checksum of its own bytes, so a flipped bit in a slot is reported as a
  damaged slot, not as a wrong password (and is not counted as one);
- the ``state`` block records the salt at the head of the database file the slots open, so
  another workstation's database beside these slots is named as such, not as damage;
- the ``state`` block is authenticated with a key derived from the master key and carries a
  generation that the database repeats: a logged-in session seals it, and at the next login a
  state changed, lowered or put back from an older copy is reported. Wrong passwords are
  written without that key (there is none before a login), outside the block; they may only
  add to it. What an attacker with the file in hand can still do: delete the wrong passwords
  written since the last login — the wait is a brake on guessing at the keyboard; Argon2id is
  the defence against guessing with a copy of the file."""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from screening import crypto
from screening.atomicfile import write_atomic
from screening.crypto import KdfParams
from screening.errors import KeySlotDamagedError, KeySlotsDamagedError, StoreDamagedError
from screening.store.filelock import exclusive

FORMAT = 1
RECOVERY_SLOT = "recovery"
STATE_PURPOSE = "keyslots-state"
DATABASE_SALT_BYTES = 16  # SQLCipher's per-database salt at the head of the file
MAX_PENDING_FAILURES = 200  # bounded: the file must stay small even under a guessing attack


def account_slot(user: str) -> str:
    return f"account:{user}"


@dataclass(frozen=True)
class Opened:
    """What a slot's secret opens: the master key and, from schema 7 on, the account's own
    private key (None in a slot written before it: the session makes one at that login)."""

    master_key: bytes
    private_key: bytes | None


@dataclass(frozen=True)
class Slot:
    name: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes | None  # None once the account is disabled: the key is gone, not hidden
    failures: int = 0
    last_failure: float | None = None
    damaged: bool = False  # its checksum does not match: no password can open it
    # the account's X25519 private key under the same password (docs/design.md §7.1)
    private_nonce: bytes | None = None
    private_wrapped: bytes | None = None

    def checksum(self) -> str:
        material: list[Any] = [self.name, self.kdf.to_json(), _b64(self.salt),
                               _b64(self.nonce),
                               _b64(self.wrapped) if self.wrapped is not None else None]
        if self.private_wrapped is not None and self.private_nonce is not None:
            # appended only when present, so a slot written before schema 7 keeps its sum
            material += [_b64(self.private_nonce), _b64(self.private_wrapped)]
        return crypto.digest_hex(_canonical(material))

    def to_json(self) -> dict[str, Any]:
        document = {"kdf": self.kdf.to_json(), "salt": _b64(self.salt),
                    "nonce": _b64(self.nonce),
                    "wrapped": _b64(self.wrapped) if self.wrapped is not None else None,
                    "failures": self.failures, "last_failure": self.last_failure,
                    "check": self.checksum()}
        if self.private_wrapped is not None and self.private_nonce is not None:
            document["private_nonce"] = _b64(self.private_nonce)
            document["private_wrapped"] = _b64(self.private_wrapped)
        return document

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any]) -> Slot:
        wrapped = data.get("wrapped")
        private_nonce, private_wrapped = data.get("private_nonce"), data.get("private_wrapped")
        try:
            slot = cls(name=name, kdf=KdfParams.from_json(data["kdf"]),
                       salt=_unb64(data["salt"]), nonce=_unb64(data["nonce"]),
                       wrapped=_unb64(wrapped) if wrapped is not None else None,
                       failures=int(data.get("failures", 0)),
                       last_failure=data.get("last_failure"),
                       private_nonce=(_unb64(private_nonce) if private_nonce is not None
                                      else None),
                       private_wrapped=(_unb64(private_wrapped) if private_wrapped is not None
                                        else None))
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeEncodeError):
            # a damaged slot must not make every other account's slot unreadable
            return cls(name=name, kdf=KdfParams.standard(), salt=b"", nonce=b"", wrapped=b"",
                       damaged=True)
        check = data.get("check")  # slots written before the checksum have none
        return replace(slot, damaged=check is not None and check != slot.checksum())


@dataclass
class KeySlots:
    path: Path
    slots: dict[str, Slot] = field(default_factory=dict)
    # wrong-password events waiting to be copied into the audit log at the next login
    pending_failures: list[dict[str, Any]] = field(default_factory=list)
    # the authenticated block (see the module's docstring) and its MAC, as last sealed
    state: dict[str, Any] = field(default_factory=dict)
    state_mac: str = ""
    # known once a session has opened the store: then every save seals the state anew
    _state_key: bytes | None = field(default=None, repr=False)

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            data = json.loads(Path(path).read_bytes())
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown format {data.get('format')!r}")
            slots = {name: Slot.from_json(name, raw) for name, raw in data["slots"].items()}
            pending = list(data.get("pending_failures", []))
            state, mac = data.get("state", {}), data.get("state_mac", "")
            if not isinstance(state, dict) or not isinstance(mac, str):
                raise ValueError("the state block is not an object")
        except FileNotFoundError:
            raise StoreDamagedError("the key-slot file is missing") from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise KeySlotsDamagedError(f"it cannot be read: {error}") from None
        return cls(path=Path(path), slots=slots, pending_failures=pending, state=state,
                   state_mac=mac)

    # ----- the authenticated state ---------------------------------------------------------

    @property
    def database_salt(self) -> str | None:
        salt = self.state.get("database_salt")
        return salt if isinstance(salt, str) else None

    @property
    def generation(self) -> int:
        value = self.state.get("generation", 0)
        return value if type(value) is int else 0

    def unlock_state(self, master_key: bytes) -> None:
        self._state_key = crypto.derive_subkey(master_key, STATE_PURPOSE)

    def state_problems(self, master_key: bytes, generation_held: int | None) -> list[str]:
        """What is wrong with the state as loaded, judged with the master key and the
        generation the database holds (None: a store from before the state was kept)."""
        if not self.state_mac:
            return [] if generation_held is None else ["the state block was removed"]
        key = crypto.derive_subkey(master_key, STATE_PURPOSE)
        if not crypto.same_secret(crypto.mac_hex(key, _canonical(self.state)), self.state_mac):
            return ["the state block was changed without the key"]
        problems = []
        if generation_held is not None and self.generation < generation_held:
            problems.append(f"this is an older copy of the key-slot file (generation "
                            f"{self.generation}, the database knows {generation_held})")
        counters = self.state.get("failures", {})
        for name, sealed in counters.items() if isinstance(counters, dict) else ():
            slot = self.slots.get(name)
            if slot is not None and slot.failures < sealed:
                problems.append(f"the wrong-password count of {name} was lowered")
        if len(self.pending_failures) < self.state.get("pending", 0):
            problems.append("wrong passwords waiting for the audit log were removed")
        return problems

    def seal_state(self, generation: int, database_salt: str | None) -> None:
        """Record the state as it is now, authenticated (needs :meth:`unlock_state`)."""
        if self._state_key is None:
            raise RuntimeError("the key-slot state can be sealed only by an open session")
        self.state = {"generation": generation, "database_salt": database_salt,
                      "failures": {n: s.failures for n, s in sorted(self.slots.items())},
                      "pending": len(self.pending_failures[-MAX_PENDING_FAILURES:])}
        self.state_mac = crypto.mac_hex(self._state_key, _canonical(self.state))

    @contextlib.contextmanager
    def editing(self) -> Iterator[KeySlots]:
        """Change the file as it is on disk now, under a lock: another process (the app, a CLI
        command) may have changed it since this copy was read, and its change must not be
        lost. This copy takes on the result."""
        with exclusive(self.path.with_name(self.path.name + ".lock")):
            fresh = KeySlots.load(self.path) if self.path.exists() else KeySlots(self.path)
            fresh._state_key = self._state_key
            yield fresh
            if fresh._state_key is not None:
                fresh.seal_state(max(fresh.generation, self.generation),
                                 fresh.database_salt or self.database_salt)
            fresh.save()
        self.slots, self.pending_failures = fresh.slots, fresh.pending_failures
        self.state, self.state_mac = fresh.state, fresh.state_mac

    def save(self) -> None:
        document = {"format": FORMAT,
                    "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
                    "pending_failures": self.pending_failures[-MAX_PENDING_FAILURES:],
                    "state": self.state, "state_mac": self.state_mac}
        write_atomic(self.path, json.dumps(document, indent=1).encode("utf-8"))

    def set_secret(self, name: str, secret: str, master_key: bytes, kdf: KdfParams,
                   private_key: bytes | None = None) -> None:
        """Create or rewrap one slot (with the account's private key, when given); every other
        slot is left byte for byte as it was."""
        salt = crypto.new_salt()
        kek = crypto.derive_key(secret, salt, kdf)
        nonce, wrapped = crypto.wrap(kek, master_key, _aad(name))
        private_nonce = private_wrapped = None
        if private_key is not None:
            private_nonce, private_wrapped = crypto.wrap(kek, private_key, _private_aad(name))
        self.slots[name] = Slot(name=name, kdf=kdf, salt=salt, nonce=nonce, wrapped=wrapped,
                                private_nonce=private_nonce, private_wrapped=private_wrapped)

    def unwrap(self, name: str, secret: str) -> bytes | None:
        """The master key, or None for an unknown slot, a disabled one or a wrong secret;
        KeySlotDamagedError for a slot whose own bytes were damaged."""
        opened = self.open(name, secret)
        return None if opened is None else opened.master_key

    def open(self, name: str, secret: str) -> Opened | None:
        """:meth:`unwrap` with the account's private key too (one key derivation)."""
        slot = self.slots.get(name)
        if slot is not None and slot.damaged:
            raise KeySlotDamagedError(name.removeprefix("account:"))
        if slot is None or slot.wrapped is None:
            self._spend_equal_time(secret)
            return None
        kek = crypto.derive_key(secret, slot.salt, slot.kdf)
        master_key = crypto.unwrap(kek, slot.nonce, slot.wrapped, _aad(name))
        if master_key is None:
            return None
        private_key = None
        if slot.private_wrapped is not None and slot.private_nonce is not None:
            private_key = crypto.unwrap(kek, slot.private_nonce, slot.private_wrapped,
                                        _private_aad(name))
            if private_key is None:  # the checksum held, so the slot was forged with care
                raise KeySlotDamagedError(name.removeprefix("account:"))
        return Opened(master_key, private_key)

    def disable(self, name: str) -> None:
        slot = self.slots[name]
        self.slots[name] = replace(slot, wrapped=None, nonce=b"", private_nonce=None,
                                   private_wrapped=None)

    def is_disabled(self, name: str) -> bool:
        slot = self.slots.get(name)
        return slot is not None and slot.wrapped is None

    def record_failure(self, name: str, at: float, when_iso: str) -> None:
        slot = self.slots.get(name)
        if slot is not None:
            self.slots[name] = replace(slot, failures=slot.failures + 1, last_failure=at)
            # only names that exist are kept: a password typed into the name field must not be
            self.pending_failures.append({"at": when_iso, "slot": name})

    def record_success(self, name: str) -> None:
        slot = self.slots.get(name)
        if slot is not None and (slot.failures or slot.last_failure is not None):
            self.slots[name] = replace(slot, failures=0, last_failure=None)

    def _spend_equal_time(self, secret: str) -> None:
        # an unknown name costs the same KDF as a known one, so timing does not reveal names
        kdf = next((s.kdf for s in self.slots.values()), KdfParams.standard())
        crypto.derive_key(secret, crypto.new_salt(), kdf)


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _aad(name: str) -> bytes:
    return f"returnee-screening keyslot v{FORMAT}:{name}".encode()


def _private_aad(name: str) -> bytes:
    return f"returnee-screening keyslot v{FORMAT} private key:{name}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
