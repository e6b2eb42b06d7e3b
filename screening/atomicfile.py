"""Atomic replacement of small files that are not a database (key slots, exports, central's
keys, preferences): shared by the workstation and central, so it sits at the bottom layer.

Electrum's idiom (docs/design.md §2): a temp file in the same folder, permissions set before a byte
is written, fsync, ``os.replace``, then fsync of the folder so the rename itself survives a
power cut."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from screening.errors import ScreeningError


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


# ----- a command's output files (both command lines): checked before any work is done --------

def free_target(path: Path, force: bool) -> Path:
    """``path`` if a file may be written there (its folder exists; it does not, or ``force``)."""
    if path.is_dir():
        raise ScreeningError(code="output_is_folder", path=path)
    if not path.parent.is_dir():
        raise ScreeningError(code="output_folder_missing", path=path.parent)
    if path.exists() and not force:
        raise ScreeningError(code="output_exists", path=path)
    return path


def free_targets(folder: Path | None, names: Iterable[str], force: bool) -> list[Path]:
    """The files ``names`` in ``folder`` (made, readable by its owner only), each free."""
    if folder is None:
        return []
    if folder.exists() and not folder.is_dir():
        raise ScreeningError(code="output_not_folder", path=folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ScreeningError(code="output_folder_failed", path=folder,
                             reason=error.strerror) from None
    return [free_target(folder / name, force) for name in names]


def write_output(path: Path, content: bytes) -> None:
    """Write a command's output file atomically, readable by its owner only."""
    try:
        write_atomic(path, content, mode=0o600)
    except OSError as error:
        raise ScreeningError(code="output_failed", path=path, reason=error.strerror) from None
