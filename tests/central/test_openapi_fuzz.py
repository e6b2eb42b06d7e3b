"""schemathesis against the service's own OpenAPI document (issue 6): every operation, with
generated valid and invalid input, sent to a real ``screening-central serve`` over loopback on
SQLite and on PostgreSQL — never a 5xx.

The document is built at collection time from the app exactly as ``serve`` builds it (on a
throwaway data folder whose database is never opened), and
``test_the_live_server_publishes_this_document`` checks that the running server serves the very
same document. (``schemathesis.pytest.from_fixture`` would load it from the live server instead,
but in schemathesis 4.32 it writes ``Function._nodeid``, which pytest 9.2 no longer has.)

Enrol and upload read the raw body (``Request``), so FastAPI publishes them without a request
body, and a fuzzer given only that document sends them empty bodies. Where the document says
nothing, the test adds what the wire format takes (``REQUEST_BODIES``), so the cases reach the
JSON and batch parsers; a body the app declares itself (``openapi_extra``) takes precedence."""

from __future__ import annotations

import copy
import struct
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from screening.central import settings as central_settings
from screening.central.app import create_app
from screening.central.service import open_central
from screening.sync import wire
from tests.central.live import LiveCentral

# 256 KiB / 1 MiB: a generated body cannot make the server hold much.
LIMIT_ENV = {"SCREENING_CENTRAL_MAX_BATCH": str(256 * 1024),
             "SCREENING_CENTRAL_MAX_CONTENT": str(1024 * 1024)}
SYNC_ROUTES = {("/v1/health", "get"), ("/v1/enrol", "post"), ("/v1/batches", "post"),
               ("/v1/batches/{batch_id}/receipt", "get")}

ENROL_REQUEST = {
    "type": "object",
    "properties": {
        "format": {"type": "string", "enum": [wire.ENROL_REQUEST_FORMAT]},
        "code": {"type": "string", "maxLength": 100},
        "label": {"type": "string", "maxLength": 200},
        "verify_key": {"type": "string", "contentEncoding": "base64"},
        "signature": {"type": "string", "contentEncoding": "base64"},
    },
    "required": ["format", "code", "verify_key", "signature"],
}
BINARY = {"schema": {"type": "string", "format": "binary"}}
REQUEST_BODIES = {
    ("/v1/enrol", "post"): {"required": True, "content": {
        "application/json": {"schema": ENROL_REQUEST},
        "application/octet-stream": BINARY}},  # not JSON at all: undecodable bytes, text
    ("/v1/batches", "post"): {"required": True, "content": {
        "application/octet-stream": BINARY}},
}


def document() -> dict:
    with tempfile.TemporaryDirectory(prefix="rs-openapi-") as folder:
        central = open_central(central_settings.Settings(
            Path(folder), f"sqlite:///{Path(folder) / 'central.db'}"), migrate=False)
        try:
            return create_app(central).openapi()
        finally:
            central.close()


def with_request_bodies(published: dict) -> dict:
    amended = copy.deepcopy(published)
    for (path, method), body in REQUEST_BODIES.items():
        amended["paths"][path][method].setdefault("requestBody", body)
    return amended


DOCUMENT = document()
schema = schemathesis.openapi.from_dict(with_request_bodies(DOCUMENT))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("central")
    if request.param == "sqlite":
        url = f"sqlite:///{data_dir / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres_cluster").new_database()
    server = LiveCentral(data_dir, url, LIMIT_ENV)
    assert urlsplit(server.url).hostname == "127.0.0.1"
    yield server
    server.stop()


def test_the_live_server_publishes_this_document(live):
    published = requests.get(f"{live.url}/openapi.json", timeout=10)
    assert published.status_code == 200, published.text
    assert published.json() == DOCUMENT
    routes = {(path, method) for path, ops in DOCUMENT["paths"].items() for method in ops}
    assert routes >= SYNC_ROUTES


@schema.parametrize()
@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_no_generated_request_gets_a_server_error(case, live):
    case.call_and_validate(base_url=live.url, checks=[not_a_server_error], timeout=10,
                           allow_redirects=False)


def nested_header(depth: int) -> bytes:
    header = b"[" * depth
    return wire.MAGIC + struct.pack(">I", len(header)) + header + bytes(64)


# Found by this fuzzing and by hand, now refused with 4xx: JSON nested thousands deep, and a
# "digit" that int() cannot read (since=²).
@pytest.mark.parametrize(("path", "method", "given"), [
    pytest.param("/v1/enrol", "POST", {"body": b"[" * 5000}),
    pytest.param("/v1/enrol", "POST", {"body": b'{"format": "rs-enrol-request/1", "x": '
                                       + b"[" * 5000 + b"]" * 5000 + b"}"}),
    pytest.param("/v1/batches", "POST", {"body": nested_header(5000)}),
    ("/v1/reference", "GET", {"query": {"since": "\N{SUPERSCRIPT TWO}"}}),
], ids=["enrol-nested-array", "enrol-nested-member", "batch-nested-header", "reference-since"])
def test_found_requests_are_refused_not_a_server_error(live, path, method, given):
    if "body" in given:
        given = {**given, "media_type": "application/octet-stream"}
    case = schema[path][method].Case(**given)
    case.call_and_validate(base_url=live.url, checks=[not_a_server_error], timeout=10,
                           allow_redirects=False)
