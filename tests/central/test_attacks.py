"""Central and the workstation under attack, against a real uvicorn on loopback (bounded in
count and time): slow and never-finished requests, forged refusals on the path, two syncs at
once, parallel password guesses. Each attack is reproduced and shown to do no harm."""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import random
import socket
import threading
import time
import uuid
import zlib
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from screening import crypto
from screening.central.batches import queries as batches
from screening.central.devices import enrolment
from screening.central.schema import console_events
from screening.central.staff import auth
from screening.store import filelock
from screening.store.session import StoreSession
from screening.sync import builder, identity, service, wire
from screening.sync.outbox import Outbox
from screening.sync.sender import send_pending
from screening.sync.transport import CentralClient, RetryPolicy, Timeouts
from tests.answer_sets import adult_no_indicators
from tests.central.console.helpers import csrf_of
from tests.central.faultproxy import FaultProxy
from tests.central.live import LiveCentral, run_cli
from tests.central.test_sync_faults import Sleeps, enrol, queue_batches
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF
from tests.unit.sync.batches import sealed_frame

IDLE_SECONDS = 2  # central's wait for the next part of a request, shortened for the test
STAFF_PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("central")
    server = LiveCentral(data_dir, f"sqlite:///{data_dir / 'central.db'}",
                         env={"SCREENING_CENTRAL_IDLE_SECONDS": str(IDLE_SECONDS)})
    yield server
    server.stop()


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def address(live) -> tuple[str, int]:
    host, port = live.url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def ended(sock: socket.socket, seconds: float) -> bool:
    """True once central answered and closed the connection within ``seconds`` (a blocking
    read with a deadline: it waits on the socket itself)."""
    sock.settimeout(seconds)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if not sock.recv(65536):
                return True
    except TimeoutError:
        return False
    except OSError:
        return True  # reset by central: dropped too
    return False


# -- memory and sockets -------------------------------------------------------------------------

def test_uploads_that_never_finish_hold_neither_memory_nor_sockets(live):
    before = rss_bytes(live.process.pid)
    head = (b"POST /v1/batches HTTP/1.1\r\nHost: central\r\nContent-Type: "
            b"application/octet-stream\r\nContent-Length: %d\r\n\r\n" % (19 * 1024 * 1024))
    chunk = b"\0" * (1024 * 1024)
    attackers = []
    with contextlib.ExitStack() as stack:
        for _ in range(30):
            sock = stack.enter_context(socket.create_connection(address(live), timeout=10))
            sock.sendall(head)
            with contextlib.suppress(OSError):  # refused (busy) and closed: also a pass
                for _ in range(8):
                    sock.sendall(chunk)
            attackers.append(sock)
        grown = rss_bytes(live.process.pid) - before
        # the gate reads 8 bodies at once; the rest are answered busy before being buffered
        assert grown < 150 * 1024 * 1024, f"central grew by {grown / 2**20:.0f} MiB"
        assert all(ended(sock, IDLE_SECONDS + 10) for sock in attackers)
    assert requests.get(f"{live.url}/v1/health", timeout=10).status_code == 200


def test_requests_whose_headers_never_finish_are_dropped(live):
    with contextlib.ExitStack() as stack:
        socks = [stack.enter_context(socket.create_connection(address(live), timeout=10))
                 for _ in range(40)]
        for sock in socks:
            sock.sendall(b"POST /v1/batches HTTP/1.1\r\nHost: central\r\n")
        assert all(ended(sock, IDLE_SECONDS + 10) for sock in socks)
    assert requests.get(f"{live.url}/v1/health", timeout=10).status_code == 200


def test_a_body_that_stops_midway_is_refused_by_its_deadline(live):
    with socket.create_connection(address(live), timeout=10) as sock:
        sock.sendall(b"POST /v1/enrol HTTP/1.1\r\nHost: central\r\nContent-Type: "
                     b"application/json\r\nContent-Length: 1000\r\n\r\n{\"code\": ")
        sock.settimeout(IDLE_SECONDS + 10)
        answer = b""
        while chunk := sock.recv(65536):  # until central closes it
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 408")
    assert json.loads(answer.partition(b"\r\n\r\n")[2])["error"] == "request_timeout"


def test_no_hsts_over_plain_http(live):
    answer = requests.get(f"{live.url}/v1/health", timeout=10)
    assert "strict-transport-security" not in answer.headers  # plain HTTP on loopback


