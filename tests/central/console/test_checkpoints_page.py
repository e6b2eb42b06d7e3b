"""The checkpoints page (console/routes/checkpoints.py), on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from screening.central.batches.ingest import ingest
from screening.central.console.app import create_console
from screening.central.console.context import ConsoleSettings
from screening.central.schema import devices
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    ENGLISH,
    TestClient,
    adult,
    interview_record,
)


def test_quiet_checkpoints_are_listed_first(central, admin):
    quiet = enrol_station(central, "KKV")
    busy = enrol_station(central, "TIA")
    ingest(central, busy.batch([interview_record(adult())]))
    long_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=30)).isoformat()
    with central.engine.begin() as conn:
        conn.execute(update(devices).where(devices.c.id == quiet.device_id)
                     .values(enrolled_at=long_ago))
    page = admin.get("/console/checkpoints").text
    assert page.index("KKV") < page.index("TIA")
    assert "1 quiet" in page and "more than 24 hours" in page
    short = create_console(central, ConsoleSettings(quiet_hours=48))
    with TestClient(short, headers=ENGLISH) as other:
        other.cookies.set("rs_console", admin.cookies.get("rs_console"))
        assert "1 quiet" not in other.get("/checkpoints").text
