"""A second connection (the future sync thread) reads while the UI thread autosaves: WAL and
the busy timeout mean neither ever sees "database is locked"."""

from __future__ import annotations

import threading

from screening.store import connection
from screening.store.keyslots import KeySlots, account_slot
from tests.unit.store.helpers import OFFICER, OFFICER_PW, login

SAVES = 300


def test_a_reader_and_a_writer_never_lock_each_other_out(supervisor, data_dir):
    key = KeySlots.load(data_dir / "keyslots.json").unwrap(account_slot(OFFICER), OFFICER_PW)
    reader = connection.open_database(data_dir / "store.db", key)
    errors: list[BaseException] = []
    done = threading.Event()
    reads = 0

    with login(data_dir) as officer:
        interview_id = officer.start_interview("returnee_screening", "1")

        def write():
            try:
                for n in range(SAVES):
                    officer.save_answer(interview_id, f"q{n % 40}", n)
            except BaseException as error:
                errors.append(error)
            finally:
                done.set()

        def read():
            nonlocal reads
            try:
                while not done.is_set() or reads < 10:
                    with connection.transaction(reader):  # also takes the write lock
                        reader.execute("SELECT count(*) FROM interviews").fetchone()
                    reader.execute("SELECT answers FROM interviews WHERE id = ?",
                                   (interview_id,)).fetchone()
                    reads += 1
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=write), threading.Thread(target=read)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert errors == []
        assert reads >= 10
        assert officer.get_interview(interview_id).revision == SAVES
    reader.close()


def test_the_sync_companion_reads_everything_on_its_own_connection(created):
    session, _code = created
    interview_id = session.start_interview("returnee_screening", "1")
    companion = session.sync_companion()
    try:
        assert companion.conn is not session.conn
        assert companion.account.name == "sync" and companion.is_supervisor
        session.save_answer(interview_id, "given_name", "Arta")  # the UI writes meanwhile
        assert companion.get_interview(interview_id).answers["given_name"] == "Arta"
        companion.mark_acknowledged(interview_id, 1)
        actors = {e.actor for e in session.audit_entries() if e.subject == interview_id}
        assert "sync" in actors
    finally:
        companion.close()
