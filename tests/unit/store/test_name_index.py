"""The name search's blind index (docs/design.md §7.1, store/nametokens.py): word prefixes,
case and accents aside, over the names the session may read; its rows hold keyed tokens only,
follow every change of the name, a re-key and a purge, and open nothing with an old key."""

from __future__ import annotations

import pytest

from screening import crypto
from screening.store import connection, interviews, nametokens
from screening.store.keyslots import KeySlots, account_slot
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import OFFICER, OFFICER_PW, SUPERVISOR, SUPERVISOR_PW, login

OTHER, OTHER_PW = "ines", "ines-password-1"
DAY = 86_400


def names_found(session, search):
    return {s.display_name for s in session.list_interviews(search=search)}


def tokens_of(session, interview_id):
    return session.conn.execute("SELECT key_id, token FROM name_tokens WHERE interview_id = ?",
                                (interview_id,)).fetchall()


@pytest.fixture
def shift(supervisor, data_dir):
    """An interview of the officer's, one of another officer's, one of the supervisor's."""
    supervisor.add_user(OTHER, "officer", OTHER_PW)
    supervisor.import_finalised(adult_no_indicators(given_name="Drilona", family_name="Leka"))
    supervisor.close()
    for user, password, given, family in ((OFFICER, OFFICER_PW, "Arbën", "Hoxha"),
                                          (OTHER, OTHER_PW, "Arben", "Dritani")):
        with login(data_dir, user, password) as session:
            session.import_finalised(adult_no_indicators(given_name=given, family_name=family))


def test_each_word_of_the_search_begins_a_word_of_the_name(shift, data_dir):
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert names_found(session, "Arb") == {"Arbën Hoxha", "Arben Dritani"}
        assert names_found(session, "hox") == {"Arbën Hoxha"}
        assert names_found(session, "ARBEN") == {"Arbën Hoxha", "Arben Dritani"}
        assert names_found(session, "arbë  hoxh") == {"Arbën Hoxha"}
        assert names_found(session, "hoxha, arben") == {"Arbën Hoxha"}
        assert names_found(session, "dri") == {"Arben Dritani", "Drilona Leka"}
        # within a word, longer than the name's word, or one word missing: no match
        assert names_found(session, "rbën") == set()
        assert names_found(session, "hoxhaj") == set()
        assert names_found(session, "arben leka") == set()


def test_a_word_longer_than_the_indexed_prefix_is_still_matched_exactly(supervisor):
    supervisor.import_finalised(adult_no_indicators(given_name="Kastriotllari"))
    long_word = "kastriotll"
    assert len(long_word) > nametokens.LONGEST
    assert names_found(supervisor, long_word) == {"Kastriotllari Hoxha"}
    # the same first letters, then another: the token is the same, the name opened says no
    assert names_found(supervisor, "kastriotlx") == set()


def test_a_supervisor_finds_every_officers_names_an_officer_only_their_own(shift, data_dir):
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert names_found(session, "arben") == {"Arbën Hoxha", "Arben Dritani"}
        one = interviews.summaries(session.conn, session.keys, OTHER, "arben")
        assert [s.display_name for s in one] == ["Arben Dritani"]
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        assert names_found(session, "arben") == {"Arbën Hoxha"}
        assert names_found(session, "dri") == set()
    with login(data_dir, OTHER, OTHER_PW) as session:
        assert names_found(session, "arben") == {"Arben Dritani"}


def test_index_rows_hold_no_name_and_differ_between_keys(shift, data_dir):
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        rows = session.conn.execute("SELECT key_id, token, interview_id FROM name_tokens"
                                    ).fetchall()
        dump = b"".join(token + interview_id.encode() for _, token, interview_id in rows)
    assert rows and all(len(token) == crypto.LOOKUP_TAG_BYTES for _, token, _ in rows)
    for word in ("Arbën", "arben", "Hoxha", "hoxha", "hox", "Dritani", "dri", "Leka"):
        for text in (word, word.upper(), nametokens.fold(word)):
            assert text.encode() not in dump
    # "arben" under the officer's key and under the other officer's: no token in common
    by_key: dict[int, set[bytes]] = {}
    for key_id, token, _ in rows:
        by_key.setdefault(key_id, set()).add(token)
    assert len(by_key) == 3
    first, second, third = by_key.values()
    assert not first & second and not second & third and not first & third


