"""Victims' data sealed at rest in central's database (screening/central/atrest.py), on SQLite
and PostgreSQL: a dump alone names nobody (an interview's nor an advance notice's), the
queries give the plain JSON as before, migration 0007 seals what an earlier central stored,
and ``keys rotate`` re-seals it all."""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from screening.central import atrest, database, rotation
from screening.central.batches import queries as batches
from screening.central.batches.ingest import ingest
from screening.central.cases import queries as cases
from screening.central.notices import register
from screening.central.repeats import candidates
from screening.central.repeats import queries as repeats
from screening.central.schema import audit_entries, interview_revisions, match_keys, notices
from screening.errors import ScreeningError
from screening.sync import wire
from tests.central.live import run_cli
from tests.central.postgres import binaries
from tests.unit.sync.batches import interview

NAME, FAMILY, DOCUMENT = "Drilona", "Zenelaj", "ZX9081726"
TRAVEL, NOTE = "OS847 Wien", "Sister Mimoza waits outside"
EARLIER = ("0001", "0002", "0003", "0004", "0005", "0006")


def victim(**more) -> dict:
    return interview(name=NAME, family_name=FAMILY, id_document_number=DOCUMENT, **more)


def dump(central) -> bytes:
    """Everything a backup of the database holds."""
    url = central.settings.db_url
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    pg_dump = binaries() / "pg_dump"
    return subprocess.run([str(pg_dump), "--data-only", url.replace("+psycopg", "")],
                          capture_output=True, check=True, timeout=60).stdout


def names_anyone(blob: bytes) -> bool:
    return any(word.encode() in blob or word.upper().encode() in blob
               for word in (NAME, FAMILY, DOCUMENT, "drilona", "zenelaj", "OS847", "Mimoza",
                            "1991-04-17"))


def expect(central, **changes) -> register.Recorded:
    """An advance notice of the victim's return (consular staff type it at central)."""
    return register.add(central, {"checkpoint": "TIA", "expected_date": "2026-06-30",
                                  "given_name": NAME, "family_name": FAMILY,
                                  "date_of_birth": "1991-04-17", "travel": TRAVEL,
                                  "note": NOTE, "notified_by": "consulate", **changes},
                        by="drita")


def shown(central, notice_id: str) -> tuple:
    [n] = [n for n in register.listing(central) if n["id"] == notice_id]
    return n["given_name"], n["family_name"], n["date_of_birth"], n["travel"], n["note"]


def test_a_dump_of_the_database_names_nobody_and_central_reads_as_before(central, station):
    record = victim()
    twin = victim()  # the same person again: repeat matching still pairs them
    ingest(central, station.batch([record, twin]))
    with central.engine.connect() as conn:
        assert json.loads(cases.record(conn, record["id"])) == record
        assert cases.audit_for(conn, record["id"]) == record["audit"]
        assert [c.reason for c in repeats.candidates(conn)] == ["document_number"]
        keys = conn.execute(select(match_keys.c.name_key, match_keys.c.document_key)).all()
    assert all(len(k) == 64 for row in keys for k in row)  # keyed digests, no names
    expected = expect(central).id
    assert shown(central, expected) == (NAME, FAMILY, "1991-04-17", TRAVEL, NOTE)
    with central.engine.connect() as conn:
        (held,) = conn.execute(select(notices.c.person, notices.c.name_key)).all()
    assert atrest.sealed_text(held.person) and len(held.name_key) == 64
    assert not names_anyone(dump(central))


def test_a_notice_sealed_for_one_row_does_not_open_in_another(central):
    first, second = expect(central).id, expect(central, given_name="Besa").id
    with central.engine.begin() as conn:
        moved = conn.execute(select(notices.c.person).where(notices.c.id == first)).scalar()
        conn.execute(notices.update().where(notices.c.id == second).values(person=moved))
    with pytest.raises(ScreeningError) as caught:
        register.listing(central)
    assert caught.value.code == "data_key" and "does not open" in caught.value.message


