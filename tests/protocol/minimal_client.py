"""A deliberately minimal client of the sync protocol, written from docs/protocol.md and its
vectors alone: nothing of screening.sync or screening.central is imported (a test checks it),
only cryptography, requests and the standard library — what an outside integrator has.

It enrols, seals and uploads batches, verifies receipts, signs reference pulls and verifies
packages; ``open_batch`` is central's side of the seal, to check the vectors both ways.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

# §5 of the spec
MAGIC = b"RSBATCH\n"
HKDF_INFO = b"returnee-screening seal v1"
NONCE_BYTES = 12
SIGNATURE_BYTES = 64
TIMEOUT = 30


class Refusal(Exception):
    """Central's JSON refusal (§4): status, stable code, message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


# -- §3 canonical JSON and encodings ------------------------------------------------------------

def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()[:16]


# -- §6 enrolment -------------------------------------------------------------------------------

def enrol_request(code: str, key: Ed25519PrivateKey, label: str) -> dict[str, str]:
    body = {"format": "rs-enrol-request/1", "code": code, "label": label,
            "verify_key": b64(raw_public(key))}
    return {**body, "signature": b64(key.sign(canonical(body)))}


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    checkpoint: str
    central_encryption_key: bytes
    central_verify_key: bytes


def enrol(base: str, code: str, key: Ed25519PrivateKey, label: str = "") -> Enrolment:
    answer = requests.post(f"{base}/v1/enrol", json=enrol_request(code, key, label),
                           timeout=TIMEOUT, allow_redirects=False)
    doc = _answer(answer)
    if doc.get("format") != "rs-enrol-response/1":
        raise ValueError("not an enrolment response")
    return Enrolment(doc["device_id"], doc["checkpoint"], unb64(doc["encryption_key"]),
                     unb64(doc["verify_key"]))


def _answer(answer: requests.Response) -> dict[str, Any]:
    if answer.status_code != 200:
        body = answer.json()
        raise Refusal(answer.status_code, body["error"], body["message"])
    doc: dict[str, Any] = answer.json()
    return doc


# -- §5 sealing and §7 the batch frame ----------------------------------------------------------

def aes_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral_public + recipient_public,
                info=HKDF_INFO).derive(shared)


def batch_aad(device_id: str, sequence: int, batch_id: str) -> bytes:
    return canonical({"format": "rs-batch/1", "device_id": device_id, "sequence": sequence,
                      "batch_id": batch_id})


def build_batch(*, device_id: str, sequence: int, batch_id: str, created_at: str,
                interviews: list[dict[str, Any]], key: Ed25519PrivateKey,
                central_encryption_key: bytes, ephemeral: X25519PrivateKey | None = None,
                nonce: bytes | None = None, encode: Callable[[Any], bytes] = canonical,
                audit_head: dict[str, Any] | None = None,
                audit_anchor: dict[str, Any] | None = None) -> bytes:
    """The frame; ``ephemeral`` and ``nonce`` are given only to reproduce the vector, and
    ``encode`` only to play a faulty client. ``audit_head`` and ``audit_anchor`` are the
    optional members of §8 ({"seq", "hash"}, §8.3)."""
    content: dict[str, Any] = {"format": "rs-batch-content/1", "device_id": device_id,
                               "sequence": sequence, "batch_id": batch_id,
                               "interviews": interviews}
    if audit_head is not None:
        content["audit_head"] = audit_head
    if audit_anchor is not None:
        content["audit_anchor"] = audit_anchor
    ephemeral = ephemeral or X25519PrivateKey.generate()
    nonce = nonce or os.urandom(NONCE_BYTES)
    recipient = X25519PublicKey.from_public_bytes(central_encryption_key)
    shared = ephemeral.exchange(recipient)
    cipher = AESGCM(aes_key(shared, raw_public(ephemeral), central_encryption_key))
    ciphertext = cipher.encrypt(nonce, zlib.compress(encode(content), 6),
                                batch_aad(device_id, sequence, batch_id))
    header = canonical({"format": "rs-batch/1", "device_id": device_id, "sequence": sequence,
                        "batch_id": batch_id, "created_at": created_at,
                        "ephemeral_key": b64(raw_public(ephemeral)), "nonce": b64(nonce),
                        "content_hash": hashlib.sha256(ciphertext).hexdigest(),
                        "compression": "zlib"})
    signed = MAGIC + struct.pack(">I", len(header)) + header + ciphertext
    return signed + key.sign(signed)


