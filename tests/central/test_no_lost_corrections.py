"""Issue 15, item 1, through a real central on loopback: a correction made after central
acknowledged an earlier revision is never purged before central holds it; a quarantined batch
acknowledges nothing; a store migrated from schema 3 learns its revisions again from the
outbox."""

from __future__ import annotations

import uuid

import pytest

from screening.central.batches import queries as held
from screening.store.session import StoreSession
from screening.sync import builder, identity, service, wire
from screening.sync.outbox import Outbox
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import (
    OFFICER,
    OFFICER_PW,
    SUPERVISOR,
    SUPERVISOR_PW,
    TEST_KDF,
    FakeClock,
    login,
)

DAY = 86_400


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def enrolled(tmp_path, clock, live, staff_side):
    from screening.central.devices import enrolment

    session, _code = StoreSession.initialise(tmp_path / "store", "TIA", SUPERVISOR,
                                             SUPERVISOR_PW, kdf=TEST_KDF, clock=clock)
    session.add_user(OFFICER, "officer", OFFICER_PW)
    service.enroll(session, live.url, enrolment.new_code(staff_side, "TIA", by="drita"))
    yield session
    session.close()


def _central_revision(staff_side, interview_id):
    with staff_side.engine.connect() as conn:
        return held.current(conn, interview_id).revision


def test_a_correction_is_kept_until_central_holds_it(enrolled, staff_side, clock):
    store = enrolled
    with login(store.paths.root, clock=clock) as officer:
        interview_id = officer.import_finalised(adult_no_indicators(given_name="Besa"))
    service.sync_now(store)
    assert _central_revision(staff_side, interview_id) == 1
    store.return_for_correction(interview_id, "the date of birth")
    with login(store.paths.root, clock=clock) as officer:
        officer.save_answer(interview_id, "given_name", "Besa Corrected")
        officer.finalise(interview_id)
    clock.advance(31 * DAY)
    with login(store.paths.root, SUPERVISOR, SUPERVISOR_PW, clock=clock) as again:
        # the login ran retention: the correction is still here, and travels
        assert again.get_interview(interview_id).answers["given_name"] == "Besa Corrected"
        service.sync_now(again)
        current = again.get_interview(interview_id).revision
    assert _central_revision(staff_side, interview_id) == current
    clock.advance(31 * DAY)
    assert store.purge_expired() == [interview_id]


def test_a_quarantined_batch_acknowledges_nothing(enrolled, clock):
    store = enrolled
    store.import_finalised(adult_no_indicators(given_name="First"))
    service.sync_now(store)  # takes sequence 1
    interview_id = store.import_finalised(adult_no_indicators(given_name="Dita"))
    me, outbox = identity.load(store), Outbox(store.paths.root / service.OUTBOX)
    record = store.get_interview(interview_id)
    # a batch that reuses sequence 1: central refuses it for good, and it is set aside
    raw = wire.build_batch(device_id=me.device_id, sequence=1, batch_id=str(uuid.uuid4()),
                           created_at="2026-11-20T08:00:00+00:00",
                           interviews=[builder.interview_record(record, [])],
                           signing_key=me.signer(), recipient=me.recipient())
    outbox.add(raw, [(interview_id, record.revision)])
    report = service.sync_now(store)
    assert len(report.quarantined) == 1
    assert store.get_interview(interview_id).acknowledged_revision is None
    service.reacknowledge(store, outbox)  # re-reading the outbox acknowledges nothing either
    clock.advance(400 * DAY)
    assert interview_id not in store.purge_expired()
    assert store.get_interview(interview_id).answers["given_name"] == "Dita"


def test_acknowledgements_forgotten_by_the_migration_are_read_again_from_the_outbox(
        enrolled, clock):
    store = enrolled
    interview_id = store.import_finalised(adult_no_indicators(given_name="Era"))
    service.sync_now(store)
    # as schema 4's migration leaves a store of schema 3: the revision acknowledged unknown
    store.conn.execute("UPDATE interviews SET acknowledged_at = NULL, "
                       "acknowledged_revision = NULL")
    outbox = Outbox(store.paths.root / service.OUTBOX)
    assert service.reacknowledge(store, outbox) == 1
    assert store.get_interview(interview_id).acknowledged_revision == 1
    assert service.reacknowledge(store, outbox) == 0  # once news, then nothing
    clock.advance(31 * DAY)
    assert store.purge_expired() == [interview_id]
