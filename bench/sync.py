"""Sync benchmark: one workstation sending 10,000 interviews to central end to end (target
<= 30 s), ingest rate on SQLite and on PostgreSQL, 20 workstations syncing at once (throughput
and p95 latency per batch), the bytes on the wire per interview, and central's peak memory
(RSS) during a normal sync, under inflating batches from an enrolled device (a 6.5 KB batch of
two million ``{}``, a 2 MB record, a record nested 500,000 deep, each sent 8 times at once)
and under slow-upload abuse (30 sockets each sending 19 MB of a declared 20 MB body and never
finishing, from 30 loopback addresses). Production's shape last (tests/central/test_production.py):
two central processes on one PostgreSQL server, 20 workstations sending each batch to both at
once: p50/p95 per batch, and where PostgreSQL's sessions waited (sampled from pg_stat_activity),
once with every interview the same person (the test's data: every pair a repeat-victim
candidate) and once with a different person each.

Central runs as a real ``screening-central serve`` process on loopback; PostgreSQL is a
throwaway cluster (skipped when the postgresql package is missing).
Run: .venv/bin/python bench/sync.py [INTERVIEWS]        (default 10000)
     .venv/bin/python bench/sync.py --production         (production's shape only)
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
import uuid
import zlib
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening import crypto  # noqa: E402
from screening.central import settings  # noqa: E402
from screening.central.devices import enrolment  # noqa: E402
from screening.central.service import open_central  # noqa: E402
from screening.sync import wire  # noqa: E402
from screening.sync.transport import CentralClient  # noqa: E402
from tests.central.live import LiveCentral, run_cli  # noqa: E402
from tests.central.postgres import USER, Cluster, PostgresUnavailable  # noqa: E402
from tests.unit.sync.batches import interview  # noqa: E402

PER_BATCH = 200
STATIONS, STATION_BATCHES, STATION_PER_BATCH = 20, 5, 50
ABUSERS, ABUSE_BYTES = 30, 19 * 1024 * 1024


def record(n: int) -> dict:
    """A record central accepts (the bundled form, complete answers), with two audit
    entries, as a workstation enrolled for TIA sends it."""
    return interview(name=f"Name{n}", audit=2)


class Station:
    def __init__(self, staff, server: LiveCentral) -> None:
        self.key = crypto.new_signing_key()
        self.client = CentralClient(server.url)
        response = self.client.enrol(enrolment.new_code(staff, "TIA", by="bench"), self.key)
        self.device_id = response.device_id
        self.recipient = crypto.load_recipient_key(response.encryption_key)
        self.receipt_key = crypto.load_verify_key(response.verify_key)
        self.sequence = 0

    def batch(self, records: list[dict]) -> bytes:
        self.sequence += 1
        return wire.build_batch(device_id=self.device_id, sequence=self.sequence,
                                batch_id=str(uuid.uuid4()), created_at="2026-11-23T00:00:00Z",
                                interviews=records, signing_key=self.key,
                                recipient=self.recipient)

    def send(self, raw: bytes) -> float:
        started = time.perf_counter()
        results = self.client.send_batch(raw, self.receipt_key)
        assert all(r.result == "stored" for r in results)
        return time.perf_counter() - started


def one_workstation(staff, server: LiveCentral, count: int) -> dict[str, float]:
    station = Station(staff, server)
    records = [record(n) for n in range(count)]
    started = time.perf_counter()
    wire_bytes, sending = 0, 0.0
    for start in range(0, count, PER_BATCH):
        raw = station.batch(records[start:start + PER_BATCH])
        wire_bytes += len(raw)
        sending += station.send(raw)
    total = time.perf_counter() - started
    return {"total": total, "ingest_rate": count / sending, "bytes": wire_bytes / count}


def many_workstations(staff, server: LiveCentral) -> dict[str, float]:
    stations = [Station(staff, server) for _ in range(STATIONS)]
    latencies: list[float] = []
    lock = threading.Lock()

    def run(station: Station) -> None:
        for _ in range(STATION_BATCHES):
            raw = station.batch([record(n) for n in range(STATION_PER_BATCH)])
            took = station.send(raw)
            with lock:
                latencies.append(took)

    threads = [threading.Thread(target=run, args=(s,)) for s in stations]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    interviews = STATIONS * STATION_BATCHES * STATION_PER_BATCH
    return {"throughput": interviews / elapsed,
            "p95": statistics.quantiles(latencies, n=20)[-1]}


def peak_rss_mib(pid: int) -> float:
    """The process's peak resident memory so far (Linux: VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def slow_upload_abuse(server: LiveCentral) -> None:
    """Each abuser declares 20 MB, sends 19 MB as fast as central takes it, then stalls. Central
    reads a few bodies at once and answers the rest busy; the stalled ones are dropped after
    its idle time. Returns once central closed every one."""
    host, port = server.url.removeprefix("http://").rsplit(":", 1)
    head = (b"POST /v1/batches HTTP/1.1\r\nHost: central\r\nContent-Length: %d\r\n\r\n"
            % (20 * 1024 * 1024))
    chunk = b"\0" * (1024 * 1024)

    def abuse(n: int) -> None:
        with socket.create_connection((host, int(port)), timeout=120,
                                      source_address=(f"127.0.0.{n + 2}", 0)) as sock, \
                contextlib.suppress(OSError):  # refused and closed by central
            sock.sendall(head)
            for _ in range(ABUSE_BYTES // len(chunk)):
                sock.sendall(chunk)
            while sock.recv(65536):  # until central drops it
                pass

    threads = [threading.Thread(target=abuse, args=(n,)) for n in range(ABUSERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


INFLATING = {"two million {}": b"[" + b"{}," * 1_999_999 + b"{}]",
             "a 2 MB record": b'[{"notes":"' + b"x" * (2 * 1024 * 1024) + b'"}]',
             "nested 500,000 deep": b"[" + b'{"a":' * 500_000 + b"1" + b"}" * 500_000 + b"]"}
INFLATING_AT_ONCE = 8


def inflating_abuse(staff, server: LiveCentral) -> None:
    """An enrolled device sends small signed batches whose content inflates to millions of
    entries, several at once; central must refuse each (signed) without building them."""
    station = Station(staff, server)
    frames = []
    for interviews in INFLATING.values():
        for _ in range(INFLATING_AT_ONCE):
            station.sequence += 1
            batch_id = str(uuid.uuid4())
            content = (b'{"batch_id":"%s","device_id":"%s","format":"rs-batch-content/1",'
                       b'"interviews":%s,"sequence":%d}' % (
                           batch_id.encode(), station.device_id.encode(), interviews,
                           station.sequence))
            sealed = crypto.seal(station.recipient, zlib.compress(content, 9),
                                 wire.batch_aad(station.device_id, station.sequence, batch_id))
            header = wire.BatchHeader(station.device_id, station.sequence, batch_id,
                                      "2026-11-23T00:00:00Z", sealed.ephemeral_key,
                                      sealed.nonce, wire.sha256_hex(sealed.ciphertext))
            frames.append(wire.sign_frame(wire.canonical_json(header.to_json()),
                                          sealed.ciphertext, station.key))

    def send(raw: bytes) -> None:
        answer = requests.post(f"{server.url}/v1/batches", data=raw, timeout=120)
        assert answer.status_code == 413, answer.text[:200]

    for start in range(0, len(frames), INFLATING_AT_ONCE):
        threads = [threading.Thread(target=send, args=(raw,))
                   for raw in frames[start:start + INFLATING_AT_ONCE]]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def memory(staff, server: LiveCentral) -> tuple[float, float, float]:
    """Central's peak RSS after a normal sync of 1,000 interviews, after the inflating
    batches, then after the slow uploads."""
    one_workstation(staff, server, 1000)
    normal = peak_rss_mib(server.process.pid)
    started = time.perf_counter()
    inflating_abuse(staff, server)
    print(f"  inflating batches refused in {time.perf_counter() - started:.1f} s "
          f"({len(INFLATING) * INFLATING_AT_ONCE} batches)")
    inflated = peak_rss_mib(server.process.pid)
    slow_upload_abuse(server)
    return normal, inflated, peak_rss_mib(server.process.pid)


def bench(name: str, url: str, folder: Path, count: int) -> None:
    server = LiveCentral(folder, url)
    staff = open_central(settings.Settings(folder, url), migrate=False)
    try:
        single = one_workstation(staff, server, count)
        many = many_workstations(staff, server)
        normal, inflated, abused = memory(staff, server)
    finally:
        staff.close()
        server.stop()
    print(f"[{name}] {count} interviews, one workstation, end to end: "
          f"{single['total']:.1f} s (target <= 30 s)")
    print(f"[{name}] ingest rate: {single['ingest_rate']:.0f} interviews/s")
    print(f"[{name}] bytes on the wire per interview: {single['bytes']:.0f}")
    print(f"[{name}] {STATIONS} workstations at once: {many['throughput']:.0f} interviews/s, "
          f"p95 {many['p95'] * 1000:.0f} ms per {STATION_PER_BATCH}-interview batch")
    print(f"[{name}] central's peak RSS: {normal:.0f} MiB after normal syncs, {inflated:.0f} MiB "
          f"after the inflating batches ({', '.join(INFLATING)}; {INFLATING_AT_ONCE} of each "
          f"at once), {abused:.0f} MiB after {ABUSERS} uploads of {ABUSE_BYTES // 2**20} MB "
          "that never finish")


PRODUCTION_STATIONS, PRODUCTION_BATCHES, PRODUCTION_PER_BATCH = 20, 3, 10


class _Waits:
    """PostgreSQL's busy sessions of one database, sampled every 50 ms, by what they wait on."""

    def __init__(self, cluster: Cluster, database: str) -> None:
        self.cluster, self.database = cluster, database
        self.seen: collections.Counter[str] = collections.Counter()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample)

    def _sample(self) -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.cluster.port} user={USER} "
                             "dbname=postgres", autocommit=True) as conn:
            while not self.stop.wait(0.05):
                for kind, event, query in conn.execute(
                        "SELECT wait_event_type, wait_event, left(query, 40) FROM "
                        "pg_stat_activity WHERE datname = %s AND state = 'active' "
                        "AND pid <> pg_backend_pid()", (self.database,)):
                    self.seen[f"{kind or 'running'}/{event or '-'} {query!r}"] += 1

    def __enter__(self) -> _Waits:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        self.thread.join()


