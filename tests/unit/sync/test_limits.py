"""The batch limits both sides share (screening/sync/limits.py): central's reading of a batch's
content stops at the first count, size or depth over a limit, and the workstation's own
measure of a record agrees with it, so it never seals a batch central refuses."""

from __future__ import annotations

import json
import uuid
import zlib

import pytest

from screening import crypto
from screening.sync import limits, wire
from tests.unit.sync.batches import interview

SMALL = limits.Limits(interviews=3, record_bytes=8 * 1024, record_values=40, record_depth=6)


def content(interviews: list[object], **extra: object) -> bytes:
    return wire.canonical_json({"format": wire.CONTENT_FORMAT, "device_id": "dev",
                                "sequence": 1, "batch_id": str(uuid.uuid4()),
                                "interviews": interviews, **extra})


def code_of(raw: bytes, bounds: limits.Limits = SMALL) -> str:
    with pytest.raises(wire.WireError) as caught:
        wire.read_content(raw, bounds)
    return caught.value.code


def test_a_real_content_reads_as_json_loads_reads_it():
    records = [interview(), interview(name='Arta "e vogël" [{}] \\ ] }')]
    raw = content(records, later_member={"a": [1, 2.5, None, True]})
    members, read = wire.read_content(raw, limits.DEFAULT)
    whole = json.loads(raw)
    assert read == whole.pop("interviews") and members == whole


def test_whitespace_and_an_empty_list_are_read():
    members, read = wire.read_content(b' {\n "interviews" : [ ] ,\t"sequence": 1 }\r\n',
                                      SMALL)
    assert (members, read) == ({"sequence": 1}, [])
    assert wire.read_content(b"{}", SMALL) == ({}, None)


def test_two_million_empty_objects_stop_at_the_count_limit():
    """The red team's 6.5 KB batch: read until one entry past the limit, never built."""
    raw = b'{"interviews":[' + b"{}," * 1_999_999 + b'{}],"sequence":1}'
    assert len(zlib.compress(raw, 9)) < 10_000
    assert code_of(raw, limits.DEFAULT) == "batch_too_many_interviews"


def test_a_record_over_its_size_is_refused():
    assert code_of(content([interview(notes="x" * SMALL.record_bytes)])) == "interview_too_large"


@pytest.mark.parametrize("value", [[{}] * 100, [[]] * 100])
def test_a_record_of_many_small_values_is_refused(value):
    assert code_of(content([{"answers": {"q": value}}])) == "interview_too_large"


def test_deep_nesting_is_refused_before_the_parser_recurses():
    deep = b'{"interviews":[' + b'{"a":' * 200_000 + b"1" + b"}" * 200_000 + b"]}"
    assert code_of(deep, limits.DEFAULT) == "interview_too_large"
    member = b'{"junk":' + b"[" * 200_000 + b"]" * 200_000 + b',"interviews":[]}'
    assert code_of(member, limits.DEFAULT) == "content_malformed"


@pytest.mark.parametrize("entry", ["x", 1, None, [], True])
def test_interviews_that_are_not_all_objects_are_refused_whole(entry):
    assert code_of(content([interview(), entry])) == "content_malformed"


@pytest.mark.parametrize("raw", [
    b'["interviews"]', b'{"interviews":[{}', b'{"interviews":[{}]} trailing',
    b'{"interviews":[{"a":"unterminated}]}', b'{"interviews":[{}],}',
    b'{"interviews":[{}],"interviews":[]}', b'{"interviews":[{"a":1]}',
    b'{"interviews":[{"a":"\xff"}]}', b'{"sequence":NaN}', b'{"interviews":[{},]}',
    b"{" + b"".join(b'"m%d":0,' % n for n in range(20)) + b'"interviews":[]}'])
def test_malformed_content_is_named_not_a_crash(raw):
    assert code_of(raw) == "content_malformed"


def test_a_long_unterminated_string_is_refused_at_the_limit_not_scanned_again_and_again():
    raw = b'{"interviews":[{"a":"' + b'\\"' * 1_000_000 + b"]}"
    assert code_of(raw, limits.DEFAULT) == "interview_too_large"


@pytest.mark.parametrize("build", [
    lambda n: interview(notes="x" * n),
    lambda n: {**interview(), "answers": {"q": [{}] * (n // 300)}},
    lambda n: {**interview(), "answers": {"q": _nested(n // 1000)}}])
def test_the_workstation_measures_a_record_as_central_reads_it(build):
    """For records on each side of every limit, the builder's verdict is central's."""
    seen = set()
    for size in range(500, 12_000, 500):
        record = build(size)
        builder_says = wire.record_beyond_limits(record, SMALL)
        try:
            wire.read_content(content([record]), SMALL)
            central_says = None
        except wire.TooLargeError as refused:
            central_says = refused.code
        assert (builder_says is None) == (central_says is None), (size, builder_says)
        seen.add(central_says)
    assert seen == {None, "interview_too_large"}


def _nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = {"a": value}
    return value


def test_a_receipt_caps_what_a_hostile_record_can_make_it_say():
    problems = tuple(wire.Problem("q" * 10_000, "shape", "m" * 10_000) for _ in range(500))
    result = wire.InterviewResult("", None, "refused", "interview_invalid", "x" * 10_000,
                                  problems=problems)
    raw = wire.build_receipt(batch_id=str(uuid.uuid4()), device_id="dev", sequence=1,
                             content_hash="0" * 64, received_at="2026-11-23T06:00:00+00:00",
                             results=[result], signing_key=crypto.new_signing_key())
    (shown,) = json.loads(raw)["results"]
    assert len(shown["problems"]) == limits.MAX_RESULT_PROBLEMS
    assert max(len(p["question"]) for p in shown["problems"]) == limits.MAX_PROBLEM_CHARS
    assert len(raw) < 20_000
