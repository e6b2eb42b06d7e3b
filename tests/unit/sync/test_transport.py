"""The client's reading of answers, against a scripted HTTP server on loopback: what is retried
(no answer, 5xx, busy, redirects, pages that are not receipts, refusals central did not sign
for this request) and what is final (a refusal central signed); which addresses it accepts."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from screening import crypto
from screening.sync import wire
from screening.sync.transport import (
    CentralClient,
    CentralRefusedError,
    CentralUnreachableError,
    RetryPolicy,
    SyncError,
    check_address,
)
from tests.unit.sync.batches import Workstation, interview


class Scripted(ThreadingHTTPServer):
    def __init__(self, answers: list[tuple[int, dict[str, str], bytes]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers = answers
        self.requests = 0


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        server = self.server
        status, headers, body = server.answers[min(server.requests, len(server.answers) - 1)]
        server.requests += 1
        if callable(body):  # a refusal signed over this request's nonce
            body = body(self.headers.get(wire.NONCE_HEADER))
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def scripted():
    servers = []

    def start(*answers):
        server = Scripted(list(answers))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def batch():
    station = Workstation("dev-1", crypto.new_signing_key(),
                          crypto.new_encryption_key().public_key())
    return station.batch([interview()])


def receipt_for(raw: bytes, key) -> bytes:
    header = wire.parse_batch(raw).header
    return wire.build_receipt(batch_id=header.batch_id, device_id="dev-1", sequence=1,
                              content_hash=header.content_hash, received_at="now",
                              results=[wire.InterviewResult("i", 1, "stored", "new")],
                              signing_key=key)


def client_for(server, sleeps: list) -> CentralClient:
    return CentralClient(f"http://127.0.0.1:{server.server_address[1]}",
                         retry=RetryPolicy(attempts=6, base_seconds=1, cap_seconds=4),
                         sleep=sleeps.append, rng=random.Random(3))


def refusal(code: str) -> bytes:
    return json.dumps({"error": code, "message": "m"}).encode()


def test_transient_answers_are_retried_until_the_receipt(scripted, batch):
    key = crypto.new_signing_key()
    server = scripted(
        (500, {}, b"Internal Server Error"),
        (503, {"Content-Type": "application/json"}, refusal("busy")),
        (302, {"Location": "http://portal.example/login"}, b""),
        (200, {"Content-Type": "text/html"}, b"<html>log in</html>"),
        (200, {"Content-Type": "application/json"}, receipt_for(batch, crypto.new_signing_key())),
        (200, {"Content-Type": "application/json"}, receipt_for(batch, key)))
    sleeps: list[float] = []
    results = client_for(server, sleeps).send_batch(batch, key.public_key())
    assert [r.result for r in results.results] == ["stored"]
    assert server.requests == 6
    assert len(sleeps) == 5 and all(0 <= s <= 4 for s in sleeps)


def signed_refusal(code: str, key) -> Callable[[str | None], bytes]:
    return lambda nonce: json.dumps(wire.build_refusal(code, "m", nonce, key)).encode()


def test_a_json_refusal_is_final(scripted, batch):
    key = crypto.new_signing_key()
    server = scripted((401, {"Content-Type": "application/json"},
                       signed_refusal("signature_invalid", key)))
    with pytest.raises(CentralRefusedError) as caught:
        client_for(server, []).send_batch(batch, key.public_key())
    assert (caught.value.code, caught.value.status, server.requests) == (
        "signature_invalid", 401, 1)


@pytest.mark.parametrize("forged", ["unsigned", "another key", "another request"])
def test_a_refusal_central_did_not_sign_for_this_request_is_retried(scripted, batch, forged):
    key = crypto.new_signing_key()
    body = {"unsigned": refusal("batch_conflict"),
            "another key": signed_refusal("batch_conflict", crypto.new_signing_key()),
            "another request": json.dumps(wire.build_refusal(
                "batch_conflict", "m", "recorded-from-an-earlier-request", key)).encode()}
    server = scripted((409, {"Content-Type": "application/json"}, body[forged]),
                      (200, {"Content-Type": "application/json"}, receipt_for(batch, key)))
    results = client_for(server, []).send_batch(batch, key.public_key())
    assert [r.result for r in results.results] == ["stored"] and server.requests == 2


@pytest.mark.parametrize("url", ["http://central.example", "http://10.0.0.5:8443",
                                 "ftp://127.0.0.1", "central.example", "https://"])
def test_plain_http_is_refused_except_to_this_machine(url):
    with pytest.raises(SyncError) as caught:
        CentralClient(url)
    # http:// to another machine is refused for its own reason; anything else is no https://
    assert caught.value.code in {"plain_http_refused", "server_url_not_https"}


def test_loopback_may_be_plain_http_but_a_ca_file_needs_https():
    for url in ("http://127.0.0.1:1", "http://[::1]:1", "http://localhost:1",
                "https://central.example"):
        check_address(url)
    check_address("https://central.example", ca_given=True)
    with pytest.raises(SyncError, match="only used with https"):
        check_address("http://127.0.0.1:1", ca_given=True)


def test_retries_end_with_the_last_reason(scripted, batch):
    server = scripted((502, {}, b"Bad Gateway"))
    with pytest.raises(CentralUnreachableError) as caught:
        client_for(server, []).send_batch(batch, crypto.new_signing_key().public_key())
    assert server.requests == 6 and "HTTP 502" in caught.value.message


def test_enrolment_is_tried_once_and_reads_refusals(scripted):
    server = scripted((403, {"Content-Type": "application/json"},
                       refusal("enrolment_code_invalid")))
    with pytest.raises(CentralRefusedError):
        client_for(server, []).enrol("CODE", crypto.new_signing_key())
    html = scripted((200, {"Content-Type": "text/html"}, b"<html></html>"))
    with pytest.raises(CentralUnreachableError):
        client_for(html, []).enrol("CODE", crypto.new_signing_key())
    assert (server.requests, html.requests) == (1, 1)
