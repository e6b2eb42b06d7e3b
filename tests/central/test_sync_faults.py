"""The workstation's sync client against a real central (uvicorn on loopback, SQLite and
PostgreSQL) through a proxy that cuts and delays connections: after a few retries central holds
every interview exactly once and the client has acknowledged exactly what central holds."""

from __future__ import annotations

import random

import pytest

from screening import crypto
from screening.central.batches import queries as interviews
from screening.central.clock import utc_now
from screening.central.devices import enrolment
from screening.central.devices import queries as devices
from screening.sync import wire
from screening.sync.outbox import Outbox
from screening.sync.sender import send_pending
from screening.sync.transport import (
    CentralClient,
    CentralRefusedError,
    CentralUnreachableError,
    RetryPolicy,
    Timeouts,
)
from tests.central.faultproxy import FaultProxy
from tests.central.live import LiveCentral, run_cli
from tests.unit.sync.batches import Workstation, interview


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("central")
    if request.param == "sqlite":
        url = f"sqlite:///{data_dir / 'central.db'}"
    else:
        url = request.getfixturevalue("postgres_cluster").new_database()
    server = LiveCentral(data_dir, url)
    yield server
    server.stop()


@pytest.fixture
def proxy(live):
    host, port = live.url.removeprefix("http://").rsplit(":", 1)
    fault_proxy = FaultProxy(host, int(port), delay_seconds=1.5)
    yield fault_proxy
    fault_proxy.close()


