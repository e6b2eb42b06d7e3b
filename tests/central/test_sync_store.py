"""From the encrypted store to central and back: enrol, queue what is finalised, send, and
mark acknowledged in the store only what central's signed receipt confirms."""

from __future__ import annotations

import json

import pytest

from screening import crypto
from screening.central.batches import queries as held
from screening.central.cases import queries as cases
from screening.central.devices import enrolment
from screening.errors import ScreeningError
from screening.store.session import StoreSession
from screening.sync import builder, identity, limits, status, wire
from screening.sync.outbox import Outbox
from screening.sync.sender import send_pending
from screening.sync.transport import CentralClient
from tests.answer_sets import adult_no_indicators, with_yes
from tests.unit.store.helpers import TEST_KDF


def enrol(store, staff_side, live) -> identity.Identity:
    key = crypto.new_signing_key()
    client = CentralClient(live.url)
    try:
        response = client.enrol(enrolment.new_code(staff_side, "TIA", by="drita"), key, "desk")
    finally:
        client.close()
    me = identity.from_enrolment(response, live.url, key, None)
    identity.save(store, me)
    return me


def test_not_enrolled_is_a_clear_message(store):
    with pytest.raises(ScreeningError) as caught:
        identity.load(store)
    assert caught.value.code == "not_enrolled"


def test_finalised_interviews_travel_once_and_are_acknowledged(store, staff_side, live,
                                                                tmp_path):
    me = enrol(store, staff_side, live)
    assert identity.load(store) == me
    ids = [store.import_finalised(adult_no_indicators(given_name=f"Name{n}")) for n in range(5)]
    draft = store.start_interview("returnee_screening", "1")
    outbox = Outbox(tmp_path / "outbox")
    made = builder.queue_ready(store, outbox, me, per_batch=2).batches
    assert [len(e.interviews) for e in made] == [2, 2, 1]
    # nothing new: nothing queued twice
    assert builder.queue_ready(store, outbox, me) == builder.Queued()
    client = CentralClient(live.url)
    try:
        send_pending(outbox, client, me.receipt_key(),
                     lambda results: [store.mark_acknowledged(r.interview_id, r.revision)
                                      for r in results])
    finally:
        client.close()
    with staff_side.engine.connect() as conn:
        central_ids = {row["id"] for row in held.listing(conn)}
        record = json.loads(cases.record(conn, ids[0]))
    assert set(ids) <= central_ids and draft not in central_ids
    assert "acknowledged_at" not in record and record["audit"]
    assert record["audit"][0]["action"] == "interview_imported"
    for interview_id in ids:
        assert store.get_interview(interview_id).acknowledged_at is not None
    assert store.get_interview(draft).acknowledged_at is None
    # acknowledging changed nothing central would see as a new revision
    assert builder.queue_ready(store, outbox, me) == builder.Queued()


def test_batches_are_cut_within_central_s_limits_and_central_takes_each(store, staff_side,
                                                                        live, tmp_path):
    """The workstation never seals a batch central would refuse: at most ``interviews``
    records and ``decompressed`` bytes of content in each (sync/limits.py)."""
    me = enrol(store, staff_side, live)
    ids = [store.import_finalised(adult_no_indicators(given_name=f"Name{n}")) for n in range(9)]
    bounds = limits.Limits(decompressed=limits.CONTENT_MARGIN_BYTES + 7 * 1024, interviews=4)
    outbox = Outbox(tmp_path / "outbox")
    queued = builder.queue_ready(store, outbox, me, bounds=bounds)
    sizes = [len(e.interviews) for e in queued.batches]
    assert sum(sizes) == len(ids) and max(sizes) <= 4 and len(sizes) > 3  # bytes cut too
    for entry in queued.batches:
        content = wire.open_batch(wire.parse_batch(outbox.raw(entry)),
                                  staff_side.keys.encryption, bounds)
        assert len(wire.canonical_json(content.interviews)) <= 7 * 1024
    client = CentralClient(live.url)
    try:
        report = send_pending(outbox, client, me.receipt_key())
    finally:
        client.close()
    assert len(report.acknowledged) == len(sizes) and not report.quarantined


def test_a_record_central_would_refuse_is_held_back_not_sealed(store, staff_side, live,
                                                               tmp_path):
    me = enrol(store, staff_side, live)
    interview_id = store.import_finalised(adult_no_indicators())
    queued = builder.queue_ready(store, Outbox(tmp_path / "outbox"), me,
                                 bounds=limits.Limits(record_bytes=1024))
    assert queued == builder.Queued([], [interview_id])


def test_an_approval_after_sending_travels_as_a_newer_revision(store, staff_side, live,
                                                                 tmp_path):
    me = enrol(store, staff_side, live)
    interview_id = store.import_finalised(adult_no_indicators())
    outbox = Outbox(tmp_path / "outbox")
    client = CentralClient(live.url)
    try:
        builder.queue_ready(store, outbox, me)
        send_pending(outbox, client, me.receipt_key())
        store.approve(interview_id)
        assert len(builder.queue_ready(store, outbox, me).batches) == 1
        report = send_pending(outbox, client, me.receipt_key())
    finally:
        client.close()
    assert not report.refused_interviews
    with staff_side.engine.connect() as conn:
        current = held.current(conn, interview_id)
    assert (current.status, current.revision) == ("approved",
                                                   store.get_interview(interview_id).revision)


