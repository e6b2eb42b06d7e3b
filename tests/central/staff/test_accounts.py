"""Migration 0002 (the console's tables) and the staff role commands."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import select, text

from screening.central import database, settings
from screening.central.app import create_app
from screening.central.refusals import Refused
from screening.central.schema import staff, staff_access
from screening.central.service import open_central
from screening.central.staff import accounts
from tests.central.console.helpers import ENGLISH, TestClient, add_staff, csrf_of
from tests.central.live import run_cli


def test_staff_made_before_the_console_keep_their_rights(tmp_path, database_url):
    engine = database.open_engine(database_url)
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), "0001")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO staff (name, password_hash, created_at) "
                              "VALUES ('old', 'x', '2026-01-01T00:00:00+00:00')"))
        database.migrate(engine)
        with engine.connect() as conn:
            assert conn.execute(select(staff_access.c.role)).scalars().all() == ["admin"]
        assert database.is_current(engine)
        with engine.begin() as conn:  # and back down: 0002 removes exactly what it made
            command.downgrade(database._alembic_config(conn), "0001")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM staff")).scalars().all() == ["old"]
    finally:
        engine.dispose()


def test_staff_add_takes_a_role_and_staff_role_changes_it(tmp_path):
    home, url = tmp_path / "central", f"sqlite:///{tmp_path / 'central.db'}"
    env = {"SCREENING_CENTRAL_PASSWORD": "a long staff password"}
    made = run_cli(home, url, "staff", "add", "drita", "--role", "admin", env=env)
    assert made.returncode == 0 and "(admin)" in made.stdout, made.stderr
    viewer = run_cli(home, url, "staff", "add", "ilir", env=env)
    assert viewer.returncode == 0 and "(viewer)" in viewer.stdout, viewer.stderr
    changed = run_cli(home, url, "staff", "role", "ilir", "admin")
    assert changed.returncode == 0 and "now admin" in changed.stdout
    unknown = run_cli(home, url, "staff", "role", "nobody", "admin")
    assert unknown.returncode == 1 and "staff_unknown" in unknown.stderr
    central = open_central(settings.Settings(home, url))
    try:
        with central.engine.connect() as conn:
            assert sorted(conn.execute(select(staff_access.c.role)).scalars()) == \
                ["admin", "admin"]
        with TestClient(create_app(central), headers=ENGLISH) as client:
            page = client.get("/console/login")
            answer = client.post("/console/login", data={
                "name": "drita", "password": "a long staff password",
                "csrf": csrf_of(page.text)}, follow_redirects=False)
            assert answer.status_code == 303
    finally:
        central.close()


def test_staff_rows_are_unchanged_by_the_console(central):
    add_staff(central, "drita", "admin")
    assert accounts.set_role(central.engine, "drita", "viewer", by="ilir")
    assert not accounts.set_role(central.engine, "nobody", "viewer", by="ilir")
    with pytest.raises(Refused, match="role must be one of"):
        accounts.set_role(central.engine, "drita", "root", by="ilir")
    with central.engine.connect() as conn:
        assert conn.execute(select(staff.c.name)).scalars().all() == ["drita"]
        assert conn.execute(select(staff_access.c.role)).scalar() == "viewer"
