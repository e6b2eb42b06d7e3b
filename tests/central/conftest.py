"""Central fixtures. Every ``database_url`` test runs on SQLite and on a real PostgreSQL
cluster started on loopback for the session. scripts/test installs PostgreSQL
(scripts/system-packages), so a missing server fails loudly: a skipped test proves nothing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from screening import crypto
from screening.central import settings
from screening.central.batches import queries as batches
from screening.central.cases import facts
from screening.central.clock import utc_now
from screening.central.devices import enrolment
from screening.central.service import Central, open_central
from screening.sync import wire
from tests.central.live import LiveCentral
from tests.central.postgres import Cluster, PostgresUnavailable
from tests.unit.sync.batches import Workstation


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    try:
        cluster = Cluster()
        cluster.start()
    except PostgresUnavailable as error:
        pytest.fail(f"PostgreSQL is needed (run scripts/system-packages): {error}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """A central SQLite database migrated to the newest schema, once: copied for each test
    that opens central, instead of running every migration again (0.3 s a test)."""
    folder = tmp_path_factory.mktemp("migrated")
    _migrate(folder, f"sqlite:///{folder / 'central.db'}")
    return folder / "central.db"


@pytest.fixture(scope="session")
def migrated_postgres(postgres_cluster, tmp_path_factory) -> str:
    """The same on PostgreSQL: a template database each test's database is created from."""
    url = postgres_cluster.new_database()
    _migrate(tmp_path_factory.mktemp("migrated-pg"), url)
    return url.rsplit("/", 1)[1]


def _migrate(folder: Path, url: str) -> None:
    config = settings.Settings(folder / "central", url, wire.Limits())
    open_central(config).close()  # migrations only: it stores no row (keys stay outside)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> Iterator[str]:
    """An empty database for migration tests; a migrated one when the test opens central.
    A PostgreSQL database is dropped after its test: 400 of them (8 MB each) written and
    left for the end took the disk's time during the run and half a minute to delete."""
    migrated = "central" in request.fixturenames
    if request.param == "sqlite":
        path = tmp_path / "central.db"
        if migrated:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            with contextlib.closing(sqlite3.connect(request.getfixturevalue(
                    "migrated_sqlite"))) as source, contextlib.closing(
                    sqlite3.connect(path)) as target:
                source.backup(target)  # the WAL's pages too
        yield f"sqlite:///{path}"
        return
    cluster = request.getfixturevalue("postgres_cluster")
    url = cluster.new_database(template=request.getfixturevalue("migrated_postgres")) \
        if migrated else cluster.new_database()
    yield url
    cluster.drop_database(url)


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[LiveCentral]:
    """A real central server on loopback for a module's tests, on SQLite (a module may
    define its own: on PostgreSQL, with other settings)."""
    data_dir = tmp_path_factory.mktemp("central")
    server = LiveCentral(data_dir, f"sqlite:///{data_dir / 'central.db'}")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def staff_side(live) -> Iterator[Central]:
    """Central opened in the test process on the live server's database, as staff see it (no
    process per look)."""
    central = open_central(settings.Settings(live.data_dir, live.db_url), migrate=False)
    yield central
    central.close()


@pytest.fixture
def small_limits() -> wire.Limits:
    return wire.Limits(compressed=256 * 1024, decompressed=4 * 1024 * 1024)


@pytest.fixture
def central(tmp_path, database_url, small_limits) -> Iterator[Central]:
    config = settings.Settings(tmp_path / "central", database_url, small_limits)
    opened = open_central(config)
    yield opened
    opened.close()


def enrol_station(central: Central, checkpoint: str = "TIA") -> Workstation:
    key = crypto.new_signing_key()
    code = enrolment.new_code(central, checkpoint, by="drita")
    request = wire.parse_enrol_request(wire.build_enrol_request(code, key, "desk"))
    response = enrolment.enrol(central, request)
    return Workstation(response.device_id, key, crypto.load_recipient_key(
        response.encryption_key))


def held_before_checks(central: Central, station: Workstation, records: list[dict]) -> None:
    """Store ``records`` as a central older than its interview checks did, unjudged: the
    existing data a newer central must keep and show, never refuse."""
    raw = station.batch(records)
    header, now = wire.parse_batch(raw).header, utc_now()
    with central.engine.begin() as conn:
        batches.add(conn, batches.StoredBatch(header.batch_id, station.device_id,
                                              header.sequence, header.content_hash, b""),
                    received_at=now, via="http", raw=raw)
        batches.insert_current(conn, [batches.Held(
            r["id"], station.device_id, r["checkpoint"], r["form_id"], r["form_version"],
            r["status"], r.get("outcome"), r["revision"], now) for r in records])
        batches.add_revisions(conn, [(r["id"], r["revision"], wire.interview_content_hash(r),
                                      wire.canonical_json(r).decode()) for r in records],
                              header.batch_id)
        facts.refresh(conn)


@pytest.fixture
def station(central) -> Workstation:
    return enrol_station(central)


def data_dir(central: Central) -> Path:
    return central.settings.data_dir
