"""A flipped byte in the write-ahead log is damage, not silently lost answers."""

from __future__ import annotations

import shutil

import pytest

from screening.errors import StoreDamagedError
from screening.store import connection, interviews
from screening.store.keyring import Keyring
from screening.store.keyslots import KeySlots, account_slot
from screening.store.walcheck import FRAME_HEADER_BYTES, HEADER_BYTES, check_wal
from tests.unit.store.helpers import OFFICER, OFFICER_PW, login

PAGE = 4096
FRAME = FRAME_HEADER_BYTES + PAGE


@pytest.fixture
def crash_image(supervisor, data_dir, tmp_path):
    """The data folder as a crash leaves it: the database plus a WAL full of committed saves."""
    with login(data_dir) as officer:
        interview_id = officer.start_interview("returnee_screening", "1")
        for n in range(12):
            officer.save_answer(interview_id, f"q{n}", n)
        image = tmp_path / "image"
        image.mkdir()
        for name in ("store.db", "store.db-wal", "keyslots.json"):
            shutil.copy2(data_dir / name, image / name)
    assert (image / "store.db-wal").stat().st_size > 6 * FRAME
    return image, interview_id


def open_image(image):
    key = KeySlots.load(image / "keyslots.json").unwrap(account_slot(OFFICER), OFFICER_PW)
    return connection.open_database(image / "store.db", key)


def flip(path, offset):
    content = bytearray(path.read_bytes())
    content[offset] ^= 0x10
    path.write_bytes(bytes(content))


def test_an_intact_crash_image_opens_with_every_save(crash_image):
    image, interview_id = crash_image
    check_wal(image / "store.db-wal")
    conn = open_image(image)
    private_key = KeySlots.load(image / "keyslots.json").open(account_slot(OFFICER),
                                                               OFFICER_PW).private_key
    record = interviews.opened(Keyring(conn, {OFFICER: private_key}),
                               interviews.get(conn, interview_id))
    conn.close()
    assert record.revision == 12 and record.answers == {f"q{n}": n for n in range(12)}


@pytest.mark.parametrize("where", ["frame body", "frame header", "log header"])
def test_a_flipped_byte_in_the_wal_is_damage(crash_image, where):
    image, _ = crash_image
    offset = {"frame body": HEADER_BYTES + 2 * FRAME + 1000,
              "frame header": HEADER_BYTES + 2 * FRAME + 2,
              "log header": 10}[where]
    flip(image / "store.db-wal", offset)
    damaged = (image / "store.db-wal").read_bytes()
    with pytest.raises(StoreDamagedError):
        open_image(image)
    assert (image / "store.db-wal").read_bytes() == damaged  # SQLite never got to drop it


def test_a_wal_that_ends_in_a_torn_frame_is_normal(crash_image):
    image, _ = crash_image
    wal = image / "store.db-wal"
    size = wal.stat().st_size
    flip(wal, size - 100)  # the last frame: what an interrupted write leaves
    check_wal(wal)