@dataclass(frozen=True)
class Frame:
    header: dict[str, Any]
    ciphertext: bytes
    signature: bytes
    signed: bytes


def split_frame(raw: bytes) -> Frame:
    if not raw.startswith(MAGIC):
        raise ValueError("not a batch")
    (length,) = struct.unpack(">I", raw[8:12])
    header = json.loads(raw[12:12 + length])
    return Frame(header, raw[12 + length:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:],
                 raw[:-SIGNATURE_BYTES])


def open_batch(raw: bytes, device_verify_key: bytes, central_encryption: X25519PrivateKey
               ) -> bytes:
    """Central's side: verify the device's signature, decrypt, inflate; the content bytes."""
    frame = split_frame(raw)
    Ed25519PublicKey.from_public_bytes(device_verify_key).verify(frame.signature, frame.signed)
    h = frame.header
    if hashlib.sha256(frame.ciphertext).hexdigest() != h["content_hash"]:
        raise ValueError("content hash")
    ephemeral_public = unb64(h["ephemeral_key"])
    shared = central_encryption.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    cipher = AESGCM(aes_key(shared, ephemeral_public, raw_public(central_encryption)))
    compressed = cipher.decrypt(unb64(h["nonce"]), frame.ciphertext,
                                batch_aad(h["device_id"], h["sequence"], h["batch_id"]))
    return zlib.decompress(compressed)


# -- §8 upload and §9 receipts ------------------------------------------------------------------

def upload(base: str, frame: bytes) -> bytes:
    """The receipt's bytes, exactly as central sent them."""
    answer = requests.post(f"{base}/v1/batches", data=frame, timeout=TIMEOUT,
                           allow_redirects=False,
                           headers={"Content-Type": "application/octet-stream"})
    _answer(answer)
    return answer.content


def fetch_receipt(base: str, batch_id: str) -> bytes:
    answer = requests.get(f"{base}/v1/batches/{batch_id}/receipt", timeout=TIMEOUT,
                          allow_redirects=False)
    _answer(answer)
    return answer.content


def verify_receipt(raw: bytes, central_verify_key: bytes, frame: bytes
                   ) -> list[dict[str, Any]]:
    """The results of a receipt central signed for exactly this frame; raises otherwise."""
    doc = json.loads(raw)
    signature = unb64(doc.pop("signature"))
    Ed25519PublicKey.from_public_bytes(central_verify_key).verify(signature, canonical(doc))
    header = split_frame(frame).header
    if (doc["format"], doc["batch_id"], doc["content_hash"]) != (
            "rs-receipt/1", header["batch_id"], header["content_hash"]):
        raise ValueError("a receipt for another batch")
    results: list[dict[str, Any]] = doc["results"]
    return results


# -- §10 reference data -------------------------------------------------------------------------

def pull_headers(device_id: str, since: int, key: Ed25519PrivateKey, at: dt.datetime
                 ) -> dict[str, str]:
    when = at.isoformat(timespec="seconds")
    body = canonical({"format": "rs-reference-request/1", "device_id": device_id,
                      "since": since, "at": when})
    return {"X-Screening-Device": device_id, "X-Screening-Time": when,
            "X-Screening-Signature": b64(key.sign(body))}


def pull(base: str, device_id: str, since: int, key: Ed25519PrivateKey,
         at: dt.datetime | None = None) -> dict[str, Any]:
    """The raw ``rs-reference-list/1`` answer (packages not yet verified)."""
    headers = pull_headers(device_id, since, key, at or dt.datetime.now(dt.UTC))
    answer = requests.get(f"{base}/v1/reference", params={"since": str(since)},
                          headers=headers, timeout=TIMEOUT, allow_redirects=False)
    return _answer(answer)


def verify_package(doc: dict[str, Any], central_verify_key: bytes) -> dict[str, Any]:
    body = {k: v for k, v in doc.items() if k != "signature"}
    if body.get("format") != "rs-reference/1":
        raise ValueError("not a reference package")
    try:
        signature = unb64(doc["signature"])
    except (KeyError, binascii.Error):
        raise ValueError("no signature") from None
    Ed25519PublicKey.from_public_bytes(central_verify_key).verify(signature, canonical(body))
    return body
