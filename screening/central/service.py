"""One running central: its settings, database engine and keys, opened together."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from screening.central import database, keys, settings


@dataclass(frozen=True)
class Central:
    settings: settings.Settings
    engine: Engine
    keys: keys.CentralKeys

    def close(self) -> None:
        self.engine.dispose()


def open_central(config: settings.Settings, *, migrate: bool = True) -> Central:
    """Open central; its keys are made on first use and the schema migrated to the newest."""
    config.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    central_keys = keys.load_or_create(config.data_dir)
    _create_sqlite_private(config.db_url)
    engine = database.open_engine(config.db_url)
    if migrate:
        database.migrate(engine)
    return Central(config, engine, central_keys)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def _create_sqlite_private(url: str) -> None:
    """Make a new SQLite file readable by its owner only before SQLite creates it (its -wal
    and -shm files take the same permissions): it will hold victims' interviews."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return  # open_engine reports the bad URL
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
