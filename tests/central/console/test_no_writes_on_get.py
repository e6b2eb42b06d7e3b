"""No GET writes to central's database (SQLite and PostgreSQL): every console page and download,
and the workstations' reference pull, leave every table as it was — even when what central
derives from the interviews is stale (an interview's case facts and match keys gone, a device
revoked without its revocation list published), as an older central could leave them. The
only writes a GET may cause are the staff audit of a download or of a view of a case or a
referral, and the session's idle clock."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import delete, select

from screening.central import schema
from screening.central.app import create_app
from screening.central.batches.ingest import ingest
from screening.central.clock import utc_now
from screening.central.devices import queries as devices
from screening.sync import packages
from tests.answer_sets import with_yes
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    ENGLISH,
    TestClient,
    add_staff,
    adult,
    interview_record,
    logged_in,
)

DOWNLOADS = {"record_downloaded", "report_downloaded", "tables_downloaded"}
VIEWS = {"case_viewed", "referral_viewed"}  # every view of a case or a referral is audited


def _victim(**overrides: Any) -> dict[str, Any]:
    return with_yes(adult(officer_outcome="suspected_victim",
                          action_taken="referred_police_at_unit",
                          referral_organisation="police_anti_trafficking",
                          referral_urgent="yes", id_document_number="AB1234567",
                          previously_assisted_as_victim="no", **overrides), "ind_violence")


def dump(central) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order; the sessions without their idle clock."""
    found = {}
    with central.engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            columns = [c for c in table.c if c.name != "last_seen_at"]
            found[table.name] = sorted(tuple(repr(v) for v in row)
                                       for row in conn.execute(select(*columns)))
    return found


@pytest.fixture
def stale(central) -> dict[str, str]:
    """Two victim interviews that match, one of them stale; a device revoked behind
    central's back (the list not published)."""
    station = enrol_station(central, "TIA")
    earlier = interview_record(_victim(interview_started_at="2025-08-01T09:00:00"),
                               created_at="2025-08-01T09:00:00+00:00",
                               outcome="suspected_victim", seq=1)
    later = interview_record(_victim(given_name="Arbeni",
                                     interview_started_at="2026-08-03T09:00:00"),
                             created_at="2026-08-03T09:00:00+00:00",
                             outcome="suspected_victim", seq=2)
    receipt = ingest(central, station.batch([earlier, later]))
    gone = enrol_station(central, "KKV")
    with central.engine.begin() as conn:
        conn.execute(delete(schema.case_facts)
                     .where(schema.case_facts.c.interview_id == later["id"]))
        conn.execute(delete(schema.match_candidates))
        conn.execute(delete(schema.match_keys)
                     .where(schema.match_keys.c.interview_id == later["id"]))
        devices.revoke(conn, gone.device_id, utc_now())
    return {"earlier": earlier["id"], "later": later["id"], "device": station.device_id,
            "batch": json.loads(receipt)["batch_id"], "gone": gone.device_id,
            "station": station}


def test_no_get_writes_to_the_database(central, stale):
    add_staff(central, "drita", "admin")
    station = stale.pop("station")
    with TestClient(create_app(central), headers=ENGLISH) as client:
        logged_in(client, "drita")
        before = dump(central)
        pages = ["/", "/console/", "/console/login", "/console/batches",
                 f"/console/batches?device={stale['device']}", "/console/devices",
                 f"/console/devices/{stale['device']}/revoke", "/console/checkpoints",
                 "/console/cases", "/console/cases?quarter=2026Q3&child=no",
                 "/console/cases?ref=TIA-260803-ABCDEF",
                 *(f"/console/cases/{stale[k]}" for k in ("earlier", "later")),
                 f"/console/cases/{stale['later']}/record.pdf?lang=en",
                 "/console/matches", "/console/matches?status=all",
                 "/console/referrals", "/console/referrals?status=declined",
                 "/console/referrals/queue",
                 "/console/statistics", "/console/statistics?quarter=2026Q3",
                 "/console/statistics/report.pdf?quarter=2026Q3",
                 "/console/statistics/tables.zip?quarter=2026Q3&k=3",
                 "/console/static/console.css", "/v1/health",
                 f"/v1/batches/{stale['batch']}/receipt"]
        for path in pages:
            answer = client.get(path)
            assert answer.status_code == 200, (path, answer.text[:300])
        pull = client.get("/v1/reference?since=0",
                          headers=packages.sign_request(station.device_id, 0, station.key))
        assert pull.status_code == 200 and pull.json()["packages"] == []
        after = dump(central)
    after.pop("console_events")
    earlier = len(before.pop("console_events"))
    for table, rows in before.items():
        assert after[table] == rows, f"a GET changed {table}"
    with central.engine.connect() as conn:
        actions = conn.execute(select(schema.console_events.c.action)
                               .order_by(schema.console_events.c.id)).scalars().all()
    assert sorted(actions[earlier:]) == sorted([*DOWNLOADS, "case_viewed", "case_viewed"])
