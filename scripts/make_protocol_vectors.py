"""Write the sync protocol's test vectors, docs/protocol/vectors/*.json (docs/protocol.md §15).

Fixed keys (each private key is SHA-256 of a name, so anyone can make them again) and fixed
inputs, run through the implementation's own functions; every intermediate value is written
too, so another implementation can find the step where it parts from this one. Sealing is
normally random: the batch vector uses ``crypto.seal_with`` and states the ephemeral key and
nonce it was given.

    .venv/bin/python scripts/make_protocol_vectors.py           # write the files
    .venv/bin/python scripts/make_protocol_vectors.py --check   # exit 1 when they differ
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import zlib
from pathlib import Path
from typing import Any

from screening import crypto
from screening.sync import packages, wire

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "docs" / "protocol" / "vectors"

DEVICE_ID = "3f1c2a9e-5b7d-4e61-9c0a-2d8e4f6b1a37"
BATCH_ID = "9b2e4c61-7a3f-4d58-8e1b-0c6f2a9d5e74"
INTERVIEW_ID = "5d0c8f3a-1e2b-4a6c-9d7e-8f1a2b3c4d5e"
CREATED_AT = "2026-11-23T06:00:00+00:00"
RECEIVED_AT = "2026-11-23T06:00:05.123456+00:00"
REVOKED_ID = "0aa1c4de-9f7b-4c2d-8e35-1b6a7d9c0f42"
PULL_AT = dt.datetime(2026, 11, 23, 6, 30, tzinfo=dt.UTC)
# the device's audit log ends at entry 7; central confirmed entry 4 at the last sync (§8.3)
AUDIT_HEAD = wire.ChainHead(7, hashlib.sha256(b"rs-vector audit entry 7").hexdigest())
AUDIT_ANCHOR = wire.ChainHead(4, hashlib.sha256(b"rs-vector audit entry 4").hexdigest())


def seed(name: str) -> bytes:
    return hashlib.sha256(f"rs-vector {name}".encode()).digest()


def device_key() -> crypto.Ed25519PrivateKey:
    return crypto.load_signing_key(seed("device signing key"))


def central_signing_key() -> crypto.Ed25519PrivateKey:
    return crypto.load_signing_key(seed("central signing key"))


def central_encryption_key() -> crypto.X25519PrivateKey:
    return crypto.load_encryption_key(seed("central encryption key"))


def ephemeral_key() -> crypto.X25519PrivateKey:
    return crypto.load_encryption_key(seed("batch ephemeral key"))


def nonce() -> bytes:
    return seed("batch nonce")[:crypto.NONCE_BYTES]


def interview_record() -> dict[str, Any]:
    """One interview as the workstation's builder writes it (screening/sync/builder.py)."""
    return {
        "id": INTERVIEW_ID, "revision": 1, "form_id": "returnee_screening",
        "form_version": "2026.1", "checkpoint": "Rinas", "officer": "olsi",
        "created_at": "2026-11-20T08:00:00.000000+00:00",
        "updated_at": "2026-11-20T08:30:00.000000+00:00", "status": "finalised",
        "answers": {"given_name": "Artë", "family_name": "Hoxha", "consent_interview": "yes",
                    "children": 2},
        "assessment": None, "outcome": "no_indicators",
        "audit": [{"seq": 41, "at": "2026-11-20T08:30:00.000000+00:00", "actor": "olsi",
                   "action": "interview_finalised", "subject": INTERVIEW_ID, "detail": {},
                   "prev_hash": "a" * 64, "hash": "b" * 64}],
    }


def _key_entry(private: bytes, public: bytes) -> dict[str, str]:
    return {"private_hex": private.hex(), "public_hex": public.hex(),
            "public_base64": wire.b64e(public), "fingerprint": crypto.fingerprint(public)}


def keys_vector() -> dict[str, Any]:
    def entry(key: crypto.Ed25519PrivateKey | crypto.X25519PrivateKey) -> dict[str, str]:
        return _key_entry(crypto.private_bytes(key), crypto.public_bytes(key))
    return {"about": "every private key is SHA-256 of 'rs-vector ' + its name; Ed25519 keys "
                     "as RFC 8032 seeds, X25519 keys as RFC 7748 scalars (raw 32 bytes)",
            "device_signing_key": entry(device_key()),
            "central_signing_key": entry(central_signing_key()),
            "central_encryption_key": entry(central_encryption_key()),
            "batch_ephemeral_key": entry(ephemeral_key()),
            "batch_nonce_hex": nonce().hex()}


def canonical_vector() -> dict[str, Any]:
    cases = [{"b": 1, "a": [True, None, -7, 12345678901234567890], "A": {}},
             {"é": "Artë Hoxha", "z": "tab\there \"quoted\" back\\slash /", "e": "\x01\x1f"},
             {"nested": {"y": [], "x": {"b": "", "a": 0}}}]
    return {"about": "value: the input (as JSON); canonical: its canonical JSON as UTF-8 text; "
                     "hex: the exact bytes",
            "cases": [{"value": case, "canonical": wire.canonical_json(case).decode(),
                       "hex": wire.canonical_json(case).hex()} for case in cases]}


def enrol_vector() -> dict[str, Any]:
    request = wire.build_enrol_request("ABCD-EFGH-JKMN-PQRS", device_key(), "desk 1")
    body = {k: v for k, v in request.items() if k != "signature"}
    response = wire.build_enrol_response(wire.EnrolResponse(
        DEVICE_ID, "Rinas", crypto.public_bytes(central_encryption_key()),
        crypto.public_bytes(central_signing_key())))
    return {"about": "POST /v1/enrol with the device signing key of keys.json",
            "inputs": {"code": "ABCD-EFGH-JKMN-PQRS", "label": "desk 1"},
            "signed_bytes": wire.canonical_json(body).decode(),
            "signature_hex": wire.b64d(request["signature"], "signature").hex(),
            "request": request, "response": response}


