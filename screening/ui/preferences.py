"""Workstation preferences that are not secret (language, lock timeout), in a small JSON file
beside the store, written atomically."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from screening.atomicfile import write_atomic

FILE = "preferences.json"


@dataclass
class Preferences:
    lang: str = "sq"
    lock_minutes: int = 5

    @classmethod
    def load(cls, folder: Path) -> Preferences:
        try:
            data = json.loads((folder / FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # absent or unreadable: defaults; nothing secret is lost
        prefs = cls()
        if data.get("lang") in ("sq", "en"):
            prefs.lang = data["lang"]
        if isinstance(data.get("lock_minutes"), int) and 1 <= data["lock_minutes"] <= 120:
            prefs.lock_minutes = data["lock_minutes"]
        return prefs

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(folder / FILE, json.dumps(asdict(self)).encode("utf-8"))