def test_central_refuses_an_unapproved_lowered_outcome_alone_and_says_why(store, staff_side,
                                                                          live):
    from screening.sync import service

    service.enroll(store, live.url, enrolment.new_code(staff_side, "TIA", by="drita"))
    kept = store.import_finalised(adult_no_indicators(given_name="Kept"))
    # a strong indicator makes the computed outcome "suspected"; the officer lowered it
    lowered = store.import_finalised(with_yes(adult_no_indicators(
        given_name="Lowered", officer_outcome="no_indicators",
        override_reason="the person explained the injury"), "ind_violence"))
    report = service.sync_now(store)
    assert [(r.interview_id, r.code) for r in report.refused_interviews] == [
        (lowered, "override_unapproved")]
    assert store.get_interview(kept).acknowledged_at is not None
    assert store.get_interview(lowered).acknowledged_at is None
    [entry] = Outbox(store.paths.root / status.OUTBOX).entries()
    assert entry.state == "acknowledged"
    assert [(r["interview_id"], r["problems"][0]["question"]) for r in entry.refused] == [
        (lowered, "officer_outcome")]
    [(shown_id, reason)] = status.read_status(store).refused
    assert shown_id == lowered and "supervisor's approval" in reason["en"]
    assert "officer_outcome" in reason["en"] and "Lowered" not in reason["en"]
    # the supervisor reads it in Albanian, from the workstation's catalogue by code
    assert reason["sq"] == ("punonjësi e uli vlerësimin e llogaritur: intervista ka nevojë "
                            "për arsyen dhe për miratimin e një mbikëqyrësi para se të "
                            "dërgohet — officer_outcome: punonjësi e uli vlerësimin e "
                            "llogaritur: duhet ta miratojë një mbikëqyrës")
    assert "approval" not in reason["sq"] and "Lowered" not in reason["sq"]
    with staff_side.engine.connect() as conn:
        assert held.current(conn, lowered) is None  # refused: nothing of it is held
    store.approve(lowered)  # the supervisor approves: the next revision is accepted
    assert not service.sync_now(store).refused_interviews
    assert store.get_interview(lowered).acknowledged_at is not None
    with staff_side.engine.connect() as conn:
        assert held.current(conn, lowered).status == "approved"
        facts = cases.case(conn, lowered)
    assert (facts["outcome"], facts["computed_outcome"]) == ("no_indicators",
                                                             "suspected_victim")


def test_the_service_enrols_syncs_and_exports_as_a_supervisor_only(store, staff_side, live,
                                                                   tmp_path):
    from screening.errors import PermissionDeniedError
    from screening.sync import service

    code = enrolment.new_code(staff_side, "TIA", by="drita")
    me = service.enroll(store, live.url, code, label="desk")
    assert identity.load(store) == me
    first = store.import_finalised(adult_no_indicators())
    report = service.sync_now(store)
    assert len(report.acknowledged) == 1
    assert store.get_interview(first).acknowledged_at is not None
    second = store.import_finalised(adult_no_indicators(given_name="Other"))
    written = service.export(store, tmp_path / "usb")
    assert len(written) == 1 and store.get_interview(second).acknowledged_at is None
    store.add_user("olsi", "officer", "olsi-password-1")
    officer = StoreSession.login(store.paths.root, "olsi", "olsi-password-1", kdf=TEST_KDF)
    try:
        with pytest.raises(PermissionDeniedError):
            service.sync_now(officer)
    finally:
        officer.close()


def test_an_officers_session_sends_only_what_it_opens_and_a_supervisors_the_rest(
        store, staff_side, live, tmp_path):
    """The background sync reads with the keys of the session it runs beside (docs/design.md
    §7.1): another officer's interviews wait for a session that opens them, none is lost."""
    me = enrol(store, staff_side, live)
    written = {}
    for user in ("olsi", "ines"):
        store.add_user(user, "officer", f"{user}-password-1")
        with StoreSession.login(store.paths.root, user, f"{user}-password-1",
                                kdf=TEST_KDF) as officer:
            written[user] = officer.import_finalised(adult_no_indicators(given_name=user))
    outbox = Outbox(tmp_path / "outbox")
    with StoreSession.login(store.paths.root, "olsi", "olsi-password-1",
                            kdf=TEST_KDF) as officer:
        companion = officer.sync_companion()
        try:
            made = builder.queue_ready(companion, outbox, me).batches
        finally:
            companion.close()
    assert [i for entry in made for i, _ in entry.interviews] == [written["olsi"]]
    companion = store.sync_companion()
    try:
        made = builder.queue_ready(companion, outbox, me).batches
    finally:
        companion.close()
    assert [i for entry in made for i, _ in entry.interviews] == [written["ines"]]
