"""One running central: its settings, database engine and keys, opened together, with what it
derives from the interviews brought up to date once (for data stored by an older central)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from screening.central import atrest, database, keys, settings
from screening.central.cases import facts
from screening.central.reference import publish
from screening.central.referrals import registry
from screening.central.repeats import candidates


@dataclass(frozen=True)
class Central:
    settings: settings.Settings
    engine: Engine
    keys: keys.CentralKeys

    def close(self) -> None:
        self.engine.dispose()


def open_central(config: settings.Settings, *, migrate: bool = True) -> Central:
    """Open central; its keys (and its data key, outside the database) are made on first
    use and the schema migrated to the newest."""
    config.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    central_keys = keys.load_or_create(config.data_dir)
    _create_sqlite_private(config.db_url)
    data_keys = atrest.load_or_create(config.data_dir)
    engine = database.open_engine(config.db_url)
    atrest.attach(engine, data_keys)
    central = Central(config, engine, central_keys)
    if migrate:
        database.migrate(engine)
        catch_up(central)
    return central


def catch_up(central: Central) -> None:
    """Case facts, referrals, repeat-victim candidates and the revocation list are made current as
    interviews arrive and devices are revoked; this makes them current for data an older
    central stored (a no-op when nothing is stale)."""
    database.retry_on_conflict(central.engine, facts.refresh)
    database.retry_on_conflict(central.engine, registry.refresh)
    candidates.refresh(central.engine)
    publish.catch_up_revocations(central)


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
