"""The server process killed with SIGKILL in the middle of an ingest, on PostgreSQL: the
ingest is held inside its transaction by a table lock the test owns, so the kill lands after
the batch and interview rows were written and before the commit. Nothing of the batch may
survive; the client's retry on a restarted server completes it exactly once."""

from __future__ import annotations

import threading

import pytest
import requests
from sqlalchemy import text

from screening.central import settings
from screening.central.batches import queries as batches
from screening.central.service import open_central
from tests.central.conftest import enrol_station
from tests.central.live import LiveCentral, wait_until
from tests.unit.sync.batches import interview

_WAITING = text("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query ILIKE '%audit_entries%'")
_ALIVE = text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid")


def fresh(conn, query, **params) -> list:
    # pg_stat_activity is a per-transaction snapshot: end the transaction to see it change.
    rows = conn.execute(query, params).scalars().all()
    conn.rollback()
    return rows


@pytest.fixture
def staff_side(postgres_cluster, tmp_path):
    url = postgres_cluster.new_database()
    central = open_central(settings.Settings(tmp_path, url))
    yield central
    central.close()


def test_sigkill_during_ingest_leaves_nothing_and_the_retry_completes(staff_side, tmp_path,
                                                                      request):
    url = staff_side.settings.db_url
    station = enrol_station(staff_side)
    raw = station.batch([interview() for _ in range(30)])
    server = LiveCentral(tmp_path, url)
    request.addfinalizer(server.stop)  # also when an assertion fails half-way
    answers: list[object] = []

    def send() -> None:
        try:
            answers.append(requests.post(f"{server.url}/v1/batches", data=raw, timeout=60))
        except requests.RequestException as error:
            answers.append(error)

    with staff_side.engine.connect() as blocker:
        blocker.execute(text("LOCK TABLE audit_entries IN ACCESS EXCLUSIVE MODE"))
        sender = threading.Thread(target=send)
        sender.start()
        with staff_side.engine.connect() as probe:
            wait_until(lambda: len(fresh(probe, _WAITING)) == 1, what="ingest to block")
            (ingest_pid,) = fresh(probe, _WAITING)
            server.kill()
            sender.join(timeout=60)
            blocker.rollback()  # releases the lock; the orphaned backend finds its client gone
            wait_until(lambda: fresh(probe, _ALIVE, pid=ingest_pid) == [0],
                       what="the killed server's backend to end")
    assert isinstance(answers[0], requests.ConnectionError)
    with staff_side.engine.connect() as conn:
        assert (batches.count(conn), len(batches.listing(conn)),
                batches.count_audit(conn)) == (0, 0, 0)
    server.stop()
    restarted = LiveCentral(tmp_path, url)
    request.addfinalizer(restarted.stop)
    try:
        answer = requests.post(f"{restarted.url}/v1/batches", data=raw, timeout=60)
        assert answer.status_code == 200, answer.text
        assert [r["result"] for r in answer.json()["results"]] == ["stored"] * 30
    finally:
        restarted.stop()
    with staff_side.engine.connect() as conn:
        assert (batches.count(conn), len(batches.listing(conn)),
                batches.count_audit(conn)) == (1, 30, 30)
