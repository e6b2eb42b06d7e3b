"""Central's one clock: every stored time is UTC ISO 8601 with microseconds, so that times
compare as text in SQL on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