def test_a_sealed_value_moved_to_another_row_does_not_open(central, station):
    first, second = victim(), interview()
    ingest(central, station.batch([first, second]))
    with central.engine.begin() as conn:
        r = interview_revisions.c
        moved = conn.execute(select(r.record).where(r.interview_id == first["id"])).scalar()
        conn.execute(interview_revisions.update().where(r.interview_id == second["id"])
                     .values(record=moved))
    with central.engine.connect() as conn, pytest.raises(ScreeningError) as caught:
        cases.record(conn, second["id"])
    assert caught.value.code == "data_key" and "does not open" in caught.value.message


def test_without_its_data_key_central_reads_nothing_and_says_why(central, station):
    ingest(central, station.batch([victim()]))
    other = atrest.DataKeys({"0badc0de": b"\1" * 32}, "0badc0de")
    atrest.attach(central.engine, other)
    with central.engine.connect() as conn, pytest.raises(ScreeningError) as caught:
        batches.archived(conn, conn.execute(text("SELECT batch_id FROM batch_archive")
                                            ).scalar())
    assert "which the data key file does not hold" in caught.value.message


def test_the_data_key_file_is_private_and_a_damaged_one_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv(atrest.KEY_ENV, raising=False)
    monkeypatch.setenv(atrest.KEY_FILE_ENV, str(tmp_path / "etc" / "data.key"))
    ring = atrest.load_or_create(tmp_path / "data")
    path = tmp_path / "etc" / "data.key"
    assert path.stat().st_mode & 0o777 == 0o600 and ring.source == path
    assert atrest.load_or_create(tmp_path / "data") == ring
    path.chmod(0o644)
    with pytest.raises(ScreeningError, match="chmod 600"):
        atrest.load_or_create(tmp_path / "data")
    path.write_text("not a key")
    path.chmod(0o600)
    with pytest.raises(ScreeningError) as caught:
        atrest.load_or_create(tmp_path / "data")
    assert caught.value.code == "data_key_damaged"
    monkeypatch.setenv(atrest.KEY_ENV, json.dumps({
        "format": atrest.RING_FORMAT, "current": "00000001",
        "keys": {"00000001": wire.b64e(b"\2" * 32)}}))
    assert atrest.load_or_create(tmp_path / "data").current == "00000001"


def test_rotation_reseals_everything_under_a_new_key_and_forgets_the_old(central, station):
    record = victim()
    ingest(central, station.batch([record, victim()]))
    expected = expect(central).id
    with central.engine.connect() as conn:
        digest = conn.execute(select(notices.c.name_key)).scalar()
    old = atrest.attached(central.engine)
    kid, count = rotation.rotate(central, "drita")
    assert count == 2 + 2 + 1 + 1 and kid != old.current
    ring = atrest.load_or_create(central.settings.data_dir)
    assert list(ring.keys) == [kid]
    with central.engine.connect() as conn:
        stored = conn.execute(select(audit_entries.c.entry)).scalars().all()
        assert all(value.startswith(f"{atrest.TEXT_PREFIX}{kid}:") for value in stored)
        assert json.loads(cases.record(conn, record["id"])) == record
        assert [c.reason for c in repeats.candidates(conn)] == ["document_number"]
        person, again = conn.execute(select(notices.c.person, notices.c.name_key)).one()
    assert person.startswith(f"{atrest.TEXT_PREFIX}{kid}:") and again not in (digest, None)
    assert shown(central, expected) == (NAME, FAMILY, "1991-04-17", TRAVEL, NOTE)
    # the new digest still finds the person: a second notice merges into the first
    assert expect(central, given_name=FAMILY, family_name=NAME).id == expected
    atrest.attach(central.engine, old)  # the old key alone opens nothing any more
    with central.engine.connect() as conn, pytest.raises(ScreeningError):
        cases.record(conn, record["id"])
    assert not names_anyone(dump(central))


def test_keys_rotate_from_the_command_line(central, station):
    ingest(central, station.batch([victim()]))
    printed = run_cli(central.settings.data_dir, central.settings.db_url, "keys", "rotate")
    assert printed.returncode == 0, printed.stderr
    assert "3 value(s) sealed again under data key" in printed.stdout


