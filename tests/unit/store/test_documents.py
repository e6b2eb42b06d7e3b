"""What the documents read from the store: the plain interview mapping, the audit trail, the
interviews of a period and the rules for printing."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.errors import (
    InterviewNotFoundError,
    InterviewStateError,
    PermissionDeniedError,
    ReauthenticationNeededError,
)
from screening.reports.casefile import build_case_file, case_file_from
from tests.answer_sets import BUNDLED, adult_no_indicators
from tests.unit.store.helpers import login


@pytest.fixture
def officer(supervisor, data_dir, clock):
    with login(data_dir, clock=clock) as session:
        yield session


def test_what_the_store_hands_over_makes_the_case_file_the_reports_take(officer):
    interview_id = officer.import_finalised(adult_no_indicators(given_name="Besa"))
    data = build_case_file(*officer.printable(interview_id))
    record = officer.get_interview(interview_id)
    assert data.case_reference == record.case_reference
    assert data.case_reference.startswith("KKV-")
    assert data.officer == "olsi" and data.status == "finalised"
    assert data.finalised_at and data.answers["given_name"] == "Besa"
    assert data.finalised_at == dt.datetime.fromisoformat(data.audit[-1]["at"])
    # as written on paper, not the import
    assert data.started_at == dt.datetime.fromisoformat("2026-07-01T10:00:00")
    assert case_file_from(data).case_reference == data.case_reference
    assert (data.form_id, data.form_version) == (record.form_id, record.form_version)
    assert officer.printable(data.case_reference.lower())[0]["id"] == interview_id


def test_an_officer_reaches_only_their_own_by_reference_too(officer, supervisor):
    mine = officer.import_finalised(adult_no_indicators())
    theirs = supervisor.import_finalised(adult_no_indicators())
    reference = supervisor.get_interview(theirs).case_reference
    with pytest.raises(InterviewNotFoundError):
        officer.printable(reference)
    with pytest.raises(InterviewNotFoundError):
        officer.interview_audit(theirs)
    assert [e["action"] for e in officer.interview_audit(mine)] == ["interview_imported"]
    assert supervisor.interview_audit(mine)[0]["actor"] == "olsi"


def test_the_period_holds_counted_interviews_by_their_start_time(officer, supervisor):
    july = officer.import_finalised(adult_no_indicators())  # started 2026-07-01
    officer.import_finalised(adult_no_indicators(interview_started_at="2026-10-01T00:30:00"))
    officer.start_interview(*BUNDLED)  # a draft is not counted
    supervisor.import_finalised(adult_no_indicators())
    q3 = (dt.date(2026, 7, 1), dt.date(2026, 10, 1))
    assert [r.id for r in officer.interviews_started_between(*q3)] == [july]
    assert len(list(supervisor.interviews_started_between(*q3))) == 2


def test_slips_and_exports_are_for_supervisors_with_a_recent_password(officer, supervisor,
                                                                      clock):
    interview_id = officer.import_finalised(adult_no_indicators())
    with pytest.raises(PermissionDeniedError, match="print a referral slip"):
        officer.record_event("slip_printed", interview_id)
    with pytest.raises(PermissionDeniedError, match="quarterly statistics"):
        officer.record_export("report_exported", {"quarter": "2026Q3"})
    officer.record_event("record_printed", interview_id)
    supervisor.record_event("slip_printed", interview_id)
    clock.advance(10 * 60)
    with pytest.raises(ReauthenticationNeededError):
        supervisor.record_export("report_exported", {"quarter": "2026Q3"})


def test_a_purged_interview_has_nothing_to_print(officer, supervisor, clock):
    interview_id = officer.import_finalised(adult_no_indicators())
    supervisor.mark_acknowledged(interview_id, 1)
    supervisor.set_retention_days(0)
    clock.advance(1)
    supervisor.purge_expired()
    with pytest.raises(InterviewStateError, match="retention"):
        supervisor.printable(interview_id)
