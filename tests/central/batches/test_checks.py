"""Central judges every new interview revision against the form version it names, on SQLite
and PostgreSQL: each invalid interview is refused alone, with its code and problems (never an
answer's value), and the valid ones of the same batch are stored."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from screening.central.batches import checks
from screening.central.batches import queries as batches
from screening.central.batches.ingest import ingest
from screening.central.cases import queries as cases
from screening.central.reference import publish
from screening.errors import ScreeningError
from screening.sync import schemas, wire
from tests.answer_sets import with_yes
from tests.central.conftest import enrol_station, held_before_checks
from tests.conftest import FORMS
from tests.unit.sync.batches import interview, sealed_frame

SECRET = "Vjollca-Secret-Name"  # a value that must never reach a receipt


def _answers(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    answers = {**record["answers"], **changes}
    return {**record, "answers": {k: v for k, v in answers.items() if v is not _GONE}}


_GONE = object()
_SOON = (dt.datetime.now() + dt.timedelta(days=2)).isoformat(timespec="seconds")

# (what is wrong, the record, its code, (question, problem code) that must be listed)
INVALID = [
    ("born in 2099", lambda r: _answers(r, date_of_birth="2099-01-01"),
     "answers_invalid", ("date_of_birth", "constraint")),
    ("an unknown question", lambda r: _answers(r, favourite_colour=SECRET),
     "answers_invalid", ("favourite_colour", "unknown_question")),
    ("age_uncertain 5", lambda r: _answers(r, age_uncertain=5),
     "answers_invalid", ("age_uncertain", "invalid")),
    ("activity_sector a string", lambda r: _answers(r, activity_sector="agriculture"),
     "answers_invalid", ("activity_sector", "invalid")),
    ("sex robot", lambda r: _answers(r, sex=SECRET),
     "answers_invalid", ("sex", "invalid")),
    ("checkpoint XXX", lambda r: {**r, "checkpoint": "XXX"},
     "checkpoint_unknown", ("", "checkpoint_unknown")),
    ("no given name", lambda r: _answers(r, given_name=_GONE),
     "answers_missing", ("given_name", "required")),
    ("consent unknown", lambda r: _answers(r, consent_interview="unknown"),
     "answers_invalid", ("consent_interview", "constraint")),
    ("another checkpoint than enrolled", lambda r: {**r, "checkpoint": "KKV"},
     "checkpoint_not_enrolled", ("", "checkpoint_not_enrolled")),
    ("an interview in the future", lambda r: _answers(r, interview_started_at=_SOON),
     "time_in_future", ("interview_started_at", "in_future")),
    ("a record updated in the future", lambda r: {**r, "updated_at": "2099-01-01T00:00:00Z"},
     "time_in_future", ("", "in_future")),
    ("an unknown form version", lambda r: {**r, "form_version": "1999.9"},
     "form_unknown", ("", "form_unknown")),
    ("an optional member of the wrong type", lambda r: {**r, "officer": 5},
     "interview_invalid", ("", "shape")),
    ("a lowered outcome nobody approved",
     lambda r: with_yes_answers(r, officer_outcome="no_indicators", override_reason="calm"),
     "override_unapproved", ("officer_outcome", "not_approved")),
    ("a lowered outcome approved without a reason",
     lambda r: {**with_yes_answers(r, officer_outcome="no_indicators"), "status": "approved"},
     "override_unapproved", ("override_reason", "required")),
]


def with_yes_answers(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A strong indicator: the computed outcome is "suspected victim"."""
    return {**record, "answers": with_yes({**record["answers"], **changes}, "ind_violence")}


def _results(receipt: bytes) -> list[dict[str, Any]]:
    doc = json.loads(receipt)
    schemas.validate("receipt", doc)
    return doc["results"]


def test_every_invalid_interview_is_refused_alone_with_its_problems(central, station):
    valid = [interview(), interview()]
    invalid = [make(interview()) for _what, make, _code, _problem in INVALID]
    receipt = ingest(central, station.batch([valid[0], *invalid, valid[1]]))
    results = _results(receipt)
    assert [(r["result"], r["code"]) for r in (results[0], results[-1])] == [
        ("stored", "new"), ("stored", "new")]
    for (what, _make, code, problem), result in zip(INVALID, results[1:-1], strict=True):
        assert (result["result"], result["code"]) == ("refused", code), what
        listed = {(p["question"], p["code"]) for p in result["problems"]}
        assert problem in listed, (what, result["problems"])
        assert result["message"], what
    assert SECRET not in receipt.decode()  # problems name questions, never answers
    with central.engine.connect() as conn:
        held = {row["id"] for row in batches.listing(conn)}
        assert held == {r["id"] for r in valid}
        # a refused interview's audit entries are not kept either
        assert batches.count_audit(conn) == 2


