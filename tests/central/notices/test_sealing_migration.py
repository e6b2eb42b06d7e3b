"""Migration 0010 (notices sealed at rest), from every earlier revision, on SQLite and
PostgreSQL: a notice an earlier central held in clear is sealed and its name key digested, the
migration refuses without the data key rather than leave names in clear, and going back down
gives the clear notice again."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import inspect, select, text

from screening.central import atrest, database
from screening.central.notices import queries as q
from screening.central.notices.model import Notice
from screening.central.repeats import matching
from screening.central.schema import metadata, notices
from screening.errors import ScreeningError

EARLIER = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0009")
RING = atrest.DataKeys({"0000abcd": b"\5" * 32}, "0000abcd")
PERSON = {"given_name": "Valbona", "family_name": "Çekaj", "date_of_birth": "1988-11-02",
          "travel": "JU510 Bruxelles", "note": "Brother Ilir meets her"}


def _clear_notice(conn) -> None:
    """A notice as central 0009 kept it: names, birth date, travel, note and name key clear."""
    conn.execute(text(
        "INSERT INTO notices (id, checkpoint, expected_date, given_name, family_name, "
        "date_of_birth, travel, note, notified_by, victim_suspected, child_suspected, name_key, "
        "birth_year, merged, created_at, created_by, updated_at) VALUES ('n-old', 'TIA', "
        "'2026-07-01', :given_name, :family_name, :date_of_birth, :travel, :note, 'iom', "
        "true, false, :key, 1988, 0, '2026-06-01', 'drita', '2026-06-01')"),
        {**PERSON, "key": matching.name_key(PERSON["given_name"], PERSON["family_name"])})


def _clear_columns(conn) -> dict:
    row = conn.execute(text("SELECT given_name, family_name, date_of_birth, travel, note, "
                            "name_key FROM notices WHERE id = 'n-old'")).mappings().one()
    return dict(row)


@pytest.mark.parametrize("start", EARLIER)
def test_migration_0010_seals_notices_from_every_earlier_revision(database_url, start):
    engine = database.open_engine(database_url)
    key = matching.name_key(PERSON["given_name"], PERSON["family_name"])
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        if start == "0009":
            with engine.begin() as conn:
                _clear_notice(conn)
            with pytest.raises(ScreeningError, match="data key is needed"):
                database.migrate(engine)  # no notice is left in clear, none half sealed
        atrest.attach(engine, RING)
        database.migrate(engine)
        assert database.is_current(engine)
        with engine.begin() as conn:
            assert {c["name"] for c in inspect(conn).get_columns("notices")} == \
                set(metadata.tables["notices"].columns.keys())
            if start != "0009":  # the table came empty: a notice recorded now
                q.add(conn, Notice(checkpoint="TIA", expected_date="2026-07-01",
                                   notified_by=("iom",), id="n-old", victim_suspected=True,
                                   **PERSON), "2026-06-01", "drita")
            row = conn.execute(select(notices.c.person, notices.c.name_key)).one()
            assert atrest.sealed_text(row.person) and "Valbona" not in row.person
            assert row.name_key == RING.name_digest(key)
            assert {k: v for k, v in q.get(conn, "n-old").items() if k in PERSON} == PERSON
            assert [n.id for n in q.unlinked_near(conn, "TIA", key, "2026-06-01",
                                                  "2026-07-31")] == ["n-old"]
        with engine.begin() as conn:  # back down: the notice in clear again, as 0009 had it
            command.downgrade(database._alembic_config(conn), "0009")
        with engine.connect() as conn:
            assert _clear_columns(conn) == {**PERSON, "name_key": key}
        database.migrate(engine)
        with engine.connect() as conn:
            assert q.get(conn, "n-old")["family_name"] == "Çekaj"
    finally:
        engine.dispose()


def test_a_database_without_notices_migrates_without_its_key(database_url):
    """Nothing to seal, nothing refused: a new central's first migration needs no key."""
    engine = database.open_engine(database_url)
    try:
        database.migrate(engine)
        assert database.is_current(engine)
        with engine.begin() as conn:
            command.downgrade(database._alembic_config(conn), "0009")
        with engine.connect() as conn:
            assert "given_name" in {c["name"] for c in inspect(conn).get_columns("notices")}
    finally:
        engine.dispose()
