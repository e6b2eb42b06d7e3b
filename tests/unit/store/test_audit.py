"""The audit chain: append-only inside SQLite, and any edit found by verify."""

from __future__ import annotations

import pytest
import sqlcipher3

from screening.store import audit


@pytest.fixture
def busy(supervisor):
    for n in range(5):
        supervisor.import_finalised(_answers(n))
    return supervisor


def _answers(n):
    from tests.answer_sets import adult_no_indicators

    return adult_no_indicators(given_name=f"Person{n}")


def test_an_untouched_chain_verifies(busy):
    report = busy.verify_audit()
    assert report.intact and report.entries == len(busy.audit_entries()) >= 7


def test_sql_cannot_update_or_delete_an_entry(busy):
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        busy.conn.execute("UPDATE audit SET actor = 'x' WHERE seq = 2")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        busy.conn.execute("DELETE FROM audit WHERE seq = 2")


def _tamper(conn, statement):
    # an attacker with the key can drop the guard; the chain must still give them away
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute(statement)


def test_a_changed_entry_is_named(busy):
    _tamper(busy.conn, "UPDATE audit SET actor = 'someone_else' WHERE seq = 4")
    report = busy.verify_audit()
    assert (report.first_broken, report.reason) == (4, "its content was changed")


def test_a_removed_entry_is_named(busy):
    _tamper(busy.conn, "DELETE FROM audit WHERE seq = 3")
    report = busy.verify_audit()
    assert report.first_broken == 4 and "entry 3 is missing" in report.reason


def test_a_rehashed_entry_still_breaks_the_next_link(busy):
    row = busy.conn.execute("SELECT seq, at, actor, action, subject, detail, prev_hash "
                            "FROM audit WHERE seq = 3").fetchone()
    forged = audit.entry_hash(row[0], row[1], "forger", *row[3:])
    _tamper(busy.conn, f"UPDATE audit SET actor = 'forger', hash = '{forged}' WHERE seq = 3")
    report = busy.verify_audit()
    assert (report.first_broken, report.reason) == (4, "does not follow the entry before it")


def test_entries_hold_ids_not_answers(busy):
    for entry in busy.audit_entries():
        assert "Person" not in repr(entry)
