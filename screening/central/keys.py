"""Central's two key pairs, made on first use and kept in its data folder (0600, atomic):
``signing.key`` (Ed25519, signs receipts) and ``encryption.key`` (X25519, opens batches)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from screening import crypto
from screening.atomicfile import write_atomic
from screening.errors import ScreeningError


@dataclass(frozen=True)
class CentralKeys:
    signing: crypto.Ed25519PrivateKey
    encryption: crypto.X25519PrivateKey

    @property
    def verify_key(self) -> bytes:
        return crypto.public_bytes(self.signing)

    @property
    def encryption_public(self) -> bytes:
        return crypto.public_bytes(self.encryption)


def load_or_create(folder: Path) -> CentralKeys:
    keys_dir = folder / "keys"
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    signing = _load_or_make(keys_dir / "signing.key", crypto.new_signing_key)
    encryption = _load_or_make(keys_dir / "encryption.key", crypto.new_encryption_key)
    return CentralKeys(crypto.load_signing_key(signing), crypto.load_encryption_key(encryption))


def _load_or_make(path: Path,
                  make: Callable[[], crypto.Ed25519PrivateKey | crypto.X25519PrivateKey]
                  ) -> bytes:
    if not path.exists():
        write_atomic(path, crypto.private_bytes(make()))
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise ScreeningError(f"{path} can be read by other users; run chmod 600 on it",
                             code="key_permissions")
    raw = path.read_bytes()
    if len(raw) != crypto.KEY_BYTES:
        raise ScreeningError(f"{path} is damaged (wrong length); restore it from the backup. "
                             "Without it central cannot read batches or sign receipts.",
                             code="key_damaged")
    return raw
