"""Victims' data sealed in central's database (docs/central.md, "Data at rest").

Interview records (``interview_revisions.record``), the raw batches (``batch_archive.raw``),
the workstations' audit entries (``audit_entries.entry``) and the person of each advance
notice (``notices.person``: names, date of birth, travel, note) are kept sealed with AES-256-GCM
under a *data key* that never enters the database: a key file beside the service's
configuration (``SCREENING_CENTRAL_DATA_KEY_FILE``, by default ``<data dir>/keys/data.key``,
mode 0600) or, for a container's secret, the file's text in ``SCREENING_CENTRAL_DATA_KEY``. A
dump or a backup of the database alone reveals no answer and no name. The repeat-victim
matching keys (a normalised name, a document number) and a notice's name key are keyed
digests under the same key, so equal keys still meet in an index.

Each sealed value carries the id of the key that sealed it and is bound to its place (table,
column, row), so ``screening-central keys rotate`` can re-seal everything under a new key and
a value copied into another row does not open. The queries modules seal and open; callers see
the plain JSON as before. The key ring is attached to the engine, so the queries keep their
signatures (``of(conn)``)."""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine

from screening import crypto
from screening.atomicfile import write_atomic
from screening.errors import ScreeningError

KEY_FILE_ENV = "SCREENING_CENTRAL_DATA_KEY_FILE"
KEY_ENV = "SCREENING_CENTRAL_DATA_KEY"
RING_FORMAT = "rs-data-keys/1"
TEXT_PREFIX = "rs-sealed/1:"
BYTES_PREFIX = b"RSSEALED1"
MATCHING = b"matching key"
_KEY_ID = re.compile(r"[0-9a-f]{8}")
_rings: weakref.WeakKeyDictionary[Engine, DataKeys] = weakref.WeakKeyDictionary()


class DataKeyError(ScreeningError):
    code = "data_key"


@dataclass(frozen=True)
class DataKeys:
    """The data keys by id; ``current`` seals, every key in the ring opens."""

    keys: dict[str, bytes]
    current: str
    source: Path | None = field(default=None, compare=False)  # None: from the environment

    def seal_text(self, text: str, where: str) -> str:
        return TEXT_PREFIX + self.current + ":" + base64.b64encode(
            self._seal(text.encode("utf-8"), where)).decode("ascii")

    def open_text(self, value: str, where: str) -> str:
        kid, _, body = value.removeprefix(TEXT_PREFIX).partition(":")
        if not value.startswith(TEXT_PREFIX):
            raise _not_sealed(where)
        try:
            sealed = base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise _damaged(where) from None
        return self._open(kid, sealed, where).decode("utf-8")

    def seal_bytes(self, data: bytes, where: str) -> bytes:
        return BYTES_PREFIX + self.current.encode("ascii") + self._seal(data, where)

    def open_bytes(self, value: bytes, where: str) -> bytes:
        if not value.startswith(BYTES_PREFIX):
            raise _not_sealed(where)
        rest = value[len(BYTES_PREFIX):]
        return self._open(rest[:8].decode("ascii", "replace"), rest[8:], where)

    def digest(self, text: str) -> str:
        """The keyed digest of a matching key (64 hex characters)."""
        return crypto.keyed_digest(self.keys[self.current], MATCHING, text)

    def name_digest(self, name_key: str) -> str:
        """A normalised name as match_keys and notices keep it, so the two meet in SQL."""
        return self.digest("name " + name_key)

    def _seal(self, data: bytes, where: str) -> bytes:
        return crypto.seal_at_rest(self.keys[self.current], data, where.encode("utf-8"))

    def _open(self, kid: str, sealed: bytes, where: str) -> bytes:
        key = self.keys.get(kid)
        if key is None:
            raise DataKeyError(f"{where} is sealed with data key {kid!r}, which the data key "
                               "file does not hold: restore the key file from its backup")
        opened = crypto.open_at_rest(key, sealed, where.encode("utf-8"))
        if opened is None:
            raise _damaged(where)
        return opened

    def with_new_key(self) -> DataKeys:
        kid = os.urandom(4).hex()
        return DataKeys({**self.keys, kid: crypto.new_data_key()}, kid, self.source)

    def only_current(self) -> DataKeys:
        return DataKeys({self.current: self.keys[self.current]}, self.current, self.source)


