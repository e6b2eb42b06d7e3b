"""The case file: one builder turns a stored interview and its audit trail into what the slip
and the record are made from, for the workstation and central alike."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.errors import ReportError
from screening.reports.casefile import build_case_file
from screening.reports.record import build_record
from tests.answer_sets import adult_no_indicators
from tests.unit.reports.helpers import squeeze, text

STORED = {"id": "3f9a1c7e-1111-4222-8333-444455556666", "form_id": "returnee_screening",
          "form_version": "2026.1", "checkpoint": "TIA", "officer": "olsi",
          "created_at": "2026-11-23T08:00:00.000000+00:00", "status": "finalised",
          "answers": adult_no_indicators(), "revision": 4, "assessment": None}
TRAIL = [("interview_created", "2026-11-23T08:00:00+00:00", "olsi"),
         ("interview_finalised", "2026-11-23T08:40:00+00:00", "olsi"),
         ("interview_returned", "2026-11-23T09:00:00+00:00", "sara"),
         ("interview_finalised", "2026-11-23T09:30:00+00:00", "olsi")]


def test_the_case_file_of_a_stored_interview():
    case = build_case_file(STORED, TRAIL)
    assert case.case_reference == "TIA-261123-3F9A1C"
    assert (case.form_id, case.form_version) == ("returnee_screening", "2026.1")
    assert case.officer == "olsi" and case.status == "finalised"
    # the start the officer wrote down, not the moment the row was made
    assert case.started_at == dt.datetime(2026, 7, 1, 10, 0)
    # the last finalisation counts: a correction made the first one void
    assert case.finalised_at == dt.datetime.fromisoformat("2026-11-23T09:30:00+00:00")
    assert [e["actor"] for e in case.audit] == ["olsi", "olsi", "sara", "olsi"]


def test_without_a_written_start_the_creation_time_is_the_start():
    answers = {k: v for k, v in adult_no_indicators().items() if k != "interview_started_at"}
    case = build_case_file({**STORED, "answers": answers, "status": "draft"}, TRAIL)
    assert case.started_at == dt.datetime.fromisoformat(STORED["created_at"])
    assert case.finalised_at is None  # a draft being edited has no finalisation


def test_an_interview_without_a_case_reference_is_a_coded_refusal():
    with pytest.raises(ReportError) as raised:
        build_case_file({**STORED, "checkpoint": "T1"}, TRAIL)
    assert raised.value.code == "case_reference_missing"


def test_the_record_prints_the_trail_of_the_case_file(standard_form, reference):
    words = squeeze(text(build_record(build_case_file(STORED, TRAIL), standard_form,
                                      reference, lang="en")))
    assert "TIA-261123-3F9A1C" in words and "Returnedforcorrection" in words
    assert "sara" in words
