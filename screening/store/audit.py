"""The append-only, hash-chained audit log: who did what, when.

Each entry's hash covers its own fields and the previous entry's hash, so changing, removing or
inserting an entry breaks the chain from that point on. Entries hold ids and action names, never
answers: the log must be safe to show to an inspector."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from screening import crypto
from screening.store.connection import Connection, translate_errors

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str | None
    action: str
    subject: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Head:
    """An entry's place in the chain: its seq and hash (the head central confirmed)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class ChainReport:
    entries: int
    first_broken: int | None  # seq of the first entry that does not match; None when intact
    reason: str = ""
    anchored: Head | None = None  # the head central confirmed, which the chain was checked to

    @property
    def intact(self) -> bool:
        return self.first_broken is None


def entry_hash(seq: int, at: str, actor: str | None, action: str, subject: str | None,
               detail_json: str, prev_hash: str) -> str:
    canonical = json.dumps([seq, at, actor, action, subject, detail_json, prev_hash],
                           ensure_ascii=False, separators=(",", ":"))
    return crypto.digest_hex(canonical.encode("utf-8"))


def append(conn: Connection, actor: str | None, action: str, subject: str | None = None,
           detail: dict[str, Any] | None = None, at: str | None = None) -> int:
    """Add one entry; call inside the transaction of the change it records."""
    at = at or utc_now()
    detail_json = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True)
    last = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    digest = entry_hash(seq, at, actor, action, subject, detail_json, prev)
    conn.execute("INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (seq, at, actor, action, subject, detail_json, prev, digest))
    return seq


def entries(conn: Connection, limit: int | None = None) -> Iterator[AuditEntry]:
    sql = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit ORDER BY seq"
    params: tuple[Any, ...] = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (limit,)
    with translate_errors():
        for row in conn.execute(sql, params):
            yield AuditEntry(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]),
                             row[6], row[7])


def for_subject(conn: Connection, subject: str) -> list[AuditEntry]:
    """The entries about one interview (or account), oldest first."""
    # no index on subject yet: a scan of the log, acceptable for one printout at a time
    with translate_errors():
        rows = conn.execute("SELECT seq, at, actor, action, subject, detail, prev_hash, hash "
                            "FROM audit WHERE subject = ? ORDER BY seq", (subject,)).fetchall()
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7]) for r in rows]


def head(conn: Connection) -> Head | None:
    """The chain's last entry, None for an empty log."""
    with translate_errors():
        row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else Head(int(row[0]), row[1])


def hash_at(conn: Connection, seq: int) -> str | None:
    with translate_errors():
        row = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else str(row[0])


def verify(conn: Connection, confirmed: Head | None = None) -> ChainReport:
    """Walk the chain from the first entry and name the first one that does not fit; then,
    when central confirmed a head, check that the chain still reaches it unchanged: entries
    removed from the end leave a chain that is whole by itself, and only the anchor shows
    that they were there."""
    prev, expected_seq, count = GENESIS, 1, 0
    at_confirmed: str | None = None
    with translate_errors():
        rows = conn.execute("SELECT seq, at, actor, action, subject, detail, prev_hash, hash "
                            "FROM audit ORDER BY seq")
        for seq, at, actor, action, subject, detail_json, prev_hash, digest in rows:
            count += 1
            if seq != expected_seq:
                return ChainReport(count, seq, f"entry {expected_seq} is missing")
            if prev_hash != prev:
                return ChainReport(count, seq, "does not follow the entry before it")
            if entry_hash(seq, at, actor, action, subject, detail_json, prev_hash) != digest:
                return ChainReport(count, seq, "its content was changed")
            if confirmed is not None and seq == confirmed.seq:
                at_confirmed = digest
            prev, expected_seq = digest, seq + 1
    if confirmed is None:
        return ChainReport(count, None)
    last = expected_seq - 1
    if last < confirmed.seq:
        gap = (f"entry {confirmed.seq} is" if last + 1 == confirmed.seq
               else f"entries {last + 1} to {confirmed.seq} are")
        return ChainReport(count, last + 1, f"{gap} missing: central confirmed the chain up "
                           f"to entry {confirmed.seq} at a sync, and the log now ends at "
                           f"entry {last}", confirmed)
    if at_confirmed != confirmed.hash:
        return ChainReport(count, confirmed.seq, "is not the entry central confirmed at a "
                           "sync: the log was rewritten from here or before", confirmed)
    return ChainReport(count, None, anchored=confirmed)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
