"""The batch inbox page (console/routes/batches.py), on SQLite and on PostgreSQL."""

from __future__ import annotations

import re

from screening.central.batches.ingest import ingest
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    adult,
    child,
    interview_record,
)


def test_the_inbox_lists_batches_and_highlights_gaps(central, admin):
    station = enrol_station(central, "TIA")
    ingest(central, station.batch([interview_record(adult(), seq=1),
                                   interview_record(child(), seq=2)]))
    ingest(central, station.batch([interview_record(adult(), seq=3)], sequence=4))
    page = admin.get("/console/batches")
    assert page.status_code == 200
    rows = re.findall(r"<tr( class=\"gap\")?>\s*<td>", page.text)
    assert len(rows) == 2 and rows[0] == ' class="gap"' and rows[1] == ""
    assert "#2–#3 missing" in page.text and "#4" in page.text
    assert re.search(r'<td class="num">2</td>', page.text)  # the first batch's interviews
    assert "accepted" in page.text
    only = admin.get(f"/console/batches?device={station.device_id}")
    assert "2 batches received from this workstation" in only.text
