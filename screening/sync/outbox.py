"""The outbox: sealed batches waiting for central, and the state of each.

A batch file is sealed to central, so the workstation cannot read it back: the outbox can live
in plain files beside the encrypted store. Each batch is ``<sequence>-<batch id>.rsb`` with a
``.json`` state beside it, written atomically: queued → sending (before the request) →
acknowledged (only after the signed receipt verified) or quarantined (central refused the whole
batch for good, with the reason). Interviews central refused inside an acknowledged batch are
listed in its state with their codes, so they can be shown and fixed without blocking the
rest."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from screening import messages
from screening.atomicfile import write_atomic
from screening.errors import ScreeningError
from screening.store import filelock
from screening.sync import wire

STATES = ("queued", "sending", "acknowledged", "quarantined")
PENDING = ("queued", "sending")


@dataclass
class Entry:
    batch_id: str
    sequence: int
    state: str
    interviews: list[list[Any]]  # [interview id, revision]
    created_at: str
    updated_at: str
    reason: str = ""
    refused: list[dict[str, Any]] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return f"{self.sequence:08d}-{self.batch_id}"


class Outbox:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _ensure(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    def next_sequence(self) -> int:
        """Take the next sequence number for good (persisted before use: central refuses a
        number used twice, and a gap stays visible to central staff). Under a lock between
        processes, and never below a batch already in the folder, so two builders at once, or
        a counter file lost, can never hand out a number twice."""
        self._ensure()
        counter = self.folder / "sequence.json"
        with filelock.exclusive(self.folder / "sequence.lock"):
            current = json.loads(counter.read_text())["last"] if counter.exists() else 0
            taken = max([current, *(e.sequence for e in self.entries())])
            write_atomic(counter, json.dumps({"last": taken + 1}).encode())
        return taken + 1

    def add(self, raw: bytes, interviews: list[tuple[str, int]]) -> Entry:
        header = wire.parse_batch(raw).header
        now = _now()
        entry = Entry(header.batch_id, header.sequence, "queued",
                      [[i, r] for i, r in interviews], now, now)
        self._ensure()
        write_atomic(self.folder / f"{entry.stem}.rsb", raw)
        self._save(entry)  # the state last: a batch without state is not yet in the outbox
        return entry

    def entries(self) -> list[Entry]:
        if not self.folder.exists():
            return []
        return [self._load(p) for p in sorted(self.folder.glob("*-*.json"))]

    def pending(self) -> list[Entry]:
        return [e for e in self.entries() if e.state in PENDING]

    def raw(self, entry: Entry) -> bytes:
        return (self.folder / f"{entry.stem}.rsb").read_bytes()

    def mark(self, entry: Entry, state: str, reason: str = "",
             refused: list[dict[str, Any]] | None = None) -> Entry:
        if state not in STATES:
            raise ValueError(state)
        entry.state, entry.reason, entry.updated_at = state, reason, _now()
        if refused is not None:
            entry.refused = refused
        self._save(entry)
        return entry

    def export(self, dest: Path) -> list[Path]:
        """Copy every pending batch to ``dest`` (removable media) for ``screening-central
        import``; they stay pending until a receipt comes back."""
        dest.mkdir(parents=True, exist_ok=True)
        written = []
        for entry in self.pending():
            # sealed, yet 0600 like every file the workstation writes: what travels, when
            # and how much is itself worth keeping from others on the machine
            target = dest / f"{entry.stem}.rsb"
            write_atomic(target, self.raw(entry))
            written.append(target)
        return written

    def _save(self, entry: Entry) -> None:
        write_atomic(self.folder / f"{entry.stem}.json",
                     json.dumps(asdict(entry), sort_keys=True).encode())

    def _load(self, path: Path) -> Entry:
        try:
            return Entry(**json.loads(path.read_text()))
        except (OSError, ValueError, TypeError) as error:
            raise ScreeningError(code="outbox_damaged", name=path.name, detail=error) from None


def refusal_reason(item: dict[str, Any], lang: str = "en") -> str:
    """Central's refusal of one interview (a receipt result, as the outbox keeps it) in words
    of ``lang``: its reason, then each problem with the question it concerns — by their codes
    (screening/messages.py), central's English words only for a code this version lacks."""
    reason = messages.refusal(str(item.get("code") or ""), lang, str(item.get("message") or ""))
    problems = [p for p in item.get("problems") or [] if isinstance(p, dict)]
    words = [messages.problem(str(p.get("code") or ""), lang, str(p.get("message") or ""))
             for p in problems]
    details = "; ".join(f"{p.get('question')}: {text}" if p.get("question") else text
                        for p, text in zip(problems, words, strict=True))
    return f"{reason} — {details}" if details else reason


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
