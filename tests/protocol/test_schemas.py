"""The JSON Schemas (screening/sync/schemas): every message the implementation builds matches
its schema, the schemas refuse malformed messages, and they say what the code says (statuses,
lengths, formats come from one home and a test keeps the schemas in step)."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from screening import crypto, lifecycle
from screening.central import settings
from screening.central.batches.ingest import ingest
from screening.central.devices import queries as devices
from screening.central.reference import publish as central_reference
from screening.central.service import Central, open_central
from screening.store.audit import AuditEntry
from screening.store.interviews import StoredInterview
from screening.sync import builder, packages, schemas, wire
from tests.answer_sets import BUNDLED
from tests.central.conftest import enrol_station
from tests.conftest import FORMS, ROOT
from tests.unit.sync.batches import interview


@pytest.fixture
def central(tmp_path) -> Iterator[Central]:
    opened = open_central(settings.Settings(tmp_path / "central",
                                            f"sqlite:///{tmp_path / 'central.db'}"))
    yield opened
    opened.close()


def built_interview() -> dict[str, Any]:
    iid = str(uuid.uuid4())
    made = StoredInterview(iid, *BUNDLED, "Rinas", "olsi",
                     "2026-11-20T08:00:00+00:00", "2026-11-20T08:30:00+00:00",
                     lifecycle.FINALISED, {"given_name": "Arta"}, {"score": 3}, "referred", 2,
                     acknowledged_at="2026-11-21T08:00:00+00:00")
    entry = AuditEntry(7, "2026-11-20T08:30:00+00:00", "olsi", "interview_finalised", iid, {},
                       "0" * 64, "1" * 64)
    return builder.interview_record(made, [entry])


def test_what_the_workstation_builds_matches_the_schemas():
    record = built_interview()
    schemas.validate("interview", record)
    schemas.validate("audit-entry", record["audit"][0])
    device, central_x = crypto.new_signing_key(), crypto.new_encryption_key()
    schemas.validate("enrol-request", wire.build_enrol_request("ABCD-EFGH", device, "desk"))
    raw = wire.build_batch(device_id=str(uuid.uuid4()), sequence=1, batch_id=str(uuid.uuid4()),
                           created_at="2026-11-23T06:00:00+00:00", interviews=[record],
                           signing_key=device, recipient=central_x.public_key())
    envelope = wire.parse_batch(raw)
    header_end = len(envelope.signed_part) - len(envelope.ciphertext)
    schemas.validate("batch-header", json.loads(raw[len(wire.MAGIC) + 4:header_end]))
    plain = crypto.open_sealed(central_x, crypto.Sealed(envelope.header.ephemeral_key,
                                                        envelope.header.nonce,
                                                        envelope.ciphertext),
                               wire.batch_aad(envelope.header.device_id, 1,
                                              envelope.header.batch_id))
    schemas.validate("batch-content", json.loads(wire.decompress_bounded(plain, 10 ** 6)))
    schemas.validate("reference-request", json.loads(packages.request_body("dev-1", 0, "t")))


def test_what_central_builds_matches_the_schemas(central):
    station = enrol_station(central)
    doc = wire.build_enrol_response(wire.EnrolResponse(
        station.device_id, "Rinas", central.keys.encryption_public, central.keys.verify_key))
    schemas.validate("enrol-response", doc)
    refused = {**interview(), "status": "draft"}
    receipt = ingest(central, station.batch([interview(), refused, built_interview()]))
    schemas.validate("receipt", json.loads(receipt))
    # the built interview answers one question only: refused with its problems, listed
    assert [(r["code"], bool(r.get("problems"))) for r in json.loads(receipt)["results"]] == [
        ("new", False), ("interview_invalid", True), ("answers_missing", True)]
    central_reference.publish_form_file(central, FORMS / "returnee_screening.yaml", by="drita")
    central_reference.publish_reference_dir(central, FORMS / "reference", by="drita")
    revoked = enrol_station(central).device_id
    with central.engine.begin() as conn:
        devices.revoke(conn, revoked, "2026-11-23T06:00:00+00:00")
    central_reference.catch_up_revocations(central)
    headers = packages.sign_request(station.device_id, 0, station.key)
    answer = central_reference.pull(central, station.device_id, 0,
                                    headers[packages.TIME_HEADER],
                                    headers[packages.SIGNATURE_HEADER])
    schemas.validate("reference-list", answer)
    assert sorted(p["kind"] for p in answer["packages"]) == ["form", "reference", "revocations"]


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    *parents, last = path.split("/")
    target: Any = changed
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return changed


_DELETE = object()
UPPER_UUID = "2F7A46C1-772A-493D-91B3-07C1092C59CC"  # fixed: test ids must not vary


@pytest.mark.parametrize(("path", "value"), [
    ("id", UPPER_UUID), ("id", "not-a-uuid"), ("revision", "2"), ("revision", 0),
    ("revision", 2 ** 31), ("revision", 1.0), ("revision", True),
    ("status", "draft"), ("status", _DELETE),
    ("answers", []), ("answers", _DELETE), ("outcome", "x" * 101), ("outcome", ""),
    ("form_id", "a\x00b"), ("form_version", "v" * 41), ("checkpoint", _DELETE),
    ("audit", {}), ("audit/0/seq", "1"), ("audit/0/seq", 0), ("audit/0/hash", _DELETE),
    ("audit/0/action", None),
])
def test_the_interview_schema_refuses_what_central_refuses(path, value):
    record = _set(interview(), path, value)
    assert schemas.problems("interview", record)
    assert wire.interview_problem(record)  # the schema and the code agree


def test_the_schema_is_stricter_than_central_on_the_fields_central_does_not_read():
    # central does not check these yet (docs/protocol.md §8.3): it keeps the record as sent
    for path, value in (("assessment", "high"), ("officer", 7), ("audit/0/at", None)):
        record = _set(interview(), path, value)
        assert schemas.problems("interview", record), path
        assert wire.interview_problem(record) is None


def test_a_date_of_birth_as_text_is_the_form_s_business_not_the_schema_s():
    record = {**interview(), "answers": {"date_of_birth": "about 1990"}}
    assert schemas.problems("interview", record) == []


def _header() -> dict[str, Any]:
    return {"format": "rs-batch/1", "device_id": "dev-1", "sequence": 1,
            "batch_id": str(uuid.uuid4()), "created_at": "2026-11-23T06:00:00+00:00",
            "ephemeral_key": wire.b64e(b"k" * 32), "nonce": wire.b64e(b"n" * 12),
            "content_hash": "0" * 64, "compression": "zlib"}


@pytest.mark.parametrize(("name", "doc"), [
    ("batch-header", _set(_header(), "nonce", wire.b64e(b"n" * 16))),
    ("batch-header", _set(_header(), "sequence", 0)),
    ("batch-header", _set(_header(), "device_id", "dev 1")),
    ("batch-header", _set(_header(), "format", "rs-batch/2")),
    ("batch-header", _set(_header(), "compression", _DELETE)),
    ("batch-header", _set(_header(), "content_hash", "0" * 63)),
    ("error", {"detail": "Not Found"}),
    ("error", {"error": "busy"}),
    ("receipt", {"format": "rs-receipt/1"}),
    ("enrol-request", {"format": "rs-enrol-request/1", "code": "X", "verify_key": "!!",
                       "signature": wire.b64e(b"s" * 64)}),
    ("reference-request", {"format": "rs-reference-request/1", "device_id": "d", "since": 0,
                           "time": "2026-11-23T06:00:00+00:00"}),
    ("reference-package", {"format": "rs-reference/1", "version": 1, "kind": "form",
                           "published_at": "t", "payload": {"yaml": "x"},
                           "signature": wire.b64e(b"s" * 64)}),
])
def test_the_schemas_refuse_malformed_messages(name, doc):
    assert schemas.problems(name, doc)


def test_a_receipt_result_must_pair_its_result_and_code():
    receipt = json.loads(wire.build_receipt(
        batch_id=str(uuid.uuid4()), device_id="dev-1", sequence=1, content_hash="0" * 64,
        received_at="t", results=[wire.InterviewResult(str(uuid.uuid4()), 1, "stored", "new"),
                                  wire.InterviewResult(str(uuid.uuid4()), 1, "duplicate",
                                                       "duplicate", audit_refused=(4,))],
        signing_key=crypto.new_signing_key()))
    assert schemas.problems("receipt", receipt) == []
    assert schemas.problems("receipt", _set(receipt, "results/1/audit_refused", []))
    for result, code in (("stored", "duplicate"), ("ok", "new"), ("refused", "other")):
        bad = _set(receipt, "results/0/result", result)
        assert schemas.problems("receipt", _set(bad, "results/0/code", code))


def test_a_schema_problem_names_the_place_never_the_value():
    record = {**interview(), "revision": "Arta Hoxha"}
    with pytest.raises(wire.WireError) as caught:
        schemas.validate("interview", record, code="content_malformed")
    assert caught.value.code == "content_malformed"
    assert "/revision" in caught.value.message and "Arta" not in caught.value.message


def test_the_schemas_say_what_the_code_says():
    record = schemas.schema("interview")["properties"]
    assert tuple(record["status"]["enum"]) == lifecycle.SENDABLE == wire.SENDABLE_STATUSES
    assert {name: record[name]["maxLength"] for name in ("form_id", "form_version",
                                                         "checkpoint")} == {
        k: v for k, v in wire.TEXT_FIELDS.items() if k != "outcome"}
    assert record["outcome"]["oneOf"][1]["maxLength"] == wire.TEXT_FIELDS["outcome"]
    result = schemas.schema("receipt")["$defs"]["result"]["properties"]["result"]
    assert tuple(result["enum"]) == wire.RESULTS
    formats = {"batch-header": wire.BATCH_FORMAT, "batch-content": wire.CONTENT_FORMAT,
               "receipt": wire.RECEIPT_FORMAT, "enrol-request": wire.ENROL_REQUEST_FORMAT,
               "enrol-response": wire.ENROL_RESPONSE_FORMAT,
               "reference-package": packages.PACKAGE_FORMAT,
               "reference-list": packages.LIST_FORMAT,
               "reference-request": packages.REQUEST_FORMAT}
    for name, expected in formats.items():
        assert schemas.schema(name)["properties"]["format"]["const"] == expected
    package = schemas.schema("reference-package")
    assert tuple(package["properties"]["kind"]["enum"]) == packages.KINDS
    files = package["allOf"][1]["then"]["properties"]["payload"]["properties"]["files"]
    assert tuple(files["required"]) == packages.REFERENCE_FILES


def test_every_schema_is_listed_and_shipped():
    folder = resources.files(schemas)
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(".json")) == sorted(
        f"{name}.json" for name in schemas.NAMES)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"screening.sync.schemas" = ["*.json"]' in pyproject  # in the wheel too


def test_a_signed_refusal_matches_the_error_schema():
    key = crypto.new_signing_key()
    for nonce in (wire.new_nonce(), None):
        schemas.validate("error", wire.build_refusal("batch_conflict", "m", nonce, key))
    schemas.validate("error", {"error": "busy", "message": "an older central's refusal"})
