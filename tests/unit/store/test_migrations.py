"""Numbered migrations: a fresh store is at the latest schema; every earlier schema upgrades,
with a backup taken before each step."""

from __future__ import annotations

import pytest

from screening import crypto
from screening.errors import StoreError
from screening.store import connection, migrations
from screening.store.keyslots import KeySlots, account_slot
from screening.store.layout import StorePaths
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF, login


def test_a_new_store_has_the_latest_schema(supervisor):
    assert migrations.schema_version(supervisor.conn) == migrations.LATEST


def build_store_at(data_dir, version):
    """A store whose database stopped at ``version``, holding one account and one interview."""
    paths = StorePaths(data_dir)
    paths.make_root()
    key = crypto.new_master_key()
    slots = KeySlots(paths.keyslots)
    slots.set_secret(account_slot(SUPERVISOR), SUPERVISOR_PW, key, TEST_KDF)
    slots.save()

    def build(conn):
        migrations.migrate(conn, target=version)
        if version >= 1:
            conn.execute("INSERT INTO accounts (name, role, created_at, password_changed_at) "
                         "VALUES (?, 'supervisor', 't', 't')", (SUPERVISOR,))
            conn.execute("INSERT INTO interviews (id, form_id, form_version, checkpoint, "
                         "officer, created_at, updated_at, status, answers) VALUES "
                         "('i1', 'f', '1', 'KKV', ?, 't', 't', 'draft', "
                         "'{\"given_name\": \"OldMarker7f3a\"}')", (SUPERVISOR,))

    connection.create_database(paths.database, key, build)
    return paths


@pytest.mark.parametrize("version", range(1, migrations.LATEST))
def test_every_earlier_schema_upgrades_with_a_backup_before_each_step(data_dir, version):
    paths = build_store_at(data_dir, version)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert migrations.schema_version(session.conn) == migrations.LATEST
        assert session.get_interview("i1").answers == {"given_name": "OldMarker7f3a"}
        assert session.list_interviews(search="old")[0].id == "i1"
        assert session.verify_audit().intact
    backups = sorted(p.name for p in paths.backups.iterdir())
    steps = range(version + 1, migrations.LATEST + 1)
    assert [name.split("-")[2] for name in backups] == [str(s) for s in steps]
    # each backup opens with the same key and holds the schema it was taken from
    key = KeySlots.load(paths.keyslots).unwrap(account_slot(SUPERVISOR), SUPERVISOR_PW)
    for name in backups:
        content = (paths.backups / name).read_bytes()
        assert b"OldMarker7f3a" not in content and not content.startswith(b"SQLite format 3")
    first = connection.open_database(paths.backups / backups[0], key)
    assert migrations.schema_version(first) == version
    first.close()


def test_a_fresh_database_takes_no_backup(supervisor):
    assert not supervisor.paths.backups.exists()


def test_migrations_are_numbered_one_after_another():
    assert [m.version for m in migrations.MIGRATIONS] == \
        list(range(1, len(migrations.MIGRATIONS) + 1))


def test_a_newer_schema_is_refused_not_touched(supervisor, data_dir):
    supervisor.conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    supervisor.close()
    with pytest.raises(StoreError, match="newer"):
        login(data_dir, SUPERVISOR, SUPERVISOR_PW)


def test_schema_3_acknowledgements_are_forgotten_so_nothing_is_purged_early(data_dir, clock):
    """Schema 3 kept one acknowledged_at for any revision: it cannot prove the current one
    reached central (issue 15: a correction purged). V4 forgets it; purged rows stay purged."""
    paths = build_store_at(data_dir, 3)
    key = KeySlots.load(paths.keyslots).unwrap(account_slot(SUPERVISOR), SUPERVISOR_PW)
    conn = connection.open_database(paths.database, key)
    conn.execute("UPDATE interviews SET status = 'finalised', revision = 4, "
                 "acknowledged_at = '2020-01-01T00:00:00+00:00' WHERE id = 'i1'")
    conn.execute("INSERT INTO interviews (id, form_id, form_version, checkpoint, officer, "
                 "created_at, updated_at, status, revision, acknowledged_at, purged_at) "
                 "VALUES ('i2', 'f', '1', 'KKV', ?, 't', 't', 'approved', 3, "
                 "'2020-01-01T00:00:00+00:00', '2020-02-01T00:00:00+00:00')", (SUPERVISOR,))
    conn.close()
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW, clock=clock) as session:
        kept = session.get_interview("i1")
        assert kept.acknowledged_at is None and kept.acknowledged_revision is None
        assert kept.purged_at is None and kept.answers == {"given_name": "OldMarker7f3a"}
        assert session.get_interview("i2").acknowledged_revision == 3
        session.mark_acknowledged("i1", 4)
        clock.advance(31 * 86_400)
        assert session.purge_expired() == ["i1"]
