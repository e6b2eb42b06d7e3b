"""The workstation's sync identity: its device id and Ed25519 signing key, central's public
keys and address. Kept in the encrypted store's settings, so the signing key is as safe as the
interviews themselves (a copied laptop disk yields neither)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from screening import crypto
from screening.errors import ScreeningError
from screening.store import audit, connection, settings
from screening.store.session import StoreSession
from screening.sync import wire

SETTING = "sync_identity"


@dataclass(frozen=True)
class Identity:
    device_id: str
    checkpoint: str
    server_url: str
    signing_key: bytes
    central_encryption_key: bytes
    central_verify_key: bytes
    ca_bundle: str | None = None  # PEM text of central's private CA; None: system CAs

    def signer(self) -> crypto.Ed25519PrivateKey:
        return crypto.load_signing_key(self.signing_key)

    def recipient(self) -> crypto.X25519PublicKey:
        return crypto.load_recipient_key(self.central_encryption_key)

    def receipt_key(self) -> crypto.Ed25519PublicKey:
        return crypto.load_verify_key(self.central_verify_key)


def from_enrolment(response: wire.EnrolResponse, server_url: str,
                   signing_key: crypto.Ed25519PrivateKey, ca_bundle: str | None) -> Identity:
    return Identity(response.device_id, response.checkpoint, server_url,
                    crypto.private_bytes(signing_key), response.encryption_key,
                    response.verify_key, ca_bundle)


def save(session: StoreSession, identity: Identity) -> None:
    doc = {"device_id": identity.device_id, "checkpoint": identity.checkpoint,
           "server_url": identity.server_url, "ca_bundle": identity.ca_bundle,
           "signing_key": wire.b64e(identity.signing_key),
           "central_encryption_key": wire.b64e(identity.central_encryption_key),
           "central_verify_key": wire.b64e(identity.central_verify_key)}
    with connection.transaction(session.conn):
        settings.set_setting(session.conn, SETTING, json.dumps(doc, sort_keys=True))
        audit.append(session.conn, session.account.name, "device_enrolled", None,
                     {"device_id": identity.device_id, "server": identity.server_url})


def load(session: StoreSession) -> Identity:
    raw = settings.get_setting(session.conn, SETTING)
    if raw is None:
        raise ScreeningError(code="not_enrolled")
    doc = json.loads(raw)
    return Identity(doc["device_id"], doc["checkpoint"], doc["server_url"],
                    wire.b64d(doc["signing_key"], "the signing key"),
                    wire.b64d(doc["central_encryption_key"], "central's encryption key"),
                    wire.b64d(doc["central_verify_key"], "central's verify key"),
                    doc.get("ca_bundle"))
