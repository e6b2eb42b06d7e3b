"""Where the store's files sit inside the data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

DATABASE = "store.db"
KEYSLOTS = "keyslots.json"
HEAD = "store.head"  # the head record, store/headrecord.py
BACKUPS = "backups"


class StorePaths(NamedTuple):
    """The store's files under ``root``. A named tuple, not a dataclass: the desktop's login
    window imports this module, and importing dataclasses and generating a dataclass's methods
    cost its start-up ~5 ms (bench/startup.py)."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE

    @property
    def keyslots(self) -> Path:
        return self.root / KEYSLOTS

    @property
    def head(self) -> Path:
        return self.root / HEAD

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS

    def any_exists(self) -> bool:
        """True when anything of a store is here, even half of one: never build over it."""
        names = (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm", KEYSLOTS, HEAD)
        return any((self.root / name).exists() for name in names)

    def make_root(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.tighten()

    def tighten(self) -> None:
        """0700 on the data folder and every folder in it, 0600 on every file: a folder made
        by an older version or by hand (mkdir keeps the umask's 0755) is closed on open."""
        if os.name != "posix" or not self.root.is_dir():
            return
        os.chmod(self.root, 0o700)
        for folder, subfolders, files in os.walk(self.root):
            for name in subfolders:
                os.chmod(os.path.join(folder, name), 0o700, follow_symlinks=False)
            for name in files:
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    os.chmod(path, 0o600)

    def make_backups(self) -> Path:
        self.backups.mkdir(exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(self.backups, 0o700)
        return self.backups
