"""The outbox keeps every batch and its state on disk, atomically, with sequence numbers that
are never handed out twice."""

from __future__ import annotations

import stat

import pytest

from screening import crypto
from screening.errors import ScreeningError
from screening.sync.outbox import Outbox, refusal_reason
from tests.unit.sync.batches import Workstation, interview


@pytest.fixture
def station():
    return Workstation("dev-1", crypto.new_signing_key(),
                       crypto.new_encryption_key().public_key())


def test_sequence_numbers_survive_a_restart_and_never_repeat(tmp_path):
    first = Outbox(tmp_path / "o")
    assert [first.next_sequence() for _ in range(3)] == [1, 2, 3]
    assert Outbox(tmp_path / "o").next_sequence() == 4


def test_a_batch_moves_through_its_states_and_is_read_back(tmp_path, station):
    outbox = Outbox(tmp_path / "o")
    record = interview()
    raw = station.batch([record], sequence=outbox.next_sequence())
    entry = outbox.add(raw, [(record["id"], 1)])
    assert (entry.state, entry.interviews) == ("queued", [[record["id"], 1]])
    assert outbox.raw(entry) == raw
    outbox.mark(entry, "sending")
    assert [e.state for e in Outbox(tmp_path / "o").pending()] == ["sending"]
    outbox.mark(entry, "acknowledged", refused=[{"code": "revision_conflict"}])
    again = Outbox(tmp_path / "o").entries()[0]
    assert again.state == "acknowledged" and again.refused == [{"code": "revision_conflict"}]
    assert outbox.pending() == []
    with pytest.raises(ValueError):
        outbox.mark(entry, "lost")


def test_files_are_private_and_pending_batches_export_in_order(tmp_path, station):
    outbox = Outbox(tmp_path / "o")
    for _ in range(3):
        outbox.add(station.batch([interview()], sequence=outbox.next_sequence()), [])
    outbox.mark(outbox.entries()[1], "acknowledged")
    for path in (tmp_path / "o").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    written = outbox.export(tmp_path / "usb")
    assert [p.name[:8] for p in written] == ["00000001", "00000003"]
    assert written[0].read_bytes() == outbox.raw(outbox.entries()[0])
    for path in written:  # the exported copies too (they were 0644)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_a_damaged_state_file_is_named_not_ignored(tmp_path, station):
    outbox = Outbox(tmp_path / "o")
    entry = outbox.add(station.batch([interview()], sequence=1), [])
    (tmp_path / "o" / f"{entry.stem}.json").write_text("{broken")
    with pytest.raises(ScreeningError) as caught:
        outbox.entries()
    assert caught.value.code == "outbox_damaged"


def test_an_empty_outbox_has_nothing_pending(tmp_path):
    assert Outbox(tmp_path / "never-made").pending() == []


def test_a_refusal_is_told_in_words_with_each_problem():
    item = {"interview_id": "i-1", "code": "answers_invalid",
            "message": "some answers are not valid for the questionnaire",
            "problems": [{"question": "sex", "code": "invalid", "message": "not a choice"},
                         {"question": "", "code": "shape", "message": "/officer: type"}]}
    assert refusal_reason(item) == ("some answers are not valid for the questionnaire — "
                                    "sex: not a choice; /officer: type")
    # in Albanian by the codes (screening/messages.py), never central's English words
    assert refusal_reason(item, "sq") == (
        "disa përgjigje nuk janë të vlefshme për pyetësorin — sex: përgjigjja nuk është e "
        "vlefshme për këtë pyetje; regjistrimi nuk ka formën që kërkon protokolli")
    # a receipt from before problems were sent: its message, else its code's words
    assert refusal_reason({"code": "revision_conflict", "message": ""}) == \
        "central holds this revision of the interview with different content"
    assert refusal_reason({"code": "from_a_newer_central", "message": ""}) == \
        "from_a_newer_central"