def _clear_rows(conn, record: dict) -> None:
    """What a central before 0007 held: the record, its audit entry and the batch in clear,
    and clear matching keys."""
    device, batch_id = "dev-old", str(uuid.uuid4())
    conn.execute(text("INSERT INTO devices (id, checkpoint, label, verify_key, enrolled_at) "
                      "VALUES ('dev-old', 'TIA', 'old', 'k', '2026-01-01')"))
    conn.execute(text("INSERT INTO batches (id, device_id, sequence, content_hash, received_at,"
                      " size, via, receipt) VALUES (:b, :d, 1, 'h', '2026-01-01', 3, 'http', "
                      ":r)"), {"b": batch_id, "d": device, "r": b"{}"})
    conn.execute(text("INSERT INTO batch_archive (batch_id, raw) VALUES (:b, :raw)"),
                 {"b": batch_id, "raw": f"RSBATCH {NAME}".encode()})
    conn.execute(text("INSERT INTO interviews (id, device_id, checkpoint, form_id, form_version,"
                      " status, outcome, revision, received_at) VALUES (:i, :d, 'TIA', "
                      "'returnee_screening', '2026.2', 'finalised', NULL, 1, '2026-01-01')"),
                 {"i": record["id"], "d": device})
    conn.execute(text("INSERT INTO interview_revisions (interview_id, revision, content_hash, "
                      "record, batch_id) VALUES (:i, 1, 'h', :rec, :b)"),
                 {"i": record["id"], "rec": wire.canonical_json(record).decode(), "b": batch_id})
    conn.execute(text("INSERT INTO audit_entries (device_id, seq, interview_id, entry, batch_id)"
                      " VALUES (:d, 1, :i, :e, :b)"),
                 {"d": device, "i": record["id"], "b": batch_id,
                  "e": json.dumps(record["audit"][0])})


@pytest.mark.parametrize("start", EARLIER)
def test_migration_0007_seals_what_an_earlier_central_held(database_url, tmp_path, start):
    engine = database.open_engine(database_url)
    ring = atrest.DataKeys({"0000abcd": b"\3" * 32}, "0000abcd")
    try:
        with engine.begin() as conn:
            command.upgrade(database._alembic_config(conn), start)
        record = victim()
        with engine.begin() as conn:
            _clear_rows(conn, record)
            if start >= "0003":
                conn.execute(text("INSERT INTO match_keys (interview_id, revision, "
                                  "interviewed_at, name_key) VALUES (:i, 1, 'x', 'drilona')"),
                             {"i": record["id"]})
        with pytest.raises(ScreeningError, match="data key is needed"):
            database.migrate(engine)  # never sealed by nothing, never half done
        atrest.attach(engine, ring)
        database.migrate(engine)
        assert database.is_current(engine)
        with engine.connect() as conn:
            assert json.loads(cases.record(conn, record["id"])) == record
            assert cases.audit_for(conn, record["id"]) == record["audit"]
            batch_id = conn.execute(text("SELECT batch_id FROM batch_archive")).scalar()
            assert batches.archived(conn, batch_id) == f"RSBATCH {NAME}".encode()
            held = conn.execute(text("SELECT record FROM interview_revisions")).scalar()
            assert atrest.sealed_text(held) and NAME not in held
            assert conn.execute(text("SELECT count(*) FROM match_keys")).scalar() == 0
        candidates.refresh(engine)  # made again, as digests
        with engine.connect() as conn:
            (name_key,) = conn.execute(select(match_keys.c.name_key)).scalars().all()
        assert len(name_key) == 64
        with engine.begin() as conn:  # and back down: every value in clear again
            command.downgrade(database._alembic_config(conn), "0005")
        with engine.connect() as conn:
            held = conn.execute(text("SELECT record FROM interview_revisions")).scalar()
        assert json.loads(held) == record
        database.migrate(engine)
        with engine.connect() as conn:
            assert json.loads(cases.record(conn, record["id"])) == record
    finally:
        engine.dispose()