def test_every_refusal_is_signed_over_the_request_s_nonce(live, staff_side):
    nonce = wire.new_nonce()
    key = crypto.load_verify_key(staff_side.keys.verify_key)
    answers = [requests.get(f"{live.url}/v1/nowhere", headers={wire.NONCE_HEADER: nonce},
                            timeout=10),
               requests.get(f"{live.url}/v1/enrol", headers={wire.NONCE_HEADER: nonce},
                            timeout=10),
               requests.post(f"{live.url}/v1/batches", data=b"not a batch", timeout=10,
                             headers={wire.NONCE_HEADER: nonce})]
    assert [wire.verify_refusal(a.json(), key, nonce).code for a in answers] == [
        "not_found", "method_not_allowed", "envelope_malformed"]
    with pytest.raises(wire.WireError):  # played back to another request: not accepted
        wire.verify_refusal(answers[0].json(), key, wire.new_nonce())
    old_client = requests.get(f"{live.url}/v1/nowhere", timeout=10).json()
    assert old_client["error"] == "not_found" and old_client["nonce"] is None


# -- bounded work per batch ---------------------------------------------------------------------

def hostile_content(station, interviews: bytes) -> bytes:
    """A correctly sealed and signed batch whose list of interviews is ``interviews``."""
    station.sequence += 1
    batch_id = str(uuid.uuid4())
    doc = (b'{"batch_id":"%s","device_id":"%s","format":"rs-batch-content/1","interviews":'
           % (batch_id.encode(), station.device_id.encode()))
    raw = doc + interviews + b',"sequence":%d}' % station.sequence
    return sealed_frame(station, zlib.compress(raw, 9), sequence=station.sequence,
                        batch_id=batch_id, compressed=True)


@pytest.mark.parametrize(("interviews", "code"), [
    (b"[" + b"{}," * 1_999_999 + b"{}]", "batch_too_many_interviews"),
    (b'[{"notes":"' + b"x" * (2 * 1024 * 1024) + b'"}]', "interview_too_large"),
    (b"[" + b'{"a":' * 500_000 + b"1" + b"}" * 500_000 + b"]", "interview_too_large"),
    (b'[{"a":[' + b"[]," * 1_000_000 + b"[]]}]", "interview_too_large"),
    (b"[" + b'"x",' * 1_000_000 + b'"x"]', "content_malformed")],
    ids=["two-million-entries", "oversize-record", "deep-nesting", "many-values", "not-objects"])
def test_a_small_batch_that_inflates_to_many_entries_is_refused_whole_and_signed(
        live, staff_side, interviews, code):
    """The red team's 6.5 KB batch of two million ``{}`` took 18 s and 1.7 GB and stored a
    288 MB receipt: now central counts while it reads and refuses it, signed, storing
    nothing."""
    client = CentralClient(live.url)
    try:
        station, central_key = enrol(staff_side, client)
    finally:
        client.close()
    raw = hostile_content(station, interviews)
    assert len(raw) < 64 * 1024
    before = rss_bytes(live.process.pid)
    with staff_side.engine.connect() as conn:
        held = batches.count(conn)
    nonce = wire.new_nonce()
    answer = requests.post(f"{live.url}/v1/batches", data=raw, timeout=60,
                           headers={wire.NONCE_HEADER: nonce})
    assert answer.status_code in (413, 422)
    assert wire.verify_refusal(answer.json(), central_key, nonce).code == code
    grown = rss_bytes(live.process.pid) - before
    assert grown < 64 * 1024 * 1024, f"central grew by {grown / 2**20:.0f} MiB"
    with staff_side.engine.connect() as conn:
        assert batches.count(conn) == held


# -- refusals on the path ----------------------------------------------------------------------

@pytest.fixture
def proxy(live):
    fault_proxy = FaultProxy(*address(live))
    yield fault_proxy
    fault_proxy.close()


@pytest.mark.parametrize("fault", ["forge_revoked", "forge_conflict"])
def test_a_forged_refusal_changes_nothing_and_the_batch_goes_on_retry(staff_side, proxy,
                                                                      tmp_path, fault):
    client = CentralClient(proxy.url, timeouts=Timeouts(connect=5, read=10),
                           retry=RetryPolicy(attempts=4, base_seconds=0.01, cap_seconds=0.1),
                           sleep=Sleeps(), rng=random.Random(1))
    station, central_key = enrol(staff_side, client)
    outbox = Outbox(tmp_path / "outbox")
    queue_batches(outbox, station, 2, 2)
    proxy.inject(fault, fault)
    report = send_pending(outbox, client, central_key)
    client.close()
    assert len(report.acknowledged) == 2 and report.quarantined == []
    assert [e.state for e in outbox.entries()] == ["acknowledged", "acknowledged"]
    assert proxy.seen.count(fault) == 2


# -- two syncs at once -------------------------------------------------------------------------