def test_a_lowered_outcome_approved_with_its_reason_is_stored_with_centrals_assessment(
        central, station):
    record = {**with_yes_answers(interview(), officer_outcome="at_risk",
                                 override_reason="explained"), "status": "approved",
              "outcome": "no_indicators"}  # what the client says counts for nothing
    assert [r["code"] for r in _results(ingest(central, station.batch([record])))] == ["new"]
    with central.engine.connect() as conn:
        case = cases.case(conn, record["id"])
    assert (case["outcome"], case["computed_outcome"], case["profile"]) == (
        "at_risk", "suspected_victim", "adult_labour")


def test_the_clients_outcome_field_is_never_counted(central, station):
    record = {**interview(), "outcome": "presumed_victim"}  # the answers say no indicators
    ingest(central, station.batch([record]))
    with central.engine.connect() as conn:
        case = cases.case(conn, record["id"])
    assert (case["outcome"], case["computed_outcome"]) == ("no_indicators", "no_indicators")


def test_a_published_form_version_is_known(central, station, tmp_path):
    text = (FORMS / "returnee_screening.yaml").read_text(encoding="utf-8")
    newer = text.replace('version: "2026.2"', 'version: "2026.3"', 1)
    record = {**interview(), "form_version": "2026.3"}
    assert [r["code"] for r in _results(ingest(central, station.batch([record])))] == [
        "form_unknown"]
    publish.publish_form_text(central, newer, by="drita")
    again = {**record, "revision": 2}
    assert [r["code"] for r in _results(ingest(central, station.batch([again])))] == ["new"]


def test_an_interview_held_before_the_checks_is_a_duplicate_not_refused(central, station):
    old = _answers(interview(), given_name=_GONE)  # an older central kept it as it came
    held_before_checks(central, station, [old])
    again = {**old, "audit": old["audit"] + interview(audit=1)["audit"]}
    assert [(r["result"], r["code"]) for r in _results(ingest(central, station.batch(
        [again])))] == [("duplicate", "duplicate")]
    newer = {**old, "revision": 2}  # a new revision is judged like any other
    assert [r["code"] for r in _results(ingest(central, station.batch([newer])))] == [
        "answers_missing"]


def test_an_audit_entry_held_with_other_content_is_named_in_audit_refused(central, station):
    first = interview()
    ingest(central, station.batch([first]))
    clash = interview()
    clash["audit"] = [{**first["audit"][0], "subject": clash["id"], "hash": "f" * 64},
                      *interview(audit=1)["audit"]]
    same = {**first, "audit": first["audit"]}  # the very same entry again: a duplicate
    results = _results(ingest(central, station.batch([clash, same])))
    assert [(r["code"], r.get("audit_refused")) for r in results] == [
        ("new", [first["audit"][0]["seq"]]), ("duplicate", None)]
    with central.engine.connect() as conn:
        assert batches.count_audit(conn) == 2  # the first's entry and the clash's new one


def test_the_device_checkpoint_decides_not_the_label(central):
    other = enrol_station(central, "KKV")
    record = interview(checkpoint="KKV")
    assert [r["code"] for r in _results(ingest(central, other.batch([record])))] == ["new"]


@pytest.mark.parametrize("created_at", ["not a time", "", "2026-13-01T00:00:00"])
def test_a_header_time_that_is_not_iso_is_a_malformed_envelope(central, station, created_at):
    frame = sealed_frame(station, wire.canonical_json({}))
    envelope = wire.parse_batch(frame)
    header = {**envelope.header.to_json(), "created_at": created_at}
    raw = wire.sign_frame(wire.canonical_json(header), envelope.ciphertext, station.key)
    with pytest.raises(ScreeningError) as caught:
        ingest(central, raw)
    assert caught.value.code == "envelope_malformed"


def test_the_schema_lists_every_refusal_code_central_gives():
    refused = next(alt for alt in schemas.schema("receipt")["$defs"]["result"]["oneOf"]
                   if alt["properties"]["result"].get("const") == "refused")
    assert set(refused["properties"]["code"]["enum"]) == {
        *checks.CODES, "interview_other_device", "revision_conflict"}


def test_a_missing_override_reason_is_one_problem_under_the_override_code(central, station):
    record = {**with_yes_answers(interview(), officer_outcome="no_indicators"),
              "status": "approved"}
    [result] = _results(ingest(central, station.batch([record])))
    assert result["code"] == "override_unapproved"
    assert [p["question"] for p in result["problems"]] == ["override_reason"]
