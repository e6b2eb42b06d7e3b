"""Every cryptographic operation of the workstation and of central, in one module
(docs/design.md §2 and §5): nothing else touches a cipher, a KDF, a signature or a secret token.

The store:
- Key slots: Argon2id derives a key from a password or the recovery code; AES-256-GCM wraps the
  database's master key under it, with the slot's name as associated data.
- The recovery code: 40 characters from an alphabet without look-alikes, typed from paper.

Sync and central:

- Device keys: Ed25519. A workstation signs its batches and its enrolment request with one.
- Central's keys: an Ed25519 key that signs receipts and an X25519 key that batches are sealed to.
- Sealing: a fresh X25519 key pair per batch (so a workstation cannot open what it has sent),
  ECDH with central's public key, HKDF-SHA256 to a 256-bit key, AES-256-GCM with associated data
  that the caller uses to bind the format version, device id, sequence and batch id.

Keys travel and rest as their raw 32-byte forms; callers encode them (wire.py uses base64).

The store's per-officer confidentiality (docs/design.md §7.1): each account has an X25519 key
pair whose private half rests in its key slot beside the master key; each officer's data key
(AES-256-GCM) seals that officer's answers, assessments and names per record, and is itself
sealed (as batches are, above) to the public keys of whoever may read it.

Central's database: victims' data sealed with AES-256-GCM under a data key kept outside it,
with its place as associated data; matching keys as HMAC-SHA256 under a key derived by HKDF.

Central's staff:
- Passwords hashed with Argon2id in the PHC string format (argon2-cffi's defaults); an unknown
  name is verified against a dummy hash so that it costs the same work as a wrong password.
- Session tokens, CSRF tokens and enrolment codes from the operating system's CSPRNG.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
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
SALT_BYTES = 16
# Crockford-style alphabet without look-alikes (0/O, 1/I/L): the code is typed from paper.
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 5
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
    key = derive_seal_key(ephemeral.exchange(recipient), ephemeral_public,
                          public_bytes(recipient))
    return Sealed(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, plaintext, aad))


def open_sealed(recipient: X25519PrivateKey, sealed: Sealed, aad: bytes) -> bytes:
    try:
        peer = load_recipient_key(sealed.ephemeral_key)
        shared = recipient.exchange(peer)
    except (CryptoError, ValueError):
        raise DecryptionError() from None
    key = derive_seal_key(shared, sealed.ephemeral_key, public_bytes(recipient))
    try:
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except (InvalidTag, ValueError):
        raise DecryptionError() from None


def derive_seal_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    # Both public keys in the salt tie the key to this exchange (as in HPKE's key schedule).
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public,
                info=HKDF_INFO).derive(shared)


# -- the store's key slots ----------------------------------------------------------------------

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


def derive_subkey(master_key: bytes, purpose: str) -> bytes:
    """A key for one purpose (authenticating the key-slot file's state, the head record; the
    name index under a data key), derived with HKDF-SHA256: the master key (or data key)
    itself is used for nothing but what it seals."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=f"returnee-screening subkey v1:{purpose}".encode()).derive(master_key)


def mac_hex(key: bytes, data: bytes) -> str:
    """HMAC-SHA256 of ``data`` in hex."""
    return hmac.new(key, data, hashlib.sha256).hexdigest()


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


# -- the store's data keys, sealed to account keys ------------------------------------------

def new_key_pair() -> tuple[bytes, bytes]:
    """An account's X25519 key pair as raw (private, public) bytes."""
    private = X25519PrivateKey.generate()
    return private_bytes(private), public_bytes(private)


def seal_key(recipient_public: bytes, key: bytes, aad: bytes) -> bytes:
    """``key`` sealed to one account's public key: ephemeral key | nonce | ciphertext. Anyone
    may seal (only public keys are needed); only that account's private key opens it."""
    sealed = seal(load_recipient_key(recipient_public), key, aad)
    return sealed.ephemeral_key + sealed.nonce + sealed.ciphertext


def open_key(private_raw: bytes, blob: bytes, aad: bytes) -> bytes | None:
    """The key :func:`seal_key` sealed, or None when it was not sealed to this private key
    (or was changed, or moved to another place)."""
    sealed = Sealed(blob[:KEY_BYTES], blob[KEY_BYTES:KEY_BYTES + NONCE_BYTES],
                    blob[KEY_BYTES + NONCE_BYTES:])
    try:
        return open_sealed(load_encryption_key(private_raw), sealed, aad)
    except CryptoError:
        return None


class RecordCipher:
    """AES-256-GCM under one data key, kept for many records (an autosave seals one):
    nonce | ciphertext+tag, with the record's place as associated data."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(_exact(key, "data key"))

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes | None:
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
        except (InvalidTag, ValueError):
            return None


# -- central's staff: passwords and tokens ------------------------------------------------------

@functools.cache
def _staff_hasher() -> Any:
    from argon2 import PasswordHasher  # loaded when central first checks a staff password

    return PasswordHasher()


def hash_staff_password(password: str) -> str:
    """The PHC string stored for a staff account (Argon2id, argon2-cffi's cost)."""
    return str(_staff_hasher().hash(password))


@functools.cache
def _dummy_staff_hash() -> str:
    return hash_staff_password(secrets.token_urlsafe(16))


def verify_staff_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; an unknown account (``None``) costs the same work."""
    from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

    try:
        matched = bool(_staff_hasher().verify(password_hash or _dummy_staff_hash(), password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return matched and password_hash is not None


def new_token() -> str:
    """A session or CSRF token: 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)


def random_code(alphabet: str, length: int) -> str:
    """A one-time code of ``length`` characters drawn uniformly from ``alphabet``."""
    return "".join(secrets.choice(alphabet) for _ in range(length))


def sha256_hex(text: str) -> str:
    """How a token or a User-Agent is kept: never the token itself."""
    return digest_hex(text.encode("utf-8", "replace"))


def same_secret(a: str, b: str) -> bool:
    """Compare two tokens or hashes in constant time (no timing oracle for a guesser)."""
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))


def digest_hex(data: bytes) -> str:
    """SHA-256 of ``data`` in hex: content hashes of batches and the audit chain's links."""
    return hashlib.sha256(data).hexdigest()


# -- data at rest (central's database) ----------------------------------------------------------

def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def seal_at_rest(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """AES-256-GCM under a data key: nonce | ciphertext+tag. ``aad`` names where the value is
    kept, so a sealed value moved to another row or column does not open."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_at_rest(key: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    """The plaintext, or None when the key or the place is not the one it was sealed with."""
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError):
        return None


def keyed_digest(key: bytes, purpose: bytes, data: str) -> str:
    """HMAC-SHA256 of ``data`` under a key derived from ``key`` for ``purpose``: equal inputs
    give equal digests (an index can look them up), a dump without the key reveals nothing."""
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"returnee-screening " + purpose).derive(key)
    return hmac.new(derived, data.encode("utf-8"), "sha256").hexdigest()


LOOKUP_TAG_BYTES = 8  # a lookup narrows, the caller confirms each hit: collisions cost nothing


def lookup_tag(key: bytes, data: str) -> bytes:
    """HMAC-SHA256 of ``data`` under ``key`` (a subkey from :func:`derive_subkey`), cut short:
    a token a blind index is looked up by, equal for equal inputs under one key only."""
    return hmac.new(key, data.encode("utf-8"), hashlib.sha256).digest()[:LOOKUP_TAG_BYTES]
