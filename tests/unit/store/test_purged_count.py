"""The statistics say how many interviews they could not count: those purged under retention
(screening/store/documents.py purged_between, beside interviews_started_between)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from screening import paperwork
from screening.reports.period import Period
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import login


@pytest.fixture
def officer(supervisor, data_dir, clock):
    with login(data_dir, clock=clock) as session:
        yield session


def test_purged_interviews_are_counted_as_not_counted(officer, supervisor, clock):
    kept = officer.import_finalised(adult_no_indicators())
    purged = officer.import_finalised(adult_no_indicators())
    supervisor.mark_acknowledged(purged, 1)
    supervisor.set_retention_days(0)
    clock.advance(1)
    supervisor.purge_expired()
    day = dt.date.fromisoformat(supervisor.get_interview(purged).created_at[:10])
    quarter = Period(day.year, (day.month - 1) // 3 + 1)
    assert supervisor.purged_between(quarter.start, quarter.end) == 1
    assert supervisor.purged_between(quarter.end, quarter.end + dt.timedelta(days=90)) == 0
    assert officer.get_interview(kept).purged_at is None

    document = paperwork.quarterly(supervisor, quarter, checkpoint=None, suppress_below=None,
                                   lang="en", with_csv=False)
    assert document.uncounted == 1
    first_page = PdfReader(io.BytesIO(document.pdf)).pages[0].extract_text()
    assert "1 interview(s) of this period are not counted" in " ".join(first_page.split())
