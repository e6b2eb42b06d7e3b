"""Where the store's files sit inside the data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DATABASE = "store.db"
KEYSLOTS = "keyslots.json"
BACKUPS = "backups"


@dataclass(frozen=True)
class StorePaths:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE

    @property
    def keyslots(self) -> Path:
        return self.root / KEYSLOTS

    @property
    def backups(self) -> Path:
        return self.root / BACKUPS

    def any_exists(self) -> bool:
        """True when anything of a store is here, even half of one: never build over it."""
        names = (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm", KEYSLOTS)
        return any((self.root / name).exists() for name in names)

    def make_root(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)

    def make_backups(self) -> Path:
        self.backups.mkdir(exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(self.backups, 0o700)
        return self.backups
