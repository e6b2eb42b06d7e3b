"""Production's shape (installer/central/README.md): two central processes (two uvicorn
instances) on one PostgreSQL server, twenty workstations syncing at once, each batch sent to
both processes at the same moment. Central holds every interview exactly once, each batch has
one receipt (the same bytes from either process) and no sequence number is taken twice."""

from __future__ import annotations

import concurrent.futures
import random
import threading

import pytest
from sqlalchemy import func, select

from screening import crypto
from screening.central import settings
from screening.central.batches import queries as held
from screening.central.devices import enrolment
from screening.central.schema import batches as batch_table
from screening.central.service import open_central
from screening.sync import wire
from screening.sync.transport import CentralClient
from tests.central.live import LiveCentral, run_cli
from tests.unit.sync.batches import Workstation, interview

STATIONS, BATCHES, PER_BATCH = 20, 3, 10


@pytest.fixture(scope="module")
def two_centrals(postgres_cluster, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("central")
    url = postgres_cluster.new_database()
    migrated = run_cli(data_dir, url, "migrate")  # the keys and the schema, once
    assert migrated.returncode == 0, migrated.stderr
    servers = [LiveCentral(data_dir, url), LiveCentral(data_dir, url)]
    yield servers
    for server in servers:
        server.stop()


def test_two_processes_take_twenty_workstations_at_once_exactly_once(two_centrals):
    first, second = two_centrals
    staff = open_central(settings.Settings(first.data_dir, first.db_url), migrate=False)
    try:
        stations = []
        for n in range(STATIONS):
            client = CentralClient((first, second)[n % 2].url)
            key = crypto.new_signing_key()
            try:
                response = client.enrol(enrolment.new_code(staff, "TIA", by="drita"), key)
            finally:
                client.close()
            stations.append((Workstation(response.device_id, key, crypto.load_recipient_key(
                response.encryption_key)), crypto.load_verify_key(response.verify_key)))
        receipts: dict[str, set[bytes]] = {}
        lock = threading.Lock()
        start = threading.Barrier(STATIONS)

        def sync(station: Workstation, central_key: crypto.Ed25519PublicKey) -> int:
            clients = [CentralClient(first.url), CentralClient(second.url)]
            stored = 0
            try:
                start.wait(timeout=60)
                for _ in range(BATCHES):
                    raw = station.batch([interview() for _ in range(PER_BATCH)])
                    random.shuffle(clients)
                    with concurrent.futures.ThreadPoolExecutor(2) as both:  # the same batch
                        answers = list(both.map(lambda c, raw=raw: c.send_batch(
                            raw, central_key), clients))
                    batch_id = wire.parse_batch(raw).header.batch_id
                    for client in clients:
                        got = client.session.get(f"{client.base}/v1/batches/{batch_id}/receipt",
                                                 timeout=30).content
                        with lock:
                            receipts.setdefault(batch_id, set()).add(got)
                    # both processes answer with the one receipt the batch has
                    assert answers[0] == answers[1]
                    stored += sum((r.result, r.code) == ("stored", "new")
                                  for r in answers[0].results)
            finally:
                for client in clients:
                    client.close()
            return stored

        with concurrent.futures.ThreadPoolExecutor(STATIONS) as pool:
            stored = sum(pool.map(lambda s: sync(*s), stations))
        total = STATIONS * BATCHES * PER_BATCH
        assert stored == total
        assert len(receipts) == STATIONS * BATCHES
        assert all(len(found) == 1 for found in receipts.values())  # one receipt per batch
        with staff.engine.connect() as conn:
            assert len(held.listing(conn)) == held.count_revisions(conn) == total
            assert held.count(conn) == STATIONS * BATCHES
            pairs = conn.execute(select(func.count()).select_from(
                select(batch_table.c.device_id, batch_table.c.sequence).distinct()
                .subquery())).scalar_one()
            assert pairs == STATIONS * BATCHES
    finally:
        staff.close()