@pytest.fixture
def store(tmp_path):
    session, _ = StoreSession.initialise(tmp_path / "store", "TIR", SUPERVISOR, SUPERVISOR_PW,
                                         kdf=TEST_KDF)
    yield session
    session.close()


def enrol_store(store, staff_side, live) -> identity.Identity:
    key = crypto.new_signing_key()
    first = CentralClient(live.url)
    response = first.enrol(enrolment.new_code(staff_side, "TIR", by="drita"), key, "desk")
    first.close()
    me = identity.from_enrolment(response, live.url, key, None)
    identity.save(store, me)
    return me


def test_a_batch_refused_for_good_earlier_is_reported_by_every_later_sync(store, staff_side,
                                                                          live):
    me = enrol_store(store, staff_side, live)
    store.import_finalised(adult_no_indicators(given_name="Name"))
    outbox = Outbox(store.paths.root / service.OUTBOX)
    (entry,) = builder.queue_ready(store, outbox, me).batches
    outbox.mark(entry, "quarantined", "central refused it (signed)")
    first, second = service.sync_now(store), service.sync_now(store)
    assert first.acknowledged == second.acknowledged == [] and first.set_aside == 1
    assert second.set_aside == 1


def test_two_syncs_at_once_never_reuse_a_sequence_number(store, staff_side, live):
    enrol_store(store, staff_side, live)
    for n in range(4):
        store.import_finalised(adult_no_indicators(given_name=f"Name{n}"))
    other = StoreSession.login(store.paths.root, SUPERVISOR, SUPERVISOR_PW, kdf=TEST_KDF)
    inside, refused = threading.Event(), []

    def factory(url: str, verify: str | bool) -> CentralClient:
        inside.set()  # the first sync holds the lock while the second one tries
        with pytest.raises(service.SyncRunningError) as caught:
            service.sync_now(other)
        refused.append(caught.value.code)
        return CentralClient(url, verify=verify)

    try:
        report = service.sync_now(store, client_factory=factory)
    finally:
        other.close()
    assert inside.is_set() and refused == ["sync_running"]
    assert len(report.acknowledged) == 1 and report.quarantined == []
    entries = Outbox(store.paths.root / service.OUTBOX).entries()
    assert len({e.sequence for e in entries}) == len(entries)
    assert service.sync_now(store).quarantined == []  # and the next one goes on


def test_a_sync_waits_for_no_one_and_builds_nothing_while_another_runs(store):
    with filelock.exclusive(store.paths.root / service.SYNC_LOCK), \
            pytest.raises(service.SyncRunningError):
        service.sync_now(store)
    assert Outbox(store.paths.root / service.OUTBOX).entries() == []


def test_sequence_numbers_taken_at_once_are_all_different(tmp_path):
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        taken = list(pool.map(lambda _: Outbox(tmp_path).next_sequence(), range(64)))
    assert sorted(taken) == list(range(1, 65))


# -- password guessing -------------------------------------------------------------------------

def guess(live, name: str, password: str) -> int:
    with requests.Session() as browser:
        browser.headers["User-Agent"] = "guesser"
        page = browser.get(f"{live.url}/console/login", timeout=30)
        return browser.post(f"{live.url}/console/login", timeout=60, allow_redirects=False,
                            data={"name": name, "password": password,
                                  "csrf": csrf_of(page.text)}).status_code


def checks_and_locks(staff_side, name: str) -> tuple[int, int]:
    with staff_side.engine.connect() as conn:
        actions = list(conn.execute(select(console_events.c.action)
                                    .where(console_events.c.staff == name)).scalars())
    checked = sum(a in ("login", "login_failed", "account_locked") for a in actions)
    return checked, actions.count("login_locked")


@pytest.mark.parametrize("role", ["viewer", "admin"])
def test_parallel_guesses_get_no_more_checks_than_serial_ones(live, staff_side, role):
    name = f"target-{role}"
    env = {"SCREENING_CENTRAL_PASSWORD": STAFF_PASSWORD}
    assert run_cli(live.data_dir, live.db_url, "staff", "add", name, env=env).returncode == 0
    assert run_cli(live.data_dir, live.db_url, "staff", "role", name, role).returncode == 0
    passwords = [f"wrong guess {n:02d}" for n in range(29)] + [STAFF_PASSWORD]
    with concurrent.futures.ThreadPoolExecutor(30) as pool:
        answers = list(pool.map(lambda p: guess(live, name, p), passwords))
    checked, locked = checks_and_locks(staff_side, name)
    seen = (checked, locked, sorted(answers))
    assert checked <= auth.LOCK_AFTER, seen
    assert locked == len(passwords) - checked, seen  # every refusal of the lock is on record
    assert answers.count(303) <= 1 and answers.count(401) >= len(passwords) - 1, seen
