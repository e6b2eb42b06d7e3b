"""The case reference: derived, stable, and read back as a person types it."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from screening.casereference import (
    CaseReference,
    CaseReferenceError,
    case_reference,
    is_case_reference,
    matches,
    parse_case_reference,
)

ID = "3f9a1c2e-7b4d-4e21-9c3a-0123456789ab"


def test_checkpoint_date_and_uuid_prefix():
    assert case_reference("TIA", "2026-11-23T23:59:59+00:00", ID) == "TIA-261123-3F9A1C"
    assert case_reference(" kkv ", dt.date(2026, 1, 2), uuid.UUID(ID)) == "KKV-260102-3F9A1C"
    # a datetime is taken as written: converting to local time would move the day
    moment = dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.UTC)
    assert case_reference("TIA", moment, ID) == "TIA-261123-3F9A1C"


def test_parsing_ignores_case_and_spaces_and_round_trips():
    parsed = parse_case_reference("  tia-261123-3f9a1c ")
    assert parsed == CaseReference("TIA", dt.date(2026, 11, 23), "3f9a1c")
    assert str(parsed) == "TIA-261123-3F9A1C"
    assert matches(parsed, "TIA", "2026-11-23", ID)
    assert not matches(parsed, "TIA", "2026-11-24", ID)
    assert not matches("TIA-261123-3F9A1C", "T1", "2026-11-23", ID)


@pytest.mark.parametrize("text", ["", "TIA-261123", "TIA-261323-3F9A1C", "TIA-261123-3F9A1G",
                                  "T-261123-3F9A1C", ID, "TIA_261123_3F9A1C", None, 42])
def test_what_is_not_a_reference(text):
    assert not is_case_reference(text)
    with pytest.raises(CaseReferenceError):
        parse_case_reference(text)


@pytest.mark.parametrize(("checkpoint", "created", "interview_id"), [
    ("", "2026-11-23", ID), ("T1A", "2026-11-23", ID), ("TIA", "yesterday", ID),
    ("TIA", "2026-11-23", "not-a-uuid"), ("TIA", "2026-11-23", None)])
def test_facts_that_make_no_reference(checkpoint, created, interview_id):
    with pytest.raises(CaseReferenceError):
        case_reference(checkpoint, created, interview_id)
