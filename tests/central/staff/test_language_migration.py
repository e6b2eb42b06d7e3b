"""Migration 0005 (each staff account's console language), from every earlier revision, on
SQLite and on PostgreSQL: the accounts and their sessions stay, the language starts unset, and
going back down removes exactly the column."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from screening.central import database
from screening.central.schema import staff, staff_access

EARLIER = ("0001", "0002", "0003", "0004")


@pytest.mark.parametrize("start", EARLIER)
def test_the_language_column_joins_the_staff_table_from_every_earlier_revision(
        database_url, start):
    engine = database.open_engine(database_url)
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO staff (name, password_hash, created_at) "
                              "VALUES ('old', 'x', '2026-01-01T00:00:00+00:00')"))
        database.migrate(engine)
        assert database.is_current(engine)
        with engine.connect() as conn:
            assert conn.execute(select(staff.c.name, staff.c.language)).all() == [("old", None)]
            assert conn.execute(select(staff_access.c.role)).scalars().all() == (
                ["admin"] if start == "0001" else [])
        with engine.begin() as conn:
            conn.execute(staff.update().values(language="en"))
        with engine.begin() as conn:  # and back down: 0005 removes exactly what it added
            command.downgrade(database._alembic_config(conn), "0004")
        with engine.connect() as conn:
            assert "language" not in {c["name"] for c in inspect(conn).get_columns("staff")}
            assert conn.execute(text("SELECT name FROM staff")).scalars().all() == ["old"]
        database.migrate(engine)  # and up again
        with engine.connect() as conn:
            assert conn.execute(select(staff.c.language)).scalars().all() == [None]
    finally:
        engine.dispose()
