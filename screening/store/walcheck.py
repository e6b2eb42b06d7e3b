"""A look at the write-ahead log before SQLite opens it.

SQLite treats a WAL frame whose checksum fails as the end of the log and silently drops it and
every frame after it: a flipped byte in the middle of the WAL would lose answers that were
committed, without a word. This module reads the WAL file itself and reports damage when a
frame fails but a later, valid commit frame of the same generation shows that the log went on.
A bad frame at the very end is what an interrupted write leaves, and SQLite handles that."""

from __future__ import annotations

import struct
from pathlib import Path

from screening.errors import StoreDamagedError

HEADER_BYTES = 32
FRAME_HEADER_BYTES = 24
MAGIC_LITTLE, MAGIC_BIG = 0x377F0682, 0x377F0683


def check_wal(wal_path: Path) -> None:
    """Raise StoreDamagedError when the WAL shows committed data SQLite would quietly drop."""
    try:
        data = Path(wal_path).read_bytes()
    except FileNotFoundError:
        return
    if len(data) < HEADER_BYTES:
        return
    magic, _version, page_size, _seq, salt1, salt2, ck1, ck2 = struct.unpack(
        ">8I", data[:HEADER_BYTES])
    if magic not in (MAGIC_LITTLE, MAGIC_BIG) or not _valid_page_size(page_size):
        if _looks_like_frames(data):
            raise StoreDamagedError("the write-ahead log header is damaged")
        return
    order = ">" if magic == MAGIC_BIG else "<"
    header_ok = _checksum(order, data[:24], (0, 0)) == (ck1, ck2)
    found_bad = not header_ok
    seed = (ck1, ck2)
    frame_size = FRAME_HEADER_BYTES + page_size
    for start in range(HEADER_BYTES, len(data) - frame_size + 1, frame_size):
        header = data[start:start + FRAME_HEADER_BYTES]
        _page, commit_size, f_salt1, f_salt2, f_ck1, f_ck2 = struct.unpack(">6I", header)
        if (f_salt1, f_salt2) != (salt1, salt2):
            break  # a frame of an earlier generation: the log ends here
        body = header[:8] + data[start + FRAME_HEADER_BYTES:start + frame_size]
        valid = _checksum(order, body, seed) == (f_ck1, f_ck2)
        if valid and commit_size and found_bad:
            raise StoreDamagedError("the write-ahead log is damaged; committed answers would "
                                    "be lost")
        found_bad = found_bad or not valid
        seed = (f_ck1, f_ck2)  # the stored value: lets us see past one damaged frame


def _valid_page_size(size: int) -> bool:
    return 512 <= size <= 65536 and size & (size - 1) == 0


def _looks_like_frames(data: bytes) -> bool:
    # a damaged magic number on a log that holds more than a header
    return len(data) > HEADER_BYTES + FRAME_HEADER_BYTES + 512


def _checksum(order: str, data: bytes, seed: tuple[int, int]) -> tuple[int, int]:
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    s0, s1 = seed
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1
