"""No plaintext on disk: not in the database, its -wal or -shm, the key slots or the backups,
whether a session is open (WAL full) or closed."""

from __future__ import annotations

import uuid

from screening.store import migrations
from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, login

SQLITE_HEADER = b"SQLite format 3"


def markers(count):
    return [f"Mrk{uuid.uuid4().hex[:12]}" for _ in range(count)]


def leaks(folder, needles):
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            found += [(path.name, n) for n in needles
                      if n.encode() in content or n.encode("utf-16-le") in content]
    return found


def test_no_marker_reaches_any_file(supervisor, data_dir, tmp_path):
    names = markers(6)
    with login(data_dir) as officer:
        for n in range(0, 4, 2):
            officer.import_finalised(adult_no_indicators(given_name=names[n],
                                                         family_name=names[n + 1]))
        draft = officer.start_interview("returnee_screening", "1")
        officer.save_answer(draft, "given_name", names[4])
        officer.save_answer(draft, "other_names", names[5])
        assert (data_dir / "store.db-wal").stat().st_size > 0
        assert leaks(data_dir, names) == []  # while the WAL holds the latest pages
        supervisor.backup(data_dir / "backups" / "manual")
    supervisor.close()
    assert leaks(data_dir, names) == []
    for db in [data_dir / "store.db", *(data_dir / "backups").rglob("*.db")]:
        assert not db.read_bytes().startswith(SQLITE_HEADER), db
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as again:
        assert {s.display_name for s in again.list_interviews()} >= \
            {f"{names[0]} {names[1]}", f"{names[2]} {names[3]}", names[4]}
        assert migrations.schema_version(again.conn) == migrations.LATEST


def test_deleted_answers_do_not_linger_in_free_pages(supervisor, data_dir):
    # secure_delete is on; the database is encrypted anyway, so check it holds no marker at all
    (name,) = markers(1)
    with login(data_dir) as officer:
        draft = officer.start_interview("returnee_screening", "1")
        officer.save_answer(draft, "given_name", name)
        officer.save_answer(draft, "given_name", None)
    assert leaks(data_dir, [name]) == []
    secure = supervisor.conn.execute("PRAGMA secure_delete").fetchone()[0]
    assert secure == 1