def sealed_text(value: object) -> bool:
    return isinstance(value, str) and value.startswith(TEXT_PREFIX)


def sealed_bytes(value: object) -> bool:
    return isinstance(value, bytes | memoryview) and bytes(value).startswith(BYTES_PREFIX)


def _not_sealed(where: str) -> DataKeyError:
    return DataKeyError(f"{where} is not sealed: the database was changed outside central, or "
                        "its migration to sealed data did not run")


def _damaged(where: str) -> DataKeyError:
    return DataKeyError(f"{where} does not open with the data key: it was changed, moved from "
                        "another row, or the key file is not this database's")


# -- where the ring lives -----------------------------------------------------------------------

def key_file(data_dir: Path) -> Path:
    named = os.environ.get(KEY_FILE_ENV)
    return Path(named) if named else Path(data_dir) / "keys" / "data.key"


def load_or_create(data_dir: Path) -> DataKeys:
    """The ring from ``SCREENING_CENTRAL_DATA_KEY``, else from the key file (made with one new
    key the first time)."""
    given = os.environ.get(KEY_ENV)
    if given:
        return _parse(given, "SCREENING_CENTRAL_DATA_KEY", None)
    path = key_file(data_dir)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        kid = os.urandom(4).hex()
        save(DataKeys({kid: crypto.new_data_key()}, kid, path))
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise DataKeyError(f"{path} can be read by other users; run chmod 600 on it",
                           code="key_permissions")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataKeyError(f"{path} cannot be read ({type(error).__name__})") from None
    return _parse(text, str(path), path)


def save(ring: DataKeys) -> None:
    """Write the ring to its file atomically (0600)."""
    if ring.source is None:
        raise DataKeyError("the data key comes from SCREENING_CENTRAL_DATA_KEY: rotate it by "
                           "pointing SCREENING_CENTRAL_DATA_KEY_FILE at a key file instead",
                           code="data_key_not_file")
    doc = {"format": RING_FORMAT, "current": ring.current,
           "keys": {kid: base64.b64encode(key).decode("ascii") for kid, key in ring.keys.items()}}
    write_atomic(ring.source, (json.dumps(doc, indent=1) + "\n").encode("utf-8"))


def _parse(text: str, where: str, source: Path | None) -> DataKeys:
    try:
        doc = json.loads(text)
        keys = {kid: base64.b64decode(value, validate=True)
                for kid, value in doc["keys"].items()}
        current = doc["current"]
        valid = (doc.get("format") == RING_FORMAT and current in keys
                 and all(_KEY_ID.fullmatch(k) and len(v) == crypto.KEY_BYTES
                         for k, v in keys.items()))
    except (ValueError, TypeError, KeyError, AttributeError, binascii.Error):
        valid = False
    if not valid:
        raise DataKeyError(f"{where} is not central's data key file ({RING_FORMAT}); restore "
                           "it from its backup", code="data_key_damaged")
    return DataKeys(keys, current, source)


# -- the ring of an engine ----------------------------------------------------------------------

def attach(engine: Engine, ring: DataKeys) -> None:
    _rings[engine] = ring


def attached(engine: Engine) -> DataKeys | None:
    return _rings.get(engine)


def of(conn: Connection) -> DataKeys:
    ring = _rings.get(conn.engine)
    if ring is None:
        raise DataKeyError("central's data key is not loaded for this database "
                           "(open it with open_central)")
    return ring


# -- the places sealed values are bound to (their associated data) -----------------------------

def revision_place(interview_id: str, revision: int) -> str:
    return f"interview_revisions.record:{interview_id}:{int(revision)}"


def audit_place(device_id: str, seq: int) -> str:
    return f"audit_entries.entry:{device_id}:{int(seq)}"


def archive_place(batch_id: str) -> str:
    return f"batch_archive.raw:{batch_id}"


