"""Per-officer confidentiality (issue 15, docs/design.md §7.1), tested as the attacker works:
every file of the workstation in hand, one officer's password, raw SQL on the real SQLCipher
file. What that password opens is that officer's interviews, nothing else; a supervisor's opens
all; the recovery code opens all; a disabled or reset account's old slot opens nothing
current, nor does an old backup."""

from __future__ import annotations

import shutil
import uuid

import pytest

from screening import crypto
from screening.errors import (
    AccountError,
    InterviewNotFoundError,
    InterviewSealedError,
    PermissionDeniedError,
    StoreDamagedError,
)
from screening.store import connection, interviews
from screening.store.keyring import Keyring
from screening.store.keyslots import RECOVERY_SLOT, KeySlots, account_slot
from screening.store.session import StoreSession
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import (
    OFFICER,
    OFFICER_PW,
    SUPERVISOR,
    SUPERVISOR_PW,
    TEST_KDF,
    login,
)

OTHER, OTHER_PW = "ines", "ines-password-1"


def marker() -> str:
    return f"Mrk{uuid.uuid4().hex[:12]}"


def write_interviews(data_dir, user, password, count=2):
    """``count`` interviews by ``user``: a finalised one and drafts, each with marked names
    and a marked answer; returns the markers."""
    names = []
    with login(data_dir, user, password) as session:
        given, family = marker(), marker()
        session.import_finalised(adult_no_indicators(given_name=given, family_name=family))
        names += [given, family]
        for _ in range(count - 1):
            draft = session.start_interview("returnee_screening", "1")
            given, other = marker(), marker()
            session.save_answer(draft, "given_name", given)
            session.save_answer(draft, "other_names", other)
            names += [given, other]
    return names


