"""Migration 0009 (notices), from every earlier revision, on SQLite and PostgreSQL: existing
data stays, the tables arrive empty and match the metadata, and going down removes exactly
them."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from screening.central import database
from screening.central.schema import metadata, notices

EARLIER = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")


@pytest.mark.parametrize("start", EARLIER)
def test_notices_arrive_from_every_earlier_revision_and_leave_cleanly(database_url, start):
    engine = database.open_engine(database_url)
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO staff (name, password_hash, created_at) "
                              "VALUES ('old', 'x', '2026-01-01T00:00:00+00:00')"))
        database.migrate(engine)
        with engine.connect() as conn:
            found = inspect(conn)
            for table in ("notices", "notice_suggestions"):
                assert {c["name"] for c in found.get_columns(table)} == \
                    set(metadata.tables[table].columns.keys())
            assert conn.execute(select(notices)).all() == []
        with engine.begin() as conn:
            command.downgrade(database._alembic_config(conn), "0005")
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            assert not {"notices", "notice_suggestions"} & tables
            assert conn.execute(text("SELECT name FROM staff")).scalars().all() == ["old"]
    finally:
        engine.dispose()
