"""All of the store's cryptography: Argon2id key derivation and AES-256-GCM key wrapping.

Nothing else in the store touches a cipher or a KDF (ODK Central's habit, DESIGN.md §2)."""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
# Crockford-style alphabet without look-alikes (0/O, 1/I/L): the code is typed from paper.
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 5


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. ``standard()`` is the only one production code uses; tests pass a cheap
    set explicitly so that a forgotten argument can never weaken a real store."""

    time_cost: int
    memory_cost: int  # KiB
    parallelism: int

    @classmethod
    def standard(cls) -> KdfParams:
        return cls(time_cost=3, memory_cost=65536, parallelism=4)

    def to_json(self) -> dict[str, Any]:
        return {"name": "argon2id", **asdict(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        if data.get("name") != "argon2id":
            raise ValueError(f"unknown key derivation {data.get('name')!r}")
        return cls(time_cost=int(data["time_cost"]), memory_cost=int(data["memory_cost"]),
                   parallelism=int(data["parallelism"]))


def new_master_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_cost, parallelism=params.parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)


def wrap(key_encryption_key: bytes, master_key: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """Encrypt ``master_key``; returns (nonce, ciphertext-with-tag). ``aad`` binds the slot name
    so a wrapped key cannot be moved to another slot."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce, AESGCM(key_encryption_key).encrypt(nonce, master_key, aad)


def unwrap(key_encryption_key: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> bytes | None:
    """The master key, or None when the password is wrong (or the slot was altered)."""
    try:
        return AESGCM(key_encryption_key).decrypt(nonce, wrapped, aad)
    except InvalidTag:
        return None


def new_recovery_code() -> str:
    groups = ("".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUP_LEN))
              for _ in range(RECOVERY_GROUPS))
    return "-".join(groups)


def normalise_recovery_code(text: str) -> str:
    """Accept the code however it was typed: any case, with or without spaces and dashes."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    groups = [cleaned[i:i + RECOVERY_GROUP_LEN]
              for i in range(0, len(cleaned), RECOVERY_GROUP_LEN)]
    return "-".join(groups)