class Attacker:
    """Every file of the workstation and one account's password (or an old slot file)."""

    def __init__(self, folder, user, password, slots_file=None):
        opened = KeySlots.load(slots_file or folder / "keyslots.json").open(
            account_slot(user), password)
        assert opened is not None
        self.user, self.master_key, self.private_key = user, opened.master_key, opened.private_key
        self.conn = connection.open_database(folder / "store.db", self.master_key)

    def every_value(self) -> bytes:
        """Every value of every table, in bytes, as the master key reads them."""
        tables = [name for (name,) in self.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        out = bytearray()
        for table in tables:
            for row in self.conn.execute(f"SELECT * FROM {table}"):
                for value in row:
                    out += value if isinstance(value, bytes) else str(value).encode()
        return bytes(out)

    def data_keys_opened(self) -> dict[int, bytes]:
        """Every data key whose wrap this private key opens, trying each wrap of each reader."""
        found = {}
        for key_id, reader, wrapped in self.conn.execute(
                "SELECT key_id, recipient, wrapped FROM key_wraps"):
            place = f"returnee-screening data key v1:{key_id}:{reader}".encode()
            raw = crypto.open_key(self.private_key, wrapped, place)
            if raw is not None:
                found[key_id] = raw
        return found

    def readable_rows(self, data_keys: dict[int, bytes]) -> set[str]:
        """The interviews whose sealed answers open with any of ``data_keys`` (or are clear)."""
        keys = Keyring(self.conn)
        for key_id, raw in data_keys.items():
            keys._ciphers[key_id], keys._raw[key_id] = crypto.RecordCipher(raw), raw
        readable = set()
        for (interview_id,) in self.conn.execute("SELECT id FROM interviews"):
            row = interviews.get(self.conn, interview_id)
            try:
                record = interviews.opened(keys, row)
            except StoreDamagedError:  # a key that does not fit this row
                record = None
            if record is not None and record.answers:
                readable.add(interview_id)
        return readable

    def close(self):
        self.conn.close()


def officer_rows(data_dir, user):
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        return {s.id for s in session.list_interviews() if s.officer == user}


@pytest.fixture
def two_officers(supervisor, data_dir):
    supervisor.add_user(OTHER, "officer", OTHER_PW)
    supervisor.close()
    mine = write_interviews(data_dir, OFFICER, OFFICER_PW)
    theirs = write_interviews(data_dir, OTHER, OTHER_PW)
    return mine, theirs


def test_one_officers_password_and_every_file_open_only_that_officers_interviews(
        two_officers, data_dir):
    mine, theirs = two_officers
    attacker = Attacker(data_dir, OFFICER, OFFICER_PW)
    dump = attacker.every_value()
    # nothing of either officer's interviews is in the clear anywhere in the database
    assert [m for m in mine + theirs if m.encode() in dump] == []
    keys = attacker.data_keys_opened()
    readable = attacker.readable_rows(keys)
    attacker.close()
    assert readable == officer_rows(data_dir, OFFICER)
    assert not readable & officer_rows(data_dir, OTHER)


def test_the_application_hides_the_rest_too(two_officers, data_dir):
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        other = officer_rows(data_dir, OTHER)
        assert {s.officer for s in session.list_interviews()} == {OFFICER}
        for interview_id in other:
            with pytest.raises(InterviewNotFoundError):
                session.get_interview(interview_id)


def test_a_supervisor_and_the_recovery_code_open_every_interview(two_officers, data_dir,
                                                                 recovery_code):
    mine, theirs = two_officers
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        names = " ".join(s.display_name for s in session.list_interviews())
        assert all(m in names for m in (mine[0], mine[2], theirs[0], theirs[2]))
        assert session.list_interviews(search=theirs[1].lower())[0].officer == OTHER
        answers = [session.get_interview(s.id).answers for s in session.list_interviews()]
    assert sum(theirs[3] in str(a) for a in answers) == 1
    with StoreSession.recover(data_dir, recovery_code, SUPERVISOR, "new-sara-password-2",
                              kdf=TEST_KDF) as rescued:
        every = rescued.list_interviews()
        assert len(every) == 4 and all(s.display_name for s in every)
        assert all(rescued.get_interview(s.id).answers for s in every)
    # the recovery slot's own key opens every data key, the master key alone none
    attacker = Attacker.__new__(Attacker)
    opened = KeySlots.load(data_dir / "keyslots.json").open(
        RECOVERY_SLOT, crypto.normalise_recovery_code(recovery_code))
    attacker.conn = connection.open_database(data_dir / "store.db", opened.master_key)
    attacker.private_key = opened.private_key
    assert len(attacker.readable_rows(attacker.data_keys_opened())) == 4
    attacker.close()


@pytest.mark.parametrize("how", ["disable", "reset", "rekey"])
def test_an_old_slot_and_an_old_backup_open_nothing_current(two_officers, data_dir, tmp_path,
                                                            how):
    mine, _ = two_officers
    old_slots = tmp_path / "keyslots-before.json"
    shutil.copyfile(data_dir / "keyslots.json", old_slots)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        session.backup(tmp_path / "old-backup")
        {"disable": lambda: session.disable_user(OFFICER),
         "reset": lambda: session.reset_password(OFFICER, "olsi-new-password-2"),
         "rekey": lambda: session.rekey(OFFICER)}[how]()
        # the supervisor still reads every one of them, under the new key
        assert all(session.get_interview(i).answers for i in officer_rows(data_dir, OFFICER))
    # the old slot file against the old backup: the data as of that backup
    old = Attacker(tmp_path / "old-backup", OFFICER, OFFICER_PW, slots_file=old_slots)
    old_keys = old.data_keys_opened()
    assert len(old.readable_rows(old_keys)) == 2
    old.close()
    # the old slot (and the old data keys) against the current database: nothing
    current = Attacker(data_dir, OFFICER, OFFICER_PW, slots_file=old_slots)
    if how == "rekey":  # the account stays: its password opens its new key, no old one
        assert current.data_keys_opened() and not set(current.data_keys_opened()) & set(old_keys)
    else:
        assert current.data_keys_opened() == {}
    assert current.readable_rows(old_keys) == set()
    assert [m for m in mine if m.encode() in current.every_value()] == []
    current.close()
    if how == "reset":
        with login(data_dir, OFFICER, "olsi-new-password-2") as session:
            assert {s.display_name for s in session.list_interviews()} >= {f"{mine[0]} "
                                                                          f"{mine[1]}"}


def test_a_supervisor_added_later_reads_what_was_written_before(two_officers, data_dir):
    mine, _ = two_officers
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        session.add_user("drita", "supervisor", "drita-password-1")
    with login(data_dir, "drita", "drita-password-1") as session:
        assert len(session.list_interviews()) == 4
        assert session.list_interviews(search=mine[0])[0].officer == OFFICER


def test_an_officers_sync_companion_reads_only_that_officers_interviews(two_officers,
                                                                        data_dir):
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        companion = session.sync_companion()
        try:
            listed = companion.list_interviews()
            assert len(listed) == 4  # the list shows rows, as the robot's reach is wide
            sealed = {s.id for s in listed if s.officer != OFFICER}
            for interview_id in sealed:
                with pytest.raises(InterviewSealedError):
                    companion.get_interview(interview_id)
            assert {companion.get_interview(s.id).officer for s in listed
                    if s.id not in sealed} == {OFFICER}
        finally:
            companion.close()


def test_a_sealed_value_moved_or_put_back_from_an_older_revision_does_not_open(
        supervisor, data_dir):
    """Each sealed column names its place: the interview, the revision, the column. Someone
    with the master key who moves sealed bytes around gets a damaged row, not other answers."""
    supervisor.close()
    with login(data_dir) as officer:
        first = officer.start_interview("returnee_screening", "1")
        officer.save_answer(first, "other_names", "Before")
        second = officer.start_interview("returnee_screening", "1")
        officer.save_answer(second, "other_names", "Other")
        raw = officer.conn
        old = raw.execute("SELECT sealed_answers FROM interviews WHERE id = ?",
                          (first,)).fetchone()[0]
        officer.save_answer(first, "other_names", "After")
        with connection.transaction(raw):  # an older revision's answers put back
            raw.execute("UPDATE interviews SET sealed_answers = ? WHERE id = ?", (old, first))
        with pytest.raises(StoreDamagedError, match="changed outside the program"):
            officer.get_interview(first)
        with connection.transaction(raw):  # another interview's answers moved in
            moved = raw.execute("SELECT sealed_answers FROM interviews WHERE id = ?",
                                (second,)).fetchone()[0]
            raw.execute("UPDATE interviews SET sealed_answers = ? WHERE id = ?", (moved, first))
        with pytest.raises(StoreDamagedError):
            officer.get_interview(first)
        assert officer.get_interview(second).answers == {"other_names": "Other"}


@pytest.mark.parametrize("name", ["../../etc/passwd", "x" * 500, "nobody",
                                  "'; DROP TABLE data_keys; --"])
def test_rekey_of_a_hostile_or_unknown_name_is_refused_in_words(supervisor, name):
    with pytest.raises(AccountError) as caught:
        supervisor.rekey(name)
    assert caught.value.code in {"account_unknown", "account_name_invalid"}
    assert "Traceback" not in caught.value.message and caught.value.in_language("sq")
    assert supervisor.conn.execute("SELECT name FROM sqlite_master WHERE name = 'data_keys'"
                                   ).fetchone()


def test_only_a_supervisor_rekeys(data_dir, supervisor):
    with login(data_dir) as officer, pytest.raises(PermissionDeniedError):
        officer.rekey(OFFICER)
