"""Queries on interviews. Each autosave is one UPDATE in its own transaction (docs/design.md §4)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from screening import lifecycle
from screening.casereference import CaseReferenceError, case_reference
from screening.store.connection import Connection, translate_errors

_EDITABLE_MARKS = ", ".join("?" * len(lifecycle.EDITABLE))
_QUESTION_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_COLUMNS = ("id, form_id, form_version, checkpoint, officer, created_at, updated_at, status, "
            "answers, assessment, outcome, revision")
_READ = _COLUMNS + ", acknowledged_at, purged_at, action, acknowledged_revision"
_SENDABLE_MARKS = ", ".join("?" * len(lifecycle.SENDABLE))
_SUMMARY = ("id, officer, status, created_at, updated_at, display_name, outcome, revision, "
            "checkpoint")


@dataclass(frozen=True)
class StoredInterview:
    id: str
    form_id: str
    form_version: str
    checkpoint: str
    officer: str
    created_at: str
    updated_at: str
    status: str
    answers: dict[str, Any]
    assessment: dict[str, Any] | None
    outcome: str | None
    revision: int
    acknowledged_at: str | None = None  # set by sync when central confirms receipt
    purged_at: str | None = None
    action: str | None = None  # kept after the purge
    acknowledged_revision: int | None = None  # the last revision central acknowledged

    @property
    def case_reference(self) -> str:
        return reference_or_blank(self.checkpoint, self.created_at, self.id)


@dataclass(frozen=True)
class InterviewSummary:
    id: str
    officer: str
    status: str
    created_at: str
    updated_at: str
    display_name: str
    outcome: str | None
    revision: int
    checkpoint: str = ""

    @property
    def case_reference(self) -> str:
        return reference_or_blank(self.checkpoint, self.created_at, self.id)


def reference_or_blank(checkpoint: str, created_at: str, interview_id: str) -> str:
    """The case reference, or '' for a record that cannot have one (a checkpoint code that is
    not 2–6 letters): a listing must still show such a row."""
    try:
        return case_reference(checkpoint, created_at, interview_id)
    except CaseReferenceError:
        return ""


def insert(conn: Connection, interview: StoredInterview) -> None:
    conn.execute(f"INSERT INTO interviews ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                 (interview.id, interview.form_id, interview.form_version, interview.checkpoint,
                  interview.officer, interview.created_at, interview.updated_at,
                  interview.status, _dump(interview.answers), _dump(interview.assessment),
                  interview.outcome, interview.revision))


def get(conn: Connection, interview_id: str) -> StoredInterview | None:
    with translate_errors():
        row = conn.execute(f"SELECT {_READ} FROM interviews WHERE id = ?",
                           (interview_id,)).fetchone()
    return None if row is None else _interview(row)


def with_id_prefix(conn: Connection, prefix: str) -> list[StoredInterview]:
    """Interviews whose UUID starts with ``prefix`` (lower-case hex), through the primary key
    index: a case reference names its interview by such a prefix."""
    with translate_errors():
        rows = conn.execute(f"SELECT {_READ} FROM interviews WHERE id >= ? AND id < ?",
                            (prefix, prefix + "~")).fetchall()
    return [_interview(row) for row in rows]


def started_between(conn: Connection, start: dt.date, end: dt.date, statuses: tuple[str, ...],
                    officer: str | None = None) -> Iterator[StoredInterview]:
    """One query: the interviews whose own start time (the ``interview_started_at`` answer,
    else the creation time) falls on a day in [start, end), oldest first, personal data not
    purged."""
    # A scan, on purpose: bounding it by created_at (indexed) would miss paper interviews
    # entered on a workstation whose clock was wrong, and a report must not quietly miss any.
    started = "substr(coalesce(json_extract(answers, '$.interview_started_at'), created_at), 1, 10)"
    marks = ", ".join("?" for _ in statuses)
    sql = (f"SELECT {_READ} FROM interviews WHERE {started} >= ? AND {started} < ? "
           f"AND status IN ({marks}) AND purged_at IS NULL AND (? IS NULL OR officer = ?) "
           "ORDER BY created_at")
    with translate_errors():
        rows = conn.execute(sql, (start.isoformat(), end.isoformat(), *statuses, officer,
                                  officer))
        for row in rows:
            yield _interview(row)


_READ_NAMES = tuple(name.strip() for name in _READ.split(","))


def _interview(row: tuple[Any, ...]) -> StoredInterview:
    # by column name, so a column added to _READ cannot shift every field after it
    fields = dict(zip(_READ_NAMES, row, strict=True))
    fields["answers"] = json.loads(fields["answers"])
    if fields["assessment"] is not None:
        fields["assessment"] = json.loads(fields["assessment"])
    return StoredInterview(**fields)


def purged_between(conn: Connection, start: dt.date, end: dt.date, statuses: tuple[str, ...],
                   officer: str | None = None) -> int:
    """How many counted interviews begun on a day in [start, end) had their personal data
    purged under retention: the statistics cannot count them (their answers are gone), so the
    report says how many. Their start is known by the creation time only."""
    marks = ", ".join("?" for _ in statuses)
    sql = (f"SELECT count(*) FROM interviews WHERE substr(created_at, 1, 10) >= ? "
           f"AND substr(created_at, 1, 10) < ? AND status IN ({marks}) "
           "AND purged_at IS NOT NULL AND (? IS NULL OR officer = ?)")
    with translate_errors():
        row = conn.execute(sql, (start.isoformat(), end.isoformat(), *statuses, officer,
                                 officer)).fetchone()
    return int(row[0])



def save_answer(conn: Connection, interview_id: str, officer: str | None, question_id: str,
                value: Any, at: str) -> int | None:
    """Set (or, with None, clear) one answer of an editable interview; the new revision, or None
    when no row matched (unknown, someone else's for an officer, or not editable)."""
    if not _QUESTION_ID.fullmatch(question_id):
        raise ValueError(f"{question_id!r} is not a question id")
    path = f'$."{question_id}"'
    params: tuple[str, ...]
    if value is None:
        change, params = "json_remove(answers, ?)", (path,)
    else:
        change, params = "json_set(answers, ?, json(?))", (path, json.dumps(value))
    row = conn.execute(
        f"UPDATE interviews SET answers = {change}, revision = revision + 1, updated_at = ? "
        f"WHERE id = ? AND status IN ({_EDITABLE_MARKS}) "
        "AND (? IS NULL OR officer = ?) RETURNING revision",
        (*params, at, interview_id, *lifecycle.EDITABLE, officer, officer)).fetchone()
    return row[0] if row else None


def set_organisation(conn: Connection, interview_id: str, organisation: str, at: str) -> bool:
    """The supervisor's choice of receiving organisation on a finalised interview."""
    row = conn.execute(
        "UPDATE interviews SET answers = json_set(answers, '$.referral_organisation', ?), "
        "revision = revision + 1, updated_at = ? WHERE id = ? AND status = ? "
        "RETURNING revision", (organisation, at, interview_id, lifecycle.FINALISED)).fetchone()
    return row is not None


def set_status(conn: Connection, interview_id: str, status: str, at: str,
               assessment: dict[str, Any] | None = None, outcome: str | None = None) -> None:
    conn.execute("UPDATE interviews SET status = ?, updated_at = ?, revision = revision + 1, "
                 "assessment = coalesce(?, assessment), outcome = coalesce(?, outcome) "
                 "WHERE id = ?", (status, at, _dump(assessment), outcome, interview_id))


def summaries(conn: Connection, officer: str | None = None, search: str | None = None,
              limit: int = 100, offset: int = 0) -> list[InterviewSummary]:
    """Newest first, by when the interview began. ``officer`` restricts to one officer's
    interviews; ``search`` matches any part of the name, case-insensitively."""
    where, params = ["1 = 1"], []
    if officer is not None:
        where.append("officer = ?")
        params.append(officer)
    if search:
        # '%x%' can use no index range; INDEXED BY makes SQLite scan the narrow name index
        where.append("rowid IN (SELECT rowid FROM interviews INDEXED BY interviews_by_name "
                     "WHERE display_name LIKE ? ESCAPE '\\')")
        params.append("%" + re.sub(r"([\\%_])", r"\\\1", search.strip()) + "%")
    sql = (f"SELECT {_SUMMARY} FROM interviews WHERE {' AND '.join(where)} "
           "ORDER BY created_at DESC LIMIT ? OFFSET ?")
    with translate_errors():
        rows = conn.execute(sql, (*params, limit, offset)).fetchall()
    return [InterviewSummary(*row) for row in rows]


def mark_acknowledged(conn: Connection, interview_id: str, revision: int, at: str
                      ) -> bool | None:
    """Record that central holds ``revision``: True when that is news (a higher revision than
    any acknowledged before, and not beyond the interview's own), False when it changes
    nothing, None for an unknown id. The clock of retention starts at the acknowledgement of
    the revision that is current."""
    row = conn.execute(
        "UPDATE interviews SET acknowledged_revision = ?, acknowledged_at = ? "
        "WHERE id = ? AND ? <= revision "
        "AND (acknowledged_revision IS NULL OR acknowledged_revision < ?) RETURNING id",
        (revision, at, interview_id, revision, revision)).fetchone()
    if row is not None:
        return True
    known = conn.execute("SELECT 1 FROM interviews WHERE id = ?", (interview_id,)).fetchone()
    return False if known else None


def purge_acknowledged_before(conn: Connection, cutoff: str, at: str) -> list[str]:
    """Drop the personal answers and assessment of interviews whose current revision central
    acknowledged before ``cutoff`` and that wait for nothing more (sendable, so no correction
    is under way); the id (case reference), dates, status, outcome and action stay. Returns the
    ids purged."""
    rows = conn.execute(
        "UPDATE interviews SET action = json_extract(answers, '$.action_taken'), "
        "answers = '{}', assessment = NULL, purged_at = ? "
        "WHERE acknowledged_revision = revision AND acknowledged_at < ? "
        f"AND status IN ({_SENDABLE_MARKS}) AND purged_at IS NULL "
        "RETURNING id", (at, cutoff, *lifecycle.SENDABLE)).fetchall()
    return [row[0] for row in rows]


def count(conn: Connection) -> int:
    with translate_errors():
        return int(conn.execute("SELECT count(*) FROM interviews").fetchone()[0])


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
