"""Opening central brings what it derives from the interviews up to date (SQLite and
PostgreSQL), for data an older central stored: case facts, repeat-victim candidates and the
revocation list, which the pages no longer refresh themselves."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select

from screening.central import schema
from screening.central.batches.ingest import ingest
from screening.central.clock import utc_now
from screening.central.devices import queries as devices
from screening.central.reference import queries as published
from screening.central.repeats import candidates
from screening.central.service import open_central
from tests.central.conftest import enrol_station
from tests.unit.sync.batches import interview


def _count(conn, table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_opening_central_catches_up_what_an_older_central_left_stale(central, station):
    records = []
    for _ in range(2):
        record = interview(str(uuid.uuid4()))
        record["answers"].update(given_name="Arta", family_name="Hoxha",
                                 interview_started_at="2026-08-01T09:00:00",
                                 id_document_type="passport", id_document_number="AB 123456")
        records.append(record)
    ingest(central, station.batch(records))
    other = enrol_station(central, "KKV")
    with central.engine.begin() as conn:
        assert _count(conn, schema.case_facts) == 2
        assert _count(conn, schema.match_candidates) == 1
        for table in (schema.case_facts, schema.match_candidates, schema.match_keys):
            conn.execute(delete(table))
        devices.revoke(conn, other.device_id, utc_now())
    assert candidates.list_candidates(central) == []  # listing only reads
    reopened = open_central(central.settings)
    try:
        with reopened.engine.connect() as conn:
            assert _count(conn, schema.case_facts) == 2
            assert _count(conn, schema.match_keys) == 2
            revoked = published.latest_of(conn, "revocations", "revocations")
        [pair] = candidates.list_candidates(reopened)
        assert pair["reason"] == "document_number"
        assert revoked is not None and other.device_id in revoked.document
        assert candidates.refresh(reopened.engine) == 0  # nothing left stale
    finally:
        reopened.close()
