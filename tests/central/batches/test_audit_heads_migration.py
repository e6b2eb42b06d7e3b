"""Migration 0008 (the audit heads central confirmed per device), from every earlier revision,
on SQLite and on PostgreSQL: what was held stays, the table starts empty, and going back down
removes exactly the table."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from screening.central import database
from screening.central.schema import audit_heads, devices

EARLIER = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")


@pytest.mark.parametrize("start", EARLIER)
def test_the_audit_heads_table_joins_from_every_earlier_revision(database_url, start):
    engine = database.open_engine(database_url)
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO devices (id, checkpoint, label, verify_key, "
                              "enrolled_at) "
                              "VALUES ('dev-1', 'TIA', 'desk', 'k', '2026-01-01T00:00:00+00:00')"))
        database.migrate(engine)
        assert database.is_current(engine)
        with engine.connect() as conn:
            assert conn.execute(select(devices.c.id)).scalars().all() == ["dev-1"]
            assert conn.execute(select(audit_heads)).all() == []
        with engine.begin() as conn:
            command.downgrade(database._alembic_config(conn), "0005")
        with engine.connect() as conn:
            assert "audit_heads" not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT id FROM devices")).scalars().all() == ["dev-1"]
        database.migrate(engine)  # and up again
        with engine.connect() as conn:
            assert conn.execute(select(audit_heads)).all() == []
    finally:
        engine.dispose()
