"""Workstation preferences that are not secret (language, lock timeout), in a small JSON file
beside the store, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from screening.atomicfile import write_atomic

FILE = "preferences.json"


class Preferences:
    """A plain class, not a dataclass, for the reason in screening/store/layout.py."""

    def __init__(self, lang: str = "sq", lock_minutes: int = 5) -> None:
        self.lang, self.lock_minutes = lang, lock_minutes

    @classmethod
    def load(cls, folder: Path) -> Preferences:
        try:
            data = json.loads((folder / FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # absent or unreadable: defaults; nothing secret is lost
        prefs = cls()
        if not isinstance(data, dict):
            return prefs  # valid JSON but not ours (a list, a number): the defaults
        if data.get("lang") in ("sq", "en"):
            prefs.lang = data["lang"]
        minutes = data.get("lock_minutes")
        if isinstance(minutes, int) and not isinstance(minutes, bool) and 1 <= minutes <= 120:
            prefs.lock_minutes = minutes
        return prefs

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        chosen = {"lang": self.lang, "lock_minutes": self.lock_minutes}
        write_atomic(folder / FILE, json.dumps(chosen).encode("utf-8"))
