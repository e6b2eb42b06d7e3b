"""Migration 0011 (the checkpoints a staff account is limited to), from every earlier revision,
on SQLite and on PostgreSQL: every account stays and sees every checkpoint, as before; a limit
can be set after it; going back down removes exactly the table."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from screening.central import database
from screening.central.schema import staff, staff_checkpoints
from screening.central.staff import queries

EARLIER = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010")


@pytest.mark.parametrize("start", EARLIER)
def test_existing_accounts_stay_unlimited_from_every_earlier_revision(database_url, start):
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
            old = conn.execute(select(staff.c.id).where(staff.c.name == "old")).scalar_one()
            assert queries.checkpoints_of(conn, old) == ()  # every checkpoint, as before
        with engine.begin() as conn:
            queries.set_checkpoints(conn, old, ["TIA", "KKV"])
        with engine.connect() as conn:
            assert queries.checkpoints_of(conn, old) == ("KKV", "TIA")
        with engine.begin() as conn:  # and back down: 0011 removes exactly what it added
            command.downgrade(database._alembic_config(conn), "0010")
        with engine.connect() as conn:
            assert "staff_checkpoints" not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT name FROM staff")).scalars().all() == ["old"]
        database.migrate(engine)  # and up again
        with engine.connect() as conn:
            assert conn.execute(select(staff_checkpoints)).all() == []
    finally:
        engine.dispose()
