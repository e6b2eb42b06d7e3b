"""Schema 7 on a store of every earlier version: its interviews, in the clear under the master
key until now, are sealed per officer at the first login that can give them a reader (a
supervisor's), with a backup before the step; officers get their key pairs at their own next
login and the keys sealed for them by the next session that holds them."""

from __future__ import annotations

import pytest

from screening import crypto
from screening.errors import InterviewSealedError
from screening.store import connection, migrations
from screening.store.keyslots import KeySlots, account_slot
from screening.store.layout import StorePaths
from tests.unit.store.helpers import (
    OFFICER,
    OFFICER_PW,
    SUPERVISOR,
    SUPERVISOR_PW,
    TEST_KDF,
    login,
)
from tests.unit.store.test_confidentiality import OTHER, OTHER_PW, Attacker

PEOPLE = {SUPERVISOR: ("supervisor", SUPERVISOR_PW), OFFICER: ("officer", OFFICER_PW),
          OTHER: ("officer", OTHER_PW)}
NAMES = {SUPERVISOR: "Sarmarker41", OFFICER: "Olsmarker52", OTHER: "Inemarker63"}


def build_old_store(data_dir, version):
    """A store stopped at ``version`` with a supervisor, two officers and one draft each."""
    paths = StorePaths(data_dir)
    paths.make_root()
    key = crypto.new_master_key()
    slots = KeySlots(paths.keyslots)
    for name, (_role, password) in PEOPLE.items():
        slots.set_secret(account_slot(name), password, key, TEST_KDF)
    slots.save()

    def build(conn):
        migrations.migrate(conn, target=version)
        for n, (name, (role, _password)) in enumerate(PEOPLE.items()):
            conn.execute("INSERT INTO accounts (name, role, created_at, password_changed_at) "
                         "VALUES (?, ?, 't', 't')", (name, role))
            conn.execute("INSERT INTO interviews (id, form_id, form_version, checkpoint, "
                         "officer, created_at, updated_at, status, answers) VALUES "
                         "(?, 'f', '1', 'KKV', ?, ?, 't', 'draft', json_object("
                         "'given_name', ?, 'other_names', ?))",
                         (f"i-{name}", name, f"2026-01-0{n + 1}", NAMES[name],
                          NAMES[name] + "x"))

    connection.create_database(paths.database, key, build)
    return paths


def in_the_clear(data_dir, who=OFFICER, password=OFFICER_PW):
    attacker = Attacker(data_dir, who, password)
    dump = attacker.every_value()
    attacker.close()
    return {name for name, marker in NAMES.items() if marker.encode() in dump}


@pytest.mark.parametrize("version", range(1, migrations.LATEST))
def test_an_upgraded_store_is_sealed_at_the_supervisors_login(data_dir, version):
    paths = build_old_store(data_dir, version)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert migrations.schema_version(session.conn) == migrations.LATEST
        assert {s.display_name for s in session.list_interviews()} == set(NAMES.values())
        assert session.list_interviews(search="olsmark")[0].id == f"i-{OFFICER}"
        assert session.get_interview(f"i-{OTHER}").answers["other_names"] == "Inemarker63x"
        assert session.verify_audit().intact
    assert in_the_clear(data_dir) == set()
    # the backup before each step, as every migration takes
    assert sorted(p.name.split("-")[2] for p in paths.backups.iterdir()) == \
        [str(s) for s in range(version + 1, migrations.LATEST + 1)]
    # an officer who had no key pair gets one now; their own interview opens once a session
    # holding its key (the supervisor's next one) has sealed it to them
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        with pytest.raises(InterviewSealedError):
            session.get_interview(f"i-{OFFICER}")
        session.start_interview("returnee_screening", "1")  # new work is not held up
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW):
        pass
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        assert session.get_interview(f"i-{OFFICER}").answers["given_name"] == "Olsmarker52"
    # and that officer's password opens only their own
    attacker = Attacker(data_dir, OFFICER, OFFICER_PW)
    readable = attacker.readable_rows(attacker.data_keys_opened())
    attacker.close()
    assert f"i-{OFFICER}" in readable and not readable & {f"i-{OTHER}", f"i-{SUPERVISOR}"}


def test_an_officer_first_after_the_upgrade_keeps_working_and_seals_nothing_out_of_reach(
        data_dir):
    """No supervisor has a key pair yet: sealing now would hide the officer's work from every
    supervisor, so the store writes in the clear, as schema 6 did, until a supervisor logs in."""
    build_old_store(data_dir, migrations.LATEST - 1)
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        session.save_answer(f"i-{OFFICER}", "family_name", "Later")
        assert session.get_interview(f"i-{OFFICER}").answers["family_name"] == "Later"
    assert in_the_clear(data_dir) == set(NAMES)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert session.get_interview(f"i-{OFFICER}").answers["family_name"] == "Later"
    assert in_the_clear(data_dir) == set()
    # this officer had a key pair before the supervisor sealed: it opens at once
    with login(data_dir, OFFICER, OFFICER_PW) as session:
        assert session.get_interview(f"i-{OFFICER}").answers["given_name"] == "Olsmarker52"
