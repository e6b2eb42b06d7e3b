"""Issue 15, item 3, through a real central on loopback: every batch carries the audit head;
central confirms it in the signed receipt and refuses a chain that moves backwards or forks;
``audit verify`` checks the local chain against the head central confirmed. The attacks are
made on the real SQLCipher file with the master key, as an insider with a shell would."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from screening.central.batches import queries as held
from screening.central.schema import audit_heads
from screening.store import audit, connection
from screening.store.keyslots import KeySlots, account_slot
from screening.store.session import StoreSession
from screening.sync import service
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF, login


@pytest.fixture
def synced(tmp_path, live, staff_side):
    """A store that sent three interviews; central confirmed its audit head."""
    from screening.central.devices import enrolment

    session, _code = StoreSession.initialise(tmp_path / "store", "TIA", SUPERVISOR,
                                             SUPERVISOR_PW, kdf=TEST_KDF)
    service.enroll(session, live.url, enrolment.new_code(staff_side, "TIA", by="drita"))
    for n in range(3):
        session.import_finalised(adult_no_indicators(given_name=f"Person{n}"))
    report = service.sync_now(session)
    assert report.chain_refused == []
    yield session
    session.conn.close()


def _raw(session):
    """The database opened as an attacker does: the master key from a key slot."""
    key = KeySlots.load(session.paths.keyslots).unwrap(account_slot(SUPERVISOR),
                                                        SUPERVISOR_PW)
    return connection.open_database(session.paths.database, key)


def _cut_tail(session, keep_up_to):
    conn = _raw(session)
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute("DELETE FROM audit WHERE seq > ?", (keep_up_to,))
    conn.execute("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                 "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END")
    conn.close()


def test_central_confirms_the_head_in_its_signed_receipt(synced, staff_side):
    confirmed = synced.confirmed_head()
    assert confirmed is not None
    with staff_side.engine.connect() as conn:
        device = conn.execute(select(audit_heads.c.device_id)).scalars().first()
        assert held.last_head(conn, device)[0] >= confirmed.seq
    report = synced.verify_audit()
    assert report.intact and report.anchored == confirmed


def test_deleting_the_tail_after_a_sync_is_named_with_the_gap(synced):
    confirmed = synced.confirmed_head()
    _cut_tail(synced, 1)
    with login(synced.paths.root, SUPERVISOR, SUPERVISOR_PW) as again:
        report = again.verify_audit()
        last = audit.head(again.conn).seq  # the cut, then this login's own entry
    # the chain is whole by itself: only the anchor shows what was cut
    assert last < confirmed.seq
    assert not report.intact and report.first_broken == last + 1
    assert f"entries {last + 1} to {confirmed.seq} are missing" in report.reason


def test_central_refuses_a_head_that_moved_backwards_but_keeps_the_interviews(synced,
                                                                               staff_side):
    confirmed = synced.confirmed_head()
    _cut_tail(synced, 2)
    with login(synced.paths.root, SUPERVISOR, SUPERVISOR_PW) as again:
        # and the stored head too, so that the workstation itself no longer knows
        again.conn.execute("DELETE FROM settings WHERE key = 'audit_confirmed_head'")
        later = again.import_finalised(adult_no_indicators(given_name="Later"))
        report = service.sync_now(again)
        assert report.chain_refused == ["audit_chain_backwards"]
        assert again.confirmed_head().seq == confirmed.seq  # central's, from the receipt
    with staff_side.engine.connect() as conn:
        assert held.current(conn, later) is not None  # the interview still reached central


def test_central_refuses_a_rewritten_chain_that_forks_from_the_confirmed_head(synced):
    confirmed = synced.confirmed_head()
    conn = _raw(synced)
    # rewrite from two entries before the head and re-hash to the end: whole by itself
    conn.execute("DROP TRIGGER audit_no_update")
    rows = conn.execute("SELECT seq, at, actor, action, subject, detail, prev_hash FROM audit "
                        "WHERE seq >= ? ORDER BY seq", (confirmed.seq - 2,)).fetchall()
    prev = rows[0][6]
    for seq, at, actor, _action, subject, detail, _prev in rows:
        digest = audit.entry_hash(seq, at, actor, "rewritten", subject, detail, prev)
        conn.execute("UPDATE audit SET action = 'rewritten', prev_hash = ?, hash = ? "
                     "WHERE seq = ?", (prev, digest, seq))
        prev = digest
    conn.close()
    with login(synced.paths.root, SUPERVISOR, SUPERVISOR_PW) as again:
        report = again.verify_audit()
        assert not report.intact and report.first_broken == confirmed.seq
        assert "not the entry central confirmed" in report.reason
        again.import_finalised(adult_no_indicators(given_name="After"))
        assert service.sync_now(again).chain_refused == ["audit_chain_forked"]


def test_an_intact_chain_keeps_being_confirmed(synced):
    first = synced.confirmed_head()
    synced.import_finalised(adult_no_indicators(given_name="More"))
    assert service.sync_now(synced).chain_refused == []
    assert synced.confirmed_head().seq > first.seq
    assert synced.verify_audit().intact