def test_a_changed_name_replaces_its_tokens(supervisor):
    draft = supervisor.start_interview("returnee_screening", "1")
    supervisor.save_answer(draft, "given_name", "Drita")
    supervisor.save_answer(draft, "family_name", "Kola")
    before = set(tokens_of(supervisor, draft))
    supervisor.save_answer(draft, "months_abroad", 3)  # not a name: the index stays as it was
    assert set(tokens_of(supervisor, draft)) == before
    supervisor.save_answer(draft, "given_name", "Vjosa")
    after = tokens_of(supervisor, draft)
    assert names_found(supervisor, "drit") == set()
    assert names_found(supervisor, "vjo") == {"Vjosa Kola"}
    # "vjosa" and "kola", every prefix of two letters or more of each, nothing of "drita"
    assert len(after) == len("vjosa") - 1 + len("kola") - 1
    supervisor.save_answer(draft, "given_name", None)
    supervisor.save_answer(draft, "family_name", None)
    assert tokens_of(supervisor, draft) == []


@pytest.mark.parametrize("how", ["rekey", "disable"])
def test_after_a_rekey_the_old_keys_find_nothing(shift, data_dir, how):
    opened = KeySlots.load(data_dir / "keyslots.json").open(account_slot(OFFICER), OFFICER_PW)
    conn = connection.open_database(data_dir / "store.db", opened.master_key)
    old_keys = [crypto.open_key(opened.private_key, wrapped,
                                f"returnee-screening data key v1:{key_id}:{OFFICER}".encode())
                for key_id, wrapped in conn.execute(
                    "SELECT key_id, wrapped FROM key_wraps WHERE recipient = ?", (OFFICER,))]
    assert old_keys and all(old_keys)

    def found_with_old_keys() -> int:
        return sum(conn.execute("SELECT count(*) FROM name_tokens WHERE token = ?", (
            nametokens.query_token(nametokens.token_key(raw), "hox"),)).fetchone()[0]
            for raw in old_keys)

    assert found_with_old_keys() == 1  # the attacker's view before: their own name
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        if how == "rekey":
            session.rekey(OFFICER)
        else:
            session.disable_user(OFFICER)
        assert names_found(session, "hox") == {"Arbën Hoxha"}  # under the new key
    assert found_with_old_keys() == 0
    conn.close()


def test_a_purged_interview_leaves_no_index_rows(supervisor, clock):
    gone = supervisor.import_finalised(adult_no_indicators(given_name="Purgim"))
    kept = supervisor.import_finalised(adult_no_indicators(given_name="Mbetur"))
    assert tokens_of(supervisor, gone) and tokens_of(supervisor, kept)
    supervisor.mark_acknowledged(gone, 1)
    clock.advance(31 * DAY)
    assert supervisor.purge_expired() == [gone]
    assert tokens_of(supervisor, gone) == []
    assert tokens_of(supervisor, kept)
    assert names_found(supervisor, "purg") == set()
    assert names_found(supervisor, "hoxha") == {"Mbetur Hoxha"}


@pytest.mark.parametrize("hostile", ["%", "_", "%_%", "' OR 1=1 --", "*", "\\", "\x00",
                                     "a" * 10_000, "…  ,;", "\u0301\u0301", "Ａｒｂ"])
def test_hostile_searches_find_only_what_they_say(shift, data_dir, hostile):
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        found = names_found(session, hostile)
    # full-width letters fold to "arb" (NFKD): a person typing them means those letters
    assert found == ({"Arbën Hoxha", "Arben Dritani"} if hostile == "Ａｒｂ" else set())


def test_a_common_word_walks_the_newest_names_with_the_same_answers(shift, data_dir,
                                                                    monkeypatch):
    # a word is common past interviews._BY_ID hits (2,000); one hit makes every word common
    monkeypatch.setattr(interviews, "_BY_ID", 1)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert names_found(session, "arb") == {"Arbën Hoxha", "Arben Dritani"}
        assert names_found(session, "arben dri") == {"Arben Dritani"}
        assert names_found(session, "arben leka") == set()
        assert len(session.list_interviews(search="a", limit=1)) == 1
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        assert names_found(session, "arb") == {"Arbën Hoxha"}
        assert names_found(session, "a") == {"Arbën Hoxha"}
