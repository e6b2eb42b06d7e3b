"""The committed vectors are what scripts/make_protocol_vectors.py makes, and the implementation
(screening.sync) reproduces them where they are deterministic and accepts them all."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from types import ModuleType

import pytest

from screening import crypto
from screening.sync import packages, wire
from tests.conftest import ROOT
from tests.protocol.conftest import VECTORS, vector


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_protocol_vectors", ROOT / "scripts" / "make_protocol_vectors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_vectors_are_what_the_script_makes(script):
    made = script.files()
    assert sorted(made) == sorted(p.name for p in VECTORS.glob("*.json"))
    for name, text in made.items():
        assert (VECTORS / name).read_text(encoding="utf-8") == text, name


def _signing(name: str) -> crypto.Ed25519PrivateKey:
    return crypto.load_signing_key(bytes.fromhex(vector("keys")[name]["private_hex"]))


def _encryption(name: str) -> crypto.X25519PrivateKey:
    return crypto.load_encryption_key(bytes.fromhex(vector("keys")[name]["private_hex"]))


def test_the_implementation_accepts_the_enrolment_request():
    v = vector("enrol")
    parsed = wire.parse_enrol_request(v["request"])
    assert parsed.verify_key.hex() == vector("keys")["device_signing_key"]["public_hex"]
    assert wire.canonical_json({k: x for k, x in v["request"].items() if k != "signature"}
                               ).decode() == v["signed_bytes"]
    response = wire.parse_enrol_response(v["response"])
    assert response.verify_key.hex() == vector("keys")["central_signing_key"]["public_hex"]


def test_the_implementation_opens_the_batch_to_its_exact_content():
    v = vector("batch")
    envelope = wire.parse_batch(wire.b64d(v["frame_base64"], "frame"))
    wire.verify_batch(envelope, _signing("device_signing_key").public_key())
    key = _encryption("central_encryption_key")
    compressed = crypto.open_sealed(key, crypto.Sealed(envelope.header.ephemeral_key,
                                                       envelope.header.nonce,
                                                       envelope.ciphertext),
                                    v["aad"].encode())
    assert wire.decompress_bounded(compressed, 10 ** 6).decode() == v["content"]
    content = wire.open_batch(envelope, key)
    assert content.interviews == v["inputs"]["interviews"]
    shared = key.exchange(crypto.load_recipient_key(envelope.header.ephemeral_key))
    assert shared.hex() == v["shared_secret_hex"]
    assert crypto.derive_seal_key(shared, envelope.header.ephemeral_key,
                             crypto.public_bytes(key)).hex() == v["aes_key_hex"]


def test_the_implementation_verifies_the_receipt():
    v, header = vector("receipt"), json.loads(vector("batch")["header"])
    results = wire.verify_receipt(v["receipt"].encode(),
                                  _signing("central_signing_key").public_key(),
                                  batch_id=header["batch_id"],
                                  content_hash=header["content_hash"])
    assert [r.result for r in results] == ["stored"]


def test_the_implementation_reproduces_and_verifies_the_reference_pull():
    v = vector("reference")
    at = dt.datetime.fromisoformat(v["request"]["at"])
    assert packages.sign_request(vector("batch")["inputs"]["device_id"], v["request"]["since"],
                                 _signing("device_signing_key"), now=at) == v["request"]["headers"]
    package = packages.verify_package(v["package"], _signing("central_signing_key").public_key())
    assert (package.version, package.kind) == (3, "revocations")
    assert packages.parse_list(v["list"]) == [v["package"]]
