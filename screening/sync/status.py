"""What the workstation knows about its link with central, for the supervisor's screens:
enrolled or not, when the last sync succeeded, and what waits or was refused in the outbox."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from screening import messages
from screening.errors import ScreeningError
from screening.store import connection, settings
from screening.store.session import StoreSession
from screening.sync import identity
from screening.sync.outbox import PENDING, Entry, Outbox, refusal_reason

LAST_SUCCESS = "sync.last_success"
OUTBOX = "outbox"


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str = ""
    device_id: str = ""
    last_success: str = ""  # ISO 8601 UTC, "" when never
    pending: int = 0
    quarantined: list[Entry] = field(default_factory=list)
    # (interview id, the reason in each language: {"sq": …, "en": …})
    refused: list[tuple[str, dict[str, str]]] = field(default_factory=list)


def read_status(session: StoreSession) -> SyncStatus:
    try:
        me = identity.load(session)
    except ScreeningError:
        return SyncStatus(enrolled=False)
    entries = Outbox(session.paths.root / OUTBOX).entries()
    refused = [(item.get("interview_id", ""),
                {lang: refusal_reason(item, lang) for lang in messages.LANGUAGES})
               for entry in entries for item in entry.refused]
    return SyncStatus(
        enrolled=True, server_url=me.server_url, device_id=me.device_id,
        last_success=settings.get_setting(session.conn, LAST_SUCCESS) or "",
        pending=sum(1 for e in entries if e.state in PENDING),
        quarantined=[e for e in entries if e.state == "quarantined"], refused=refused)


def record_success(session: StoreSession) -> None:
    with connection.transaction(session.conn):
        settings.set_setting(session.conn, LAST_SUCCESS,
                             dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
