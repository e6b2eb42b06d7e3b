"""Migration 0004 (central's own assessment in case_facts) from every earlier revision, on
SQLite and PostgreSQL: the interviews already held are kept as they are, not judged again, and
their facts are computed again by central — never taken from the record's outcome."""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from screening.central import database, settings
from screening.central.batches import queries as batches
from screening.central.cases import queries as cases
from screening.central.schema import case_facts
from screening.central.service import open_central
from screening.sync import wire
from tests.unit.sync.batches import interview

_NEW = {"computed_outcome", "profile", "positive_dimensions"}


def _hold_the_old_way(conn, record: dict) -> None:
    """An interview as every earlier central stored it (plain SQL on the 0001 tables)."""
    at = "2026-11-20T09:00:00.000000+00:00"
    conn.execute(text("INSERT INTO devices (id, checkpoint, label, verify_key, enrolled_at) "
                      "VALUES ('dev-1', 'rinas', 'desk', 'k', :at)"), {"at": at})
    conn.execute(text("INSERT INTO batches (id, device_id, sequence, content_hash, "
                      "received_at, size, via, receipt) VALUES ('b-1', 'dev-1', 1, 'h', :at, "
                      "1, 'http', :r)"), {"at": at, "r": b"{}"})
    conn.execute(text("INSERT INTO interviews (id, device_id, checkpoint, form_id, "
                      "form_version, status, outcome, revision, received_at) VALUES (:id, "
                      "'dev-1', 'rinas', 'returnee_screening', '1.0', 'finalised', "
                      "'presumed_victim', 1, :at)"), {"id": record["id"], "at": at})
    conn.execute(text("INSERT INTO interview_revisions (interview_id, revision, content_hash, "
                      "record, batch_id) VALUES (:id, 1, :h, :rec, 'b-1')"),
                 {"id": record["id"], "h": wire.interview_content_hash(record),
                  "rec": wire.canonical_json(record).decode()})


@pytest.mark.parametrize("start", ["0001", "0002", "0003"])
def test_facts_held_before_0004_are_computed_again_and_nothing_else_changes(
        tmp_path, database_url, start):
    # the record's own outcome lies, its checkpoint is not one central knows today and its
    # form version is not the bundled one: held before the checks, it stays held and counted
    record = {**interview(checkpoint="rinas"), "outcome": "presumed_victim",
              "form_version": "1.0"}
    engine = database.open_engine(database_url)
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        with engine.begin() as conn:
            _hold_the_old_way(conn, record)
            if start != "0001":  # facts as an older central derived them, from the record
                conn.execute(text(
                    "INSERT INTO case_facts (interview_id, revision, case_reference, child, "
                    "outcome) VALUES (:id, 1, '', false, 'presumed_victim')"),
                    {"id": record["id"]})
    finally:
        engine.dispose()
    central = open_central(settings.Settings(tmp_path / "central", database_url))
    try:
        assert database.is_current(central.engine)
        with central.engine.connect() as conn:
            assert {c["name"] for c in inspect(conn).get_columns("case_facts")} >= _NEW
            case = cases.case(conn, record["id"])
            assert json.loads(cases.record(conn, record["id"])) == record  # kept as it came
            assert batches.current(conn, record["id"]).outcome == "presumed_victim"
        assert (case["outcome"], case["computed_outcome"], case["profile"]) == (
            "no_indicators", "no_indicators", "adult_labour")
        with central.engine.begin() as conn:  # and back down: 0004 removes what it added
            command.downgrade(database._alembic_config(conn), "0003")
        with central.engine.connect() as conn:
            assert not _NEW & {c["name"] for c in inspect(conn).get_columns("case_facts")}
            assert conn.execute(select(case_facts.c.interview_id)).scalars().all() == [
                record["id"]]
    finally:
        central.close()
