"""The key-slot file beside the database (LUKS-style, docs/design.md §4).

One random master key opens the database. Each account's slot holds that key wrapped with
AES-256-GCM under Argon2id(password, the slot's own salt); the recovery slot wraps it under the
recovery code. The file also remembers wrong-password counts, because a failed login cannot
write to the database it failed to open."""

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
from screening.errors import StoreDamagedError
from screening.store.filelock import exclusive

FORMAT = 1
RECOVERY_SLOT = "recovery"
MAX_PENDING_FAILURES = 200  # bounded: the file must stay small even under a guessing attack


def account_slot(user: str) -> str:
    return f"account:{user}"


@dataclass(frozen=True)
class Slot:
    name: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes | None  # None once the account is disabled: the key is gone, not hidden
    failures: int = 0
    last_failure: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kdf": self.kdf.to_json(), "salt": _b64(self.salt), "nonce": _b64(self.nonce),
                "wrapped": _b64(self.wrapped) if self.wrapped is not None else None,
                "failures": self.failures, "last_failure": self.last_failure}

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any]) -> Slot:
        wrapped = data.get("wrapped")
        return cls(name=name, kdf=KdfParams.from_json(data["kdf"]), salt=_unb64(data["salt"]),
                   nonce=_unb64(data["nonce"]),
                   wrapped=_unb64(wrapped) if wrapped is not None else None,
                   failures=int(data.get("failures", 0)), last_failure=data.get("last_failure"))


@dataclass
class KeySlots:
    path: Path
    slots: dict[str, Slot] = field(default_factory=dict)
    # wrong-password events waiting to be copied into the audit log at the next login
    pending_failures: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            data = json.loads(Path(path).read_bytes())
            if data.get("format") != FORMAT:
                raise ValueError(f"unknown format {data.get('format')!r}")
            slots = {name: Slot.from_json(name, raw) for name, raw in data["slots"].items()}
            pending = list(data.get("pending_failures", []))
        except FileNotFoundError:
            raise StoreDamagedError("the key-slot file is missing") from None
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise StoreDamagedError(f"the key-slot file cannot be read: {error}") from None
        return cls(path=Path(path), slots=slots, pending_failures=pending)

    @contextlib.contextmanager
    def editing(self) -> Iterator[KeySlots]:
        """Change the file as it is on disk now, under a lock: another process (the app, a CLI
        command) may have changed it since this copy was read, and its change must not be
        lost. This copy takes on the result."""
        with exclusive(self.path.with_name(self.path.name + ".lock")):
            fresh = KeySlots.load(self.path) if self.path.exists() else KeySlots(self.path)
            yield fresh
            fresh.save()
        self.slots, self.pending_failures = fresh.slots, fresh.pending_failures

    def save(self) -> None:
        document = {"format": FORMAT,
                    "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
                    "pending_failures": self.pending_failures[-MAX_PENDING_FAILURES:]}
        write_atomic(self.path, json.dumps(document, indent=1).encode("utf-8"))

    def set_secret(self, name: str, secret: str, master_key: bytes, kdf: KdfParams) -> None:
        """Create or rewrap one slot; every other slot is left byte for byte as it was."""
        salt = crypto.new_salt()
        kek = crypto.derive_key(secret, salt, kdf)
        nonce, wrapped = crypto.wrap(kek, master_key, _aad(name))
        self.slots[name] = Slot(name=name, kdf=kdf, salt=salt, nonce=nonce, wrapped=wrapped)

    def unwrap(self, name: str, secret: str) -> bytes | None:
        """The master key, or None for an unknown slot, a disabled one or a wrong secret."""
        slot = self.slots.get(name)
        if slot is None or slot.wrapped is None:
            self._spend_equal_time(secret)
            return None
        kek = crypto.derive_key(secret, slot.salt, slot.kdf)
        return crypto.unwrap(kek, slot.nonce, slot.wrapped, _aad(name))

    def disable(self, name: str) -> None:
        slot = self.slots[name]
        self.slots[name] = replace(slot, wrapped=None, nonce=b"")

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


def _aad(name: str) -> bytes:
    return f"returnee-screening keyslot v{FORMAT}:{name}".encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
