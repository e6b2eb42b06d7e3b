"""The central database: engine set-up for SQLite (embedded default) and PostgreSQL, the
Alembic migrations run programmatically (no alembic.ini to lose), and the one way a write is
tried again when a concurrent writer wins a race (``retry_on_conflict``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from screening.central import atrest
from screening.central.refusals import Refused
from screening.errors import ScreeningError

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ATTEMPTS = 4
CHUNK = 500  # bound parameters per IN query (SQLite allows 32766, PostgreSQL 65535)
# A unique key taken by a concurrent writer (IntegrityError), or a lock or serialisation
# failure (OperationalError): the loser looks again rather than failing the request.
CONFLICTS = (IntegrityError, OperationalError)
T = TypeVar("T")


class DatabaseError(ScreeningError):
    code = "database_error"


def open_engine(url: str) -> Engine:
    try:
        # hide_parameters: an error message (and so a log line) never carries an interview.
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    except (SQLAlchemyError, ImportError, ValueError) as error:
        raise DatabaseError(f"cannot use the database URL: {error}") from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                       "busy_timeout=30000"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front: two ingests never deadlock upgrading a
        # read lock, the second simply waits for the first.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _alembic_config(connection: Any) -> Any:
    from alembic.config import Config  # Alembic loads only when the schema is checked

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    # migration 0007 seals what is held with the data key attached to the engine
    config.attributes["data_keys"] = atrest.attached(connection.engine)
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; a no-op when it is already there."""
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
    except SQLAlchemyError as error:
        raise DatabaseError(f"the database cannot be migrated: {error}") from None


def is_current(engine: Engine) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()
    return current == head


def ping(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def retry_on_conflict(engine: Engine, work: Callable[[Connection], T], *,
                      settled: Callable[[], T | None] = lambda: None,
                      busy: str = "central is busy; try again later") -> T:
    """``work`` in one transaction, run again when a concurrent writer won a race. Before each
    new attempt ``settled`` may say the winner already did the job (its answer is returned);
    after ``ATTEMPTS`` losses the request is refused as busy, with nothing stored."""
    for _attempt in range(ATTEMPTS):
        try:
            with engine.begin() as conn:
                return work(conn)
        except CONFLICTS:
            done = settled()
            if done is not None:
                return done
    raise Refused(busy, code="busy")


def chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``items`` in slices of ``CHUNK``, one IN query each."""
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