def notice_place(notice_id: str) -> str:
    return f"notices.person:{notice_id}"


# -- a notice's person, sealed as one JSON value (migration 0010) -------------------------------

NOTICE_PERSON = ("given_name", "family_name", "date_of_birth", "travel", "note")


def seal_notice(ring: DataKeys, notice_id: str, fields: dict[str, object]) -> str:
    """The personal fields of a notice (``NOTICE_PERSON``) sealed for its ``person`` column."""
    return ring.seal_text(json.dumps({name: fields.get(name) for name in NOTICE_PERSON},
                                     ensure_ascii=False), notice_place(notice_id))


def open_notice(ring: DataKeys, notice_id: str, value: str) -> dict[str, str | None]:
    opened = json.loads(ring.open_text(value, notice_place(notice_id)))
    return {name: opened.get(name) for name in NOTICE_PERSON}


# -- sealing what is there (migration 0007, key rotation) ---------------------------------------
# Lightweight tables rather than schema.py's: a migration must keep working as the schema grows.

_CHUNK = 500
_PLACES = (
    (sa.table("interview_revisions", sa.column("interview_id"), sa.column("revision"),
              sa.column("record")), ("interview_id", "revision"), "record",
     lambda k: revision_place(*k)),
    (sa.table("audit_entries", sa.column("device_id"), sa.column("seq"), sa.column("entry")),
     ("device_id", "seq"), "entry", lambda k: audit_place(*k)),
    (sa.table("batch_archive", sa.column("batch_id"), sa.column("raw")), ("batch_id",), "raw",
     lambda k: archive_place(*k)),
    # from migration 0010 on; migration 0007 runs before the table exists
    (sa.table("notices", sa.column("id"), sa.column("person")), ("id",), "person",
     lambda k: notice_place(*k)),
)


def _places(conn: Connection) -> list[tuple[sa.TableClause, tuple[str, ...], str, Any]]:
    """The places of ``_PLACES`` the database at its present revision has."""
    inspector = sa.inspect(conn)
    tables = set(inspector.get_table_names())
    return [place for place in _PLACES if place[0].name in tables
            and place[2] in {c["name"] for c in inspector.get_columns(place[0].name)}]


def holds_values(conn: Connection) -> bool:
    return any(conn.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first()
               for table, _keys, _column, _place in _places(conn))


def reseal_all(conn: Connection, ring: DataKeys | None, target: DataKeys | None) -> int:
    """Every sealed place opened with ``ring`` (a clear value is taken as it is; None: leave
    them clear) and written again sealed with ``target``'s current key (None: in clear, for
    going back down). The number of values written."""
    written = 0
    for table, key_names, column, place in _places(conn):
        keys = [tuple(row) for row in conn.execute(
            sa.select(*(table.c[k] for k in key_names)))]
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start:start + _CHUNK]
            rows = conn.execute(sa.select(*(table.c[k] for k in key_names), table.c[column])
                                .where(sa.tuple_(*(table.c[k] for k in key_names)).in_(chunk)))
            for row in rows.all():
                key, value = tuple(row[:-1]), row[-1]
                new = _rewrite(value, place(key), ring, target)
                conn.execute(sa.update(table).where(*(
                    table.c[k] == v for k, v in zip(key_names, key, strict=True)))
                    .values({column: new}))
                written += 1
    return written


def _rewrite(value: str | bytes, where: str, ring: DataKeys | None, target: DataKeys | None
             ) -> str | bytes:
    if isinstance(value, str):
        text = _open_text(value, where, ring)
        return target.seal_text(text, where) if target else text
    data = bytes(value)
    if sealed_bytes(data):
        data = _ring(ring).open_bytes(data, where)
    return target.seal_bytes(data, where) if target else data


def _open_text(value: str, where: str, ring: DataKeys | None) -> str:
    return _ring(ring).open_text(value, where) if sealed_text(value) else value


def _ring(ring: DataKeys | None) -> DataKeys:
    if ring is None:
        raise DataKeyError("the database holds sealed values: central needs its data key")
    return ring
