"""Migration 0012 (a referral's expected exit), from every earlier revision, on SQLite and
PostgreSQL: the column arrives empty, the referrals already held stay, and down and up again
gives back the expected exit from the append-only events."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, text

from screening.central import database

EARLIER = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010",
           "0011")


def columns(engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("referrals")}


@pytest.mark.parametrize("start", EARLIER)
def test_the_expected_exit_arrives_from_every_earlier_revision(database_url, start):
    engine = database.open_engine(database_url)
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        database.migrate(engine)
        assert "expected_exit_date" in columns(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM referrals WHERE "
                                     "expected_exit_date IS NOT NULL")).scalar() == 0
    finally:
        engine.dispose()


def test_down_and_up_again_keeps_the_expected_exit(database_url):
    engine = database.open_engine(database_url)
    try:
        database.migrate(engine)
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO devices (id, checkpoint, label, verify_key, enrolled_at) VALUES "
                "('d1', 'TIA', 'desk', 'k1', '2026-11-01T00:00:00+00:00')"))
            conn.execute(text(
                "INSERT INTO interviews (id, device_id, checkpoint, form_id, form_version, "
                "status, revision, received_at) VALUES ('i1', 'd1', 'TIA', 'f', '2026.2', "
                "'approved', 1, '2026-11-01T00:00:00+00:00')"))
            for rid, exit_date in ((1, None), (2, "2026-11-20")):
                conn.execute(text(
                    "INSERT INTO referrals (id, interview_id, source_key, kind, organisation, "
                    "urgent, child, data_sharing_consent, status, sent_at, updated_at, "
                    "admission_date, exit_date) VALUES (:id, 'i1', :key, 'primary', 'nrcvt', "
                    "false, false, true, 'arrived', '2026-11-01', '2026-11-01', '2026-11-02', "
                    ":exit)"), {"id": rid, "key": f"checkpoint:{rid}", "exit": exit_date})
                for day in ("2026-12-31", "2027-02-01"):  # the newest plan counts
                    conn.execute(text(
                        "INSERT INTO referral_events (referral_id, event, at, actor, day) "
                        "VALUES (:id, 'exit_expected', '2026-11-03', 'drita', :day)"),
                        {"id": rid, "day": day})
        with engine.begin() as conn:
            command.downgrade(database._alembic_config(conn), "0011")
        assert "expected_exit_date" not in columns(engine)
        database.migrate(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT id, expected_exit_date FROM referrals ORDER BY id")
                                ).all() == [(1, "2027-02-01"), (2, None)]
    finally:
        engine.dispose()