def batch_vector() -> dict[str, Any]:
    recipient = central_encryption_key().public_key()
    content = {"format": wire.CONTENT_FORMAT, "device_id": DEVICE_ID, "sequence": 1,
               "batch_id": BATCH_ID, "interviews": [interview_record()],
               "audit_head": AUDIT_HEAD.to_json(), "audit_anchor": AUDIT_ANCHOR.to_json()}
    plaintext = wire.canonical_json(content)
    compressed = wire.compress(plaintext)
    aad = wire.batch_aad(DEVICE_ID, 1, BATCH_ID)
    ephemeral_public = crypto.public_bytes(ephemeral_key())
    recipient_public = crypto.public_bytes(recipient)
    shared = ephemeral_key().exchange(recipient)
    frame = wire.build_batch(device_id=DEVICE_ID, sequence=1, batch_id=BATCH_ID,
                             created_at=CREATED_AT, interviews=[interview_record()],
                             signing_key=device_key(), recipient=recipient, seal=_seal_fixed,
                             audit_head=AUDIT_HEAD, audit_anchor=AUDIT_ANCHOR)
    envelope = wire.parse_batch(frame)
    header = frame[len(wire.MAGIC) + 4:len(envelope.signed_part) - len(envelope.ciphertext)]
    return {"about": "a batch of one interview from the device of keys.json to central, "
                     "sealed with the batch ephemeral key and nonce of keys.json",
            "inputs": {"device_id": DEVICE_ID, "sequence": 1, "batch_id": BATCH_ID,
                       "created_at": CREATED_AT, "interviews": [interview_record()],
                       "audit_head": AUDIT_HEAD.to_json(),
                       "audit_anchor": AUDIT_ANCHOR.to_json()},
            "content": plaintext.decode(), "content_sha256": wire.sha256_hex(plaintext),
            "compressed_hex": compressed.hex(),
            "compressed_note": "zlib (RFC 1950) at level 6; any valid zlib stream of the "
                               "content is correct, these bytes are what CPython's zlib makes",
            "aad": aad.decode(), "shared_secret_hex": shared.hex(),
            "hkdf_salt_hex": (ephemeral_public + recipient_public).hex(),
            "hkdf_info": crypto.HKDF_INFO.decode(),
            "aes_key_hex": crypto.derive_seal_key(shared, ephemeral_public, recipient_public).hex(),
            "ciphertext_hex": envelope.ciphertext.hex(),
            "header": header.decode(), "header_length": len(header),
            "signature_hex": envelope.signature.hex(),
            "frame_base64": wire.b64e(frame), "frame_sha256": wire.sha256_hex(frame)}


def _seal_fixed(recipient: crypto.X25519PublicKey, plaintext: bytes, aad: bytes
                ) -> crypto.Sealed:
    return crypto.seal_with(recipient, plaintext, aad, ephemeral_key(), nonce())


def receipt_vector() -> dict[str, Any]:
    batch = batch_vector()
    results = [wire.InterviewResult(INTERVIEW_ID, 1, "stored", "new")]
    raw = wire.build_receipt(batch_id=BATCH_ID, device_id=DEVICE_ID, sequence=1,
                             content_hash=wire.sha256_hex(bytes.fromhex(batch["ciphertext_hex"])),
                             received_at=RECEIVED_AT, results=results,
                             signing_key=central_signing_key(),
                             audit_chain=wire.ChainVerdict("confirmed", "", AUDIT_HEAD))
    doc = json.loads(raw)
    signature = wire.b64d(doc.pop("signature"), "signature")
    return {"about": "central's receipt for the batch of batch.json, signed with the central "
                     "signing key of keys.json",
            "signed_bytes": wire.canonical_json(doc).decode(), "signature_hex": signature.hex(),
            "receipt": raw.decode()}


def reference_vector() -> dict[str, Any]:
    package = packages.sign_package(version=3, kind="revocations",
                                    published_at="2026-11-22T10:00:00.000000+00:00",
                                    payload={"device_ids": [REVOKED_ID]},
                                    signing_key=central_signing_key())
    body = {k: v for k, v in package.items() if k != "signature"}
    headers = packages.sign_request(DEVICE_ID, 2, device_key(), now=PULL_AT)
    return {"about": "GET /v1/reference?since=2 from the device of keys.json, and one package "
                     "of the answer signed with the central signing key",
            "request": {"since": 2, "at": headers[packages.TIME_HEADER],
                        "signed_bytes": packages.request_body(
                            DEVICE_ID, 2, headers[packages.TIME_HEADER]).decode(),
                        "headers": headers},
            "package": package, "package_signed_bytes": wire.canonical_json(body).decode(),
            "list": packages.build_list([package], latest=3)}


VECTORS = {"keys": keys_vector, "canonical-json": canonical_vector, "enrol": enrol_vector,
           "batch": batch_vector, "receipt": receipt_vector, "reference": reference_vector}


def render(vector: dict[str, Any]) -> str:
    return json.dumps(vector, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def files() -> dict[str, str]:
    """File name -> the text this script writes."""
    return {f"{name}.json": render(make()) for name, make in VECTORS.items()}


def main(argv: list[str]) -> int:
    made = files()
    if "--check" in argv:
        stale = [n for n, t in made.items()
                 if not (FOLDER / n).exists() or (FOLDER / n).read_text(encoding="utf-8") != t]
        for name in stale:
            print(f"{FOLDER / name} differs from what the script makes", file=sys.stderr)
        return 1 if stale else 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, text in made.items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(made)} files to {FOLDER} (zlib {zlib.ZLIB_RUNTIME_VERSION})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
