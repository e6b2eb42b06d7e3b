"""An exclusive lock between processes on this workstation (the app, a CLI command, the sync
service): held while the key-slot file is read, changed and written back, and for the whole of
a sync (``sync/service.py``). The operating system releases it when the holder dies, so a
crashed sync never leaves the workstation locked."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path


class LockHeldError(OSError):
    """Another holder has the lock (``exclusive(..., wait=False)``)."""


@contextlib.contextmanager
def exclusive(lock_path: Path, *, wait: bool = True) -> Iterator[None]:
    """Hold the lock; ``wait=False`` raises ``LockHeldError`` at once when it is taken."""
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            _lock(fd, wait)
        except OSError as error:
            if wait:
                raise
            raise LockHeldError(str(lock_path)) from error
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on the Windows build
    import msvcrt

    def _lock(fd: int, wait: bool) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int, wait: bool) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
