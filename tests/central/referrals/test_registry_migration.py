"""Migration 0006 (the case registry), from every earlier revision, on SQLite and PostgreSQL:
the accounts stay with no organisation, the registry's tables appear (their history
append-only), and going back down removes exactly what it added."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from screening.central import database
from screening.central.schema import staff_access

EARLIER = ("0001", "0002", "0003", "0004", "0005")
ADDED = {"referrals", "referral_events", "referral_sources", "identifications", "follow_ups"}


@pytest.mark.parametrize("start", EARLIER)
def test_the_registry_arrives_from_every_earlier_revision_and_leaves_cleanly(
        database_url, start):
    engine = database.open_engine(database_url)
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO staff (name, password_hash, created_at) "
                              "VALUES ('old', 'x', '2026-01-01T00:00:00+00:00')"))
        before = set(inspect(engine).get_table_names())
        database.migrate(engine)
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) >= ADDED
            assert conn.execute(select(staff_access.c.role, staff_access.c.organisation)
                                ).all() == ([("admin", None)] if start == "0001" else [])
        with engine.begin() as conn:
            command.downgrade(database._alembic_config(conn), "0005")
        with engine.connect() as conn:
            assert not ADDED & set(inspect(conn).get_table_names())
            assert "organisation" not in {c["name"] for c in
                                          inspect(conn).get_columns("staff_access")}
            assert conn.execute(text("SELECT name FROM staff")).scalars().all() == ["old"]
        database.migrate(engine)  # and up again: the triggers are made afresh
        assert database.is_current(engine)
        assert before <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