class Sleeps(list):
    """Stands in for time.sleep: records the backoff instead of waiting it out."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(proxy, sleeps):
    made = CentralClient(proxy.url, timeouts=Timeouts(connect=5, read=0.75),
                         retry=RetryPolicy(attempts=8, base_seconds=0.1, cap_seconds=2),
                         sleep=sleeps, rng=random.Random(7))
    yield made
    made.close()


def enrol(staff_side, client) -> tuple[Workstation, crypto.Ed25519PublicKey]:
    key = crypto.new_signing_key()
    response = client.enrol(enrolment.new_code(staff_side, "TIA", by="drita"), key, "desk 3")
    station = Workstation(response.device_id, key,
                          crypto.load_recipient_key(response.encryption_key))
    return station, crypto.load_verify_key(response.verify_key)


def queue_batches(outbox: Outbox, station: Workstation, count: int, per_batch: int
                  ) -> list[dict]:
    records = []
    for _ in range(count):
        batch = [interview() for _ in range(per_batch)]
        records += batch
        raw = station.batch(batch, sequence=outbox.next_sequence())
        outbox.add(raw, [(r["id"], r["revision"]) for r in batch])
    return records


def held_at_central(staff_side) -> list[str]:
    with staff_side.engine.connect() as conn:
        return [row["id"] for row in interviews.listing(conn)]


def test_every_fault_is_survived_without_loss_or_duplication(staff_side, proxy, client,
                                                             sleeps, tmp_path):
    station, central_key = enrol(staff_side, client)
    before = set(held_at_central(staff_side))
    outbox = Outbox(tmp_path / "outbox")
    records = queue_batches(outbox, station, count=6, per_batch=3)
    proxy.inject("cut_before_request", "cut_mid_upload", "pass",
                 "cut_after_commit", "pass",
                 "delay", "cut_after_commit", "pass",
                 "portal", "cut_mid_upload", "pass")
    acknowledged: list[str] = []
    report = send_pending(outbox, client, central_key,
                          lambda results: acknowledged.extend(r.interview_id for r in results))
    assert len(report.acknowledged) == 6 and not report.quarantined
    assert all(e.state == "acknowledged" for e in outbox.entries())
    held = [i for i in held_at_central(staff_side) if i not in before]
    assert sorted(held) == sorted(r["id"] for r in records)  # each exactly once
    assert sorted(acknowledged) == sorted(held)
    assert {"cut_after_commit", "delay", "portal"} <= set(proxy.seen)
    assert sleeps and all(0 <= s <= 2 for s in sleeps)


def test_a_captive_portal_is_never_an_acknowledgement(staff_side, proxy, client, tmp_path):
    station, central_key = enrol(staff_side, client)
    outbox = Outbox(tmp_path / "outbox")
    queue_batches(outbox, station, count=1, per_batch=1)
    proxy.inject(*["portal"] * 8)
    with pytest.raises(CentralUnreachableError) as caught:
        send_pending(outbox, client, central_key)
    assert "not central's receipt" in caught.value.message
    assert [e.state for e in outbox.entries()] == ["queued"]


def test_a_refused_batch_is_quarantined_and_the_rest_goes_on(staff_side, proxy, client, tmp_path):
    station, central_key = enrol(staff_side, client)
    outbox = Outbox(tmp_path / "outbox")
    bad = Workstation(station.device_id, station.key, crypto.new_encryption_key().public_key())
    outbox.add(bad.batch([interview()], sequence=outbox.next_sequence()), [])
    records = queue_batches(outbox, station, count=1, per_batch=2)
    report = send_pending(outbox, client, central_key)
    assert [e.state for e in outbox.entries()] == ["quarantined", "acknowledged"]
    assert "decrypt" in outbox.entries()[0].reason
    assert len(report.acknowledged) == 1
    assert {r["id"] for r in records} <= set(held_at_central(staff_side))


def test_refused_interviews_are_listed_in_an_acknowledged_batch(staff_side, client, tmp_path):
    station, central_key = enrol(staff_side, client)
    outbox = Outbox(tmp_path / "outbox")
    record = interview()
    outbox.add(station.batch([record], sequence=outbox.next_sequence()), [(record["id"], 1)])
    conflicting = {**record, "answers": {}}
    outbox.add(station.batch([conflicting, interview()], sequence=outbox.next_sequence()), [])
    report = send_pending(outbox, client, central_key)
    assert [r.code for r in report.refused_interviews] == ["revision_conflict"]
    last = outbox.entries()[-1]
    assert last.state == "acknowledged" and last.refused[0]["code"] == "revision_conflict"


def test_a_revoked_device_stops_the_run_and_keeps_the_batch_queued(staff_side, proxy, client,
                                                                   tmp_path):
    station, central_key = enrol(staff_side, client)
    with staff_side.engine.begin() as conn:
        devices.revoke(conn, station.device_id, utc_now())
    outbox = Outbox(tmp_path / "outbox")
    queue_batches(outbox, station, count=1, per_batch=1)
    with pytest.raises(CentralRefusedError) as caught:
        send_pending(outbox, client, central_key)
    assert caught.value.code == "device_revoked" and caught.value.status == 403
    assert [e.state for e in outbox.entries()] == ["queued"]


def test_export_writes_pending_batches_that_import_accepts(live, staff_side, client, tmp_path):
    station, _ = enrol(staff_side, client)
    outbox = Outbox(tmp_path / "outbox")
    records = queue_batches(outbox, station, count=2, per_batch=1)
    files = outbox.export(tmp_path / "usb")
    assert len(files) == 2
    for path in files:
        result = run_cli(live.data_dir, live.db_url, "import", str(path))
        assert result.returncode == 0, result.stderr
    assert {r["id"] for r in records} <= set(held_at_central(staff_side))


def test_backoff_grows_exponentially_with_full_jitter():
    policy = RetryPolicy(base_seconds=1, cap_seconds=8)
    rng = random.Random(1)
    for attempt, ceiling in enumerate([1, 2, 4, 8, 8]):
        delays = [policy.delay(attempt, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # jitter spreads over the whole range


def test_a_wrong_enrolment_code_is_a_clear_refusal(live, client):
    with pytest.raises(CentralRefusedError) as caught:
        client.enrol("NOPE-NOPE", crypto.new_signing_key())
    assert caught.value.code == "enrolment_code_invalid"


def test_an_unreachable_central_is_reported_after_the_retries(sleeps):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound but never listening: connections are refused
        dead = CentralClient(f"http://127.0.0.1:{port}", sleep=sleeps,
                             retry=RetryPolicy(attempts=3, base_seconds=0.1))
        station = Workstation("d", crypto.new_signing_key(),
                              crypto.new_encryption_key().public_key())
        with pytest.raises(CentralUnreachableError):
            dead.send_batch(station.batch([interview()]), crypto.new_signing_key().public_key())
    assert len(sleeps) == 2
    assert wire.BATCH_FORMAT == "rs-batch/1"