def production(cluster: Cluster, folder: Path, same_person: bool) -> None:
    """Two central processes, 20 workstations at once, each batch sent to both processes."""
    url = cluster.new_database()
    assert run_cli(folder, url, "migrate").returncode == 0
    servers = [LiveCentral(folder, url), LiveCentral(folder, url)]
    staff = open_central(settings.Settings(folder, url), migrate=False)
    try:
        stations = [Station(staff, servers[n % 2]) for n in range(PRODUCTION_STATIONS)]
        latencies: list[float] = []
        lock, start = threading.Lock(), threading.Barrier(PRODUCTION_STATIONS)

        def person() -> dict:
            return interview() if same_person else interview(
                name=f"N{uuid.uuid4().hex[:10]}", id_document_number=uuid.uuid4().hex[:9])

        def run(station: Station) -> None:
            clients = [CentralClient(server.url) for server in servers]
            start.wait(timeout=120)
            for _ in range(PRODUCTION_BATCHES):
                raw = station.batch([person() for _ in range(PRODUCTION_PER_BATCH)])
                random.shuffle(clients)
                started = time.perf_counter()
                with concurrent.futures.ThreadPoolExecutor(2) as both:
                    list(both.map(lambda c, raw=raw: c.send_batch(raw, station.receipt_key),
                                  clients))
                with lock:
                    latencies.append(time.perf_counter() - started)
            for client in clients:
                client.close()

        with _Waits(cluster, url.rsplit("/", 1)[1]) as waits:
            began = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(PRODUCTION_STATIONS) as pool:
                list(pool.map(run, stations))
            elapsed = time.perf_counter() - began
    finally:
        staff.close()
        for server in servers:
            server.stop()
    data = "one person in every interview" if same_person else "a different person each"
    print(f"[production] 2 processes, {PRODUCTION_STATIONS} workstations at once, "
          f"{PRODUCTION_BATCHES} batches of {PRODUCTION_PER_BATCH} each to both ({data}): "
          f"{elapsed:.1f} s in all, p50 {statistics.median(latencies):.1f} s, "
          f"p95 {statistics.quantiles(latencies, n=20)[-1]:.1f} s per batch")
    total = sum(waits.seen.values()) or 1
    for what, count in waits.seen.most_common(4):
        print(f"[production]   {100 * count / total:4.0f}% of busy sessions: {what}")


def main() -> None:
    only_production = sys.argv[1:] == ["--production"]
    count = int(sys.argv[1]) if len(sys.argv) > 1 and not only_production else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "sqlite"
        if not only_production:
            bench("SQLite", f"sqlite:///{folder / 'central.db'}", folder, count)
        try:
            cluster = Cluster()
            cluster.start()
        except PostgresUnavailable as error:
            print(f"[PostgreSQL] skipped: {error}")
            return
        try:
            if not only_production:
                bench("PostgreSQL", cluster.new_database(), Path(tmp) / "pg", count)
            for same_person in (True, False):
                production(cluster, Path(tmp) / f"production-{same_person}", same_person)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
