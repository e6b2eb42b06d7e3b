"""Every cryptographic operation of sync and central, on ``cryptography`` (DESIGN.md §5).

- Device keys: Ed25519. A workstation signs its batches and its enrolment request with one.
- Central's keys: an Ed25519 key that signs receipts and an X25519 key that batches are sealed to.
- Sealing: a fresh X25519 key pair per batch (so a workstation cannot open what it has sent),
  ECDH with central's public key, HKDF-SHA256 to a 256-bit key, AES-256-GCM with associated data
  that the caller uses to bind the format version, device id, sequence and batch id.

Keys travel and rest as their raw 32-byte forms; callers encode them (wire.py uses base64).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from screening.errors import ScreeningError

KEY_BYTES = 32
SIGNATURE_BYTES = 64
NONCE_BYTES = 12
HKDF_INFO = b"returnee-screening seal v1"


class CryptoError(ScreeningError):
    """A key, signature or sealed message is not what it claims to be."""

    code = "crypto_error"


class SignatureInvalidError(CryptoError):
    code = "signature_invalid"

    def __init__(self, what: str = "the signature") -> None:
        super().__init__(f"{what} does not verify: the data was changed or signed by another key")


class DecryptionError(CryptoError):
    code = "decrypt_failed"

    def __init__(self) -> None:
        super().__init__("the batch cannot be decrypted: it was changed in transit, sealed to "
                         "another key, or its header does not belong to it")


@dataclass(frozen=True)
class Sealed:
    ephemeral_key: bytes  # the sender's one-time X25519 public key
    nonce: bytes
    ciphertext: bytes  # AES-GCM output, tag included


# -- key generation and serialisation ----------------------------------------------------------

def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def new_encryption_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def private_bytes(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def public_bytes(key: Ed25519PrivateKey | X25519PrivateKey | Ed25519PublicKey
                 | X25519PublicKey) -> bytes:
    public = (key.public_key() if isinstance(key, Ed25519PrivateKey | X25519PrivateKey)
              else key)
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def load_signing_key(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_exact(raw, "signing key"))


def load_verify_key(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(_exact(raw, "verify key"))


def load_encryption_key(raw: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(_exact(raw, "encryption key"))


def load_recipient_key(raw: bytes) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(_exact(raw, "recipient key"))


def fingerprint(public_raw: bytes) -> str:
    """A short stable name for a public key, for people comparing keys by eye."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def _exact(raw: bytes, what: str) -> bytes:
    if not isinstance(raw, bytes | bytearray) or len(raw) != KEY_BYTES:
        raise CryptoError(f"the {what} must be {KEY_BYTES} bytes", code="key_invalid")
    return bytes(raw)


# -- signatures ---------------------------------------------------------------------------------

def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    return key.sign(data)


def verify(key: Ed25519PublicKey, signature: bytes, data: bytes, what: str = "the signature"
           ) -> None:
    try:
        key.verify(signature, data)
    except InvalidSignature:
        raise SignatureInvalidError(what) from None


# -- sealing ------------------------------------------------------------------------------------

def seal(recipient: X25519PublicKey, plaintext: bytes, aad: bytes) -> Sealed:
    return seal_with(recipient, plaintext, aad, X25519PrivateKey.generate(),
                     os.urandom(NONCE_BYTES))


def seal_with(recipient: X25519PublicKey, plaintext: bytes, aad: bytes,
              ephemeral: X25519PrivateKey, nonce: bytes) -> Sealed:
    """:func:`seal` with a given ephemeral key and nonce: for the protocol's test vectors
    only. Sealing twice with the same pair hands out the key stream; never do it for data."""
    if len(nonce) != NONCE_BYTES:
        raise CryptoError(f"the nonce must be {NONCE_BYTES} bytes", code="key_invalid")
    ephemeral_public = public_bytes(ephemeral)
    key = derive_key(ephemeral.exchange(recipient), ephemeral_public, public_bytes(recipient))
    return Sealed(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, plaintext, aad))


def open_sealed(recipient: X25519PrivateKey, sealed: Sealed, aad: bytes) -> bytes:
    try:
        peer = load_recipient_key(sealed.ephemeral_key)
        shared = recipient.exchange(peer)
    except (CryptoError, ValueError):
        raise DecryptionError() from None
    key = derive_key(shared, sealed.ephemeral_key, public_bytes(recipient))
    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except (InvalidTag, ValueError):
        raise DecryptionError() from None


def derive_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    # Both public keys in the salt tie the key to this exchange (as in HPKE's key schedule).
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public,
                info=HKDF_INFO).derive(shared)
