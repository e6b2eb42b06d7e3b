"""Atomic replacement of small files that are not a database (key slots, exports, central's
keys, preferences): shared by the workstation and central, so it sits at the bottom layer.

Electrum's idiom (docs/design.md §2): a temp file in the same folder, permissions set before a byte
is written, fsync, ``os.replace``, then fsync of the folder so the rename itself survives a
power cut."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        _restrict(fd, tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


def _restrict(fd: int, name: str, mode: int) -> None:
    """Set the mode before a byte is written. ``mkstemp`` already creates the file 0600 on
    POSIX; Python on Windows has no ``os.fchmod`` before 3.13 and keeps only the read-only bit,
    so there the path form is used and access is left to the folder's ACL."""
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, mode)
    else:
        os.chmod(name, mode)


def fsync_dir(folder: Path) -> None:
    # Windows cannot open a folder for fsync; NTFS journals the rename itself.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
