"""Queries on interviews. Each autosave is one read and one UPDATE in its own transaction
(docs/design.md §4). Answers, assessment and name are sealed per row under the officer's data
key (store/sealing.py, store/keyring.py): the SQL sees ids, dates, statuses and outcomes only,
and what needs the answers (a change, the day an interview began, the purge) is done here with
the row opened. A row from before schema 7 (key_id NULL) still holds them in the clear until a
session that holds its officer's key seals it (:func:`seal_legacy`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from screening import lifecycle
from screening.casereference import CaseReferenceError, case_reference
from screening.errors import InterviewSealedError
from screening.store import nametokens, sealing
from screening.store.connection import Connection, translate_errors
from screening.store.keyring import Keyring
from screening.store.sealing import SealedColumns

_EDITABLE_MARKS = ", ".join("?" * len(lifecycle.EDITABLE))
_QUESTION_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_COLUMNS = ("id, form_id, form_version, checkpoint, officer, created_at, updated_at, status, "
            "answers, assessment, outcome, revision")
_READ = _COLUMNS + ", acknowledged_at, purged_at, action, acknowledged_revision"
_SEALED = "key_id, sealed_answers, sealed_assessment, sealed_name, name_revision"
_SENDABLE_MARKS = ", ".join("?" * len(lifecycle.SENDABLE))
_SUMMARY = ("id, officer, status, created_at, updated_at, display_name, outcome, revision, "
            "checkpoint, key_id, sealed_name, name_revision")


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


# a row as stored: the interview with its answers in the clear (schema 6 and before) or not
# yet opened (empty), and its sealed columns (None for a row still in the clear)
Row = tuple[StoredInterview, SealedColumns | None]


def insert(conn: Connection, keys: Keyring, interview: StoredInterview) -> None:
    conn.execute(f"INSERT INTO interviews ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                 (interview.id, interview.form_id, interview.form_version, interview.checkpoint,
                  interview.officer, interview.created_at, interview.updated_at,
                  interview.status, "{}", None, interview.outcome, interview.revision))
    _write(conn, keys, interview, None, name_changed=True)


def get(conn: Connection, interview_id: str) -> Row | None:
    with translate_errors():
        row = conn.execute(f"SELECT {_READ}, {_SEALED} FROM interviews WHERE id = ?",
                           (interview_id,)).fetchone()
    return None if row is None else _row(row)


def with_id_prefix(conn: Connection, prefix: str) -> list[Row]:
    """Interviews whose UUID starts with ``prefix`` (lower-case hex), through the primary key
    index: a case reference names its interview by such a prefix."""
    with translate_errors():
        rows = conn.execute(f"SELECT {_READ}, {_SEALED} FROM interviews WHERE id >= ? "
                            "AND id < ?", (prefix, prefix + "~")).fetchall()
    return [_row(row) for row in rows]


def opened(keys: Keyring, row: Row) -> StoredInterview | None:
    """The interview with its answers and assessment, or None when its data key is not
    sealed to this session."""
    record, sealed = row
    if sealed is None:
        return record
    cipher = keys.cipher(sealed.key_id)
    if cipher is None:
        return None
    answers = (sealing.open_json(cipher, sealed.answers, record.id, record.revision,
                                 sealing.ANSWERS) if sealed.answers is not None else {})
    assessment = (sealing.open_json(cipher, sealed.assessment, record.id, record.revision,
                                    sealing.ASSESSMENT)
                  if sealed.assessment is not None else None)
    return dataclasses.replace(record, answers=answers, assessment=assessment)


def started_between(conn: Connection, keys: Keyring, start: dt.date, end: dt.date,
                    statuses: tuple[str, ...], officer: str | None = None
                    ) -> Iterator[StoredInterview]:
    """The interviews this session can open whose own start time (the
    ``interview_started_at`` answer, else the creation time) falls on a day in [start, end),
    oldest first, personal data not purged."""
    # A scan, on purpose: bounding it by created_at (indexed) would miss paper interviews
    # entered on a workstation whose clock was wrong, and a report must not quietly miss any.
    # The start is an answer, sealed: each row is opened to read it.
    marks = ", ".join("?" for _ in statuses)
    sql = (f"SELECT {_READ}, {_SEALED} FROM interviews WHERE status IN ({marks}) "
           "AND purged_at IS NULL AND (? IS NULL OR officer = ?) ORDER BY created_at")
    with translate_errors():
        rows = conn.execute(sql, (*statuses, officer, officer)).fetchall()
    first, last = start.isoformat(), end.isoformat()
    for row in rows:
        record = opened(keys, _row(row))
        if record is None:
            continue
        began = record.answers.get("interview_started_at")
        day = (began if isinstance(began, str) else record.created_at)[:10]
        if first <= day < last:
            yield record


_READ_NAMES = tuple(name.strip() for name in _READ.split(","))


def _row(row: tuple[Any, ...]) -> Row:
    # by column name, so a column added to _READ cannot shift every field after it
    fields = dict(zip(_READ_NAMES, row[:len(_READ_NAMES)], strict=True))
    key_id, answers, assessment, name, name_revision = row[len(_READ_NAMES):]
    if key_id is not None:
        fields["answers"], fields["assessment"] = {}, None
        return StoredInterview(**fields), SealedColumns(key_id, answers, assessment, name,
                                                        name_revision)
    fields["answers"] = json.loads(fields["answers"])
    if fields["assessment"] is not None:
        fields["assessment"] = json.loads(fields["assessment"])
    return StoredInterview(**fields), None


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


def _write(conn: Connection, keys: Keyring, record: StoredInterview,
           before: SealedColumns | None, name_changed: bool, key_id: int | None = None
           ) -> None:
    """Store ``record``'s answers and assessment at its revision: sealed under its officer's
    key (``key_id``, else the one this session holds or can make), else in the clear as
    before (a row still in the clear, in a store where no reader has a key pair yet)."""
    if key_id is None:
        key_id = keys.key_for_writing(record.officer, record.updated_at)
    cipher = keys.cipher(key_id) if key_id is not None else None
    if cipher is None or key_id is None:
        if before is not None:  # never unseal: refuse rather than write a row in the clear
            raise InterviewSealedError(id=record.id)
        conn.execute("UPDATE interviews SET answers = ?, assessment = ? WHERE id = ?",
                     (_dump(record.answers), _dump(record.assessment), record.id))
        return
    if before is None or before.key_id != key_id or before.name is None:
        name_changed = True
    name_sql, name_params = "", cast(tuple[Any, ...], ())
    if name_changed:
        name = sealing.display_name(record.answers)
        name_sql = ", sealed_name = ?, name_revision = ?"
        name_params = (sealing.seal_name(cipher, name, record.id, record.revision),
                       record.revision)
        _index_name(conn, keys, key_id, record.id, name, before)
    conn.execute(
        "UPDATE interviews SET answers = '{}', assessment = NULL, key_id = ?, "
        f"sealed_answers = ?, sealed_assessment = ?{name_sql} WHERE id = ?",
        (key_id, sealing.seal_json(cipher, record.answers, record.id, record.revision,
                                   sealing.ANSWERS),
         None if record.assessment is None else sealing.seal_json(
             cipher, record.assessment, record.id, record.revision, sealing.ASSESSMENT),
         *name_params, record.id))


def _read_for_change(conn: Connection, keys: Keyring, interview_id: str
                     ) -> tuple[StoredInterview, SealedColumns | None] | None:
    found = get(conn, interview_id)
    if found is None:
        return None
    record = opened(keys, found)
    if record is None:
        raise InterviewSealedError(id=interview_id)
    return record, found[1]


def save_answer(conn: Connection, keys: Keyring, interview_id: str, officer: str | None,
                question_id: str, value: Any, at: str) -> int | None:
    """Set (or, with None, clear) one answer of an editable interview; the new revision, or None
    when no row matched (unknown, someone else's for an officer, or not editable)."""
    if not _QUESTION_ID.fullmatch(question_id):
        raise ValueError(f"{question_id!r} is not a question id")
    found = get(conn, interview_id)
    if found is None or found[0].status not in lifecycle.EDITABLE or (
            officer is not None and found[0].officer != officer):
        return None
    current = opened(keys, found)
    if current is None:
        raise InterviewSealedError(id=interview_id)
    answers = dict(current.answers)
    if value is None:
        answers.pop(question_id, None)
    else:
        answers[question_id] = json.loads(json.dumps(value))
    record = dataclasses.replace(current, answers=answers, revision=current.revision + 1,
                                 updated_at=at)
    conn.execute("UPDATE interviews SET revision = ?, updated_at = ? WHERE id = ?",
                 (record.revision, at, interview_id))
    _write(conn, keys, record, found[1], question_id in _NAME_QUESTIONS)
    return record.revision


_NAME_QUESTIONS = ("given_name", "family_name")


def _index_name(conn: Connection, keys: Keyring, key_id: int, interview_id: str, name: str,
                before: SealedColumns | None) -> None:
    """The name's tokens in the search's blind index, under its data key, in place of the
    ones it had (of an older name, or under an older key)."""
    _forget_tokens(conn, keys, interview_id, before)
    token_key = keys.token_key(key_id)
    if token_key is None:  # the caller just sealed under it: held
        raise InterviewSealedError(id=interview_id)
    conn.executemany("INSERT OR IGNORE INTO name_tokens (key_id, token, interview_id) "
                     "VALUES (?, ?, ?)", [(key_id, token, interview_id)
                                          for token in nametokens.tokens(token_key, name)])


def _forget_tokens(conn: Connection, keys: Keyring, interview_id: str,
                   sealed: SealedColumns | None) -> None:
    """Delete the tokens of the name sealed in ``sealed``, made again from it: the index is
    looked up by its key (no second index to write). A name that does not open (a row changed
    outside the program) leaves its tokens, which then match nothing."""
    if sealed is None or sealed.name is None or sealed.name_revision is None:
        return
    cipher, token_key = keys.cipher(sealed.key_id), keys.token_key(sealed.key_id)
    if cipher is None or token_key is None:
        return
    name = sealing.open_name(cipher, sealed.name, interview_id, sealed.name_revision)
    if name is not None:
        conn.executemany("DELETE FROM name_tokens WHERE key_id = ? AND token = ? "
                         "AND interview_id = ?", [(sealed.key_id, token, interview_id)
                                                  for token in nametokens.tokens(token_key,
                                                                                 name)])


def set_organisation(conn: Connection, keys: Keyring, interview_id: str, organisation: str,
                     at: str) -> bool:
    """The supervisor's choice of receiving organisation on a finalised interview."""
    found = _read_for_change(conn, keys, interview_id)
    if found is None or found[0].status != lifecycle.FINALISED:
        return False
    current, before = found
    record = dataclasses.replace(current, revision=current.revision + 1, updated_at=at,
                                 answers={**current.answers,
                                          "referral_organisation": organisation})
    conn.execute("UPDATE interviews SET revision = ?, updated_at = ? WHERE id = ?",
                 (record.revision, at, interview_id))
    _write(conn, keys, record, before, name_changed=False)
    return True


def set_status(conn: Connection, keys: Keyring, interview_id: str, status: str, at: str,
               assessment: dict[str, Any] | None = None, outcome: str | None = None) -> None:
    found = _read_for_change(conn, keys, interview_id)
    if found is None:
        return
    current, before = found
    record = dataclasses.replace(current, status=status, updated_at=at,
                                 revision=current.revision + 1,
                                 assessment=assessment if assessment is not None
                                 else current.assessment,
                                 outcome=outcome if outcome is not None else current.outcome)
    conn.execute("UPDATE interviews SET status = ?, updated_at = ?, revision = ?, outcome = ? "
                 "WHERE id = ?", (status, at, record.revision, record.outcome, interview_id))
    _write(conn, keys, record, before, name_changed=False)


def reseal(conn: Connection, keys: Keyring, officer: str, old_keys: list[int] | None,
           at: str) -> int:
    """Seal ``officer``'s rows under their current key: the rows under ``old_keys`` (a
    re-key), or with None the rows still in the clear (the upgrade to schema 7). Their
    revision stays: nothing in them changed. Returns how many; rows this session cannot open
    are left for one that can."""
    params: tuple[int, ...] = ()
    if old_keys is None:
        where = "key_id IS NULL AND purged_at IS NULL"
    else:
        if not old_keys:
            return 0
        where = f"key_id IN ({', '.join('?' * len(old_keys))})"
        params = tuple(old_keys)
    with translate_errors():
        rows = conn.execute(f"SELECT {_READ}, {_SEALED} FROM interviews WHERE officer = ? "
                            f"AND {where}", (officer, *params)).fetchall()
    done = 0
    key_id = keys.key_for_writing(officer, at) if rows else None
    for row in rows:
        found = _row(row)
        record = opened(keys, found)
        if record is not None:
            _write(conn, keys, record, found[1], name_changed=True, key_id=key_id)
            done += 1
    return done


def legacy_officers(conn: Connection) -> list[str]:
    """Officers with rows still in the clear (a store upgraded from schema 6)."""
    return [officer for (officer,) in conn.execute(
        "SELECT DISTINCT officer FROM interviews WHERE key_id IS NULL AND purged_at IS NULL")]


@dataclass(frozen=True)
class _Listed:
    summary: InterviewSummary
    sealed_name: bytes | None
    key_id: int | None
    name_revision: int | None


def summaries(conn: Connection, keys: Keyring, officer: str | None = None,
              search: str | None = None, limit: int = 100, offset: int = 0,
              names: NameCache | None = None) -> list[InterviewSummary]:
    """Newest first, by when the interview began. ``officer`` restricts to one officer's
    interviews; ``search`` finds the names in which each of its words begins a word, case and
    accents aside ("arb hox" finds "Arbën Hoxha"), among the names this session can open
    (``names`` keeps those opened, for the next search)."""
    if search and search.strip():
        return _search(conn, keys, officer, search, limit, offset,
                       names if names is not None else NameCache())
    sql = (f"SELECT {_SUMMARY} FROM interviews WHERE (? IS NULL OR officer = ?) "
           "ORDER BY created_at DESC LIMIT ? OFFSET ?")
    with translate_errors():
        rows = conn.execute(sql, (officer, officer, limit, offset)).fetchall()
    return [_summary(keys, row) for row in rows]


def _summary(keys: Keyring, row: tuple[Any, ...]) -> InterviewSummary:
    summary = InterviewSummary(*row[:9])
    key_id, sealed_name, name_revision = row[9:]
    if key_id is None:
        return summary
    cipher = keys.cipher(key_id)
    name = None
    if cipher is not None and sealed_name is not None:
        name = sealing.open_name(cipher, sealed_name, summary.id, name_revision)
    return dataclasses.replace(summary, display_name=name or "")


class NameCache:
    """The folded words of the names one session opened, by interview id, with the key id and
    revision they were sealed at: a search confirms its hits without opening a name twice."""

    def __init__(self) -> None:
        self._names: dict[str, tuple[int, int, list[str]]] = {}

    def words(self, keys: Keyring, interview_id: str, key_id: int, revision: int,
              sealed: bytes) -> list[str] | None:
        kept = self._names.get(interview_id)
        if kept is not None and kept[0] == key_id and kept[1] == revision:
            return kept[2]
        cipher = keys.cipher(key_id)
        if cipher is None:
            return None
        name = sealing.open_name(cipher, sealed, interview_id, revision)
        if name is None:
            return None
        found = nametokens.words(name)
        self._names[interview_id] = (key_id, revision, found)
        return found


# a word with up to this many hits of the blind index narrows the search to them, read by id;
# with more, it is common, and walking the newest rows finds a page of matches soon
_BY_ID = 2000
_CHUNK = 500
_NAMED = "id, created_at, key_id, name_revision, sealed_name, display_name"


def _search(conn: Connection, keys: Keyring, officer: str | None, search: str, limit: int,
            offset: int, names: NameCache) -> list[InterviewSummary]:
    wanted = nametokens.words(search)
    if not wanted:
        return []
    with translate_errors():
        held = {key_id for key_id, owner in keys.held_keys()
                if officer is None or owner == officer}
        hits = _hits(conn, keys, officer, held, wanted)
        rows = _walk(conn, officer, held) if hits is None else _by_id(conn, officer, hits)
        matched: list[str] = []
        for interview_id, _, key_id, revision, sealed, plain in rows:
            if key_id is None:  # in the clear: a store upgraded from schema 6, until sealed
                found: list[str] | None = nametokens.words(plain)
            elif sealed is None:
                continue
            else:
                found = names.words(keys, interview_id, key_id, revision, sealed)
            if found is not None and nametokens.matches(wanted, found):
                matched.append(interview_id)
                if len(matched) >= offset + limit:
                    break
        chosen = matched[offset:offset + limit]
        if not chosen:
            return []
        rows = conn.execute(f"SELECT {_SUMMARY} FROM interviews WHERE id IN "
                            f"({', '.join('?' * len(chosen))}) ORDER BY created_at DESC",
                            chosen).fetchall()
    return [_summary(keys, row) for row in rows]


def _hits(conn: Connection, keys: Keyring, officer: str | None, held: set[int],
          wanted: list[str]) -> set[str] | None:
    """The interviews that may match: those whose index holds the token of each wanted word
    that is rare (at most _BY_ID hits) under a key in ``held``, and the rows still in the clear
    that match. None when every word is common: the newest rows are then walked and confirmed
    until the page is full, which takes few."""
    found: set[str] | None = None
    for word in wanted:
        ids = _word_hits(conn, keys, held, word)
        if ids is not None:
            found = ids if found is None else found & ids
    if found is None:
        return None
    clear = conn.execute("SELECT id, display_name FROM interviews WHERE key_id IS NULL "
                         "AND purged_at IS NULL AND (? IS NULL OR officer = ?)",
                         (officer, officer))
    return found | {interview_id for interview_id, name in clear
                    if nametokens.may_match(wanted, name)
                    and nametokens.matches(wanted, nametokens.words(name))}


def _word_hits(conn: Connection, keys: Keyring, held: set[int], word: str) -> set[str] | None:
    """The interviews whose index holds ``word``'s token, or None for more than _BY_ID (or a
    word too short to have a token)."""
    ids: set[str] = set()
    for key_id in sorted(held):
        token_key = keys.token_key(key_id)
        if token_key is None:
            continue
        token = nametokens.query_token(token_key, word)
        if token is None:
            return None
        ids.update(interview_id for (interview_id,) in conn.execute(
            "SELECT interview_id FROM name_tokens WHERE key_id = ? AND token = ? LIMIT ?",
            (key_id, token, _BY_ID + 1)))
        if len(ids) > _BY_ID:
            return None
    return ids


def _by_id(conn: Connection, officer: str | None, hits: set[str]) -> list[tuple[Any, ...]]:
    ids = list(hits)
    rows: list[tuple[Any, ...]] = []
    for first in range(0, len(ids), _CHUNK):
        chunk = ids[first:first + _CHUNK]
        rows += conn.execute(f"SELECT {_NAMED} FROM interviews WHERE id IN "
                             f"({', '.join('?' * len(chunk))}) AND (? IS NULL OR officer = ?)",
                             (*chunk, officer, officer)).fetchall()
    rows.sort(key=lambda row: (row[1], row[0]), reverse=True)
    return rows


def _walk(conn: Connection, officer: str | None, held: set[int]
          ) -> Iterator[tuple[Any, ...]]:
    """The rows newest first whose name this session may open (or in the clear)."""
    for row in conn.execute(f"SELECT {_NAMED} FROM interviews INDEXED BY "
                            "interviews_sealed_names WHERE (? IS NULL OR officer = ?) "
                            "ORDER BY created_at DESC, id DESC", (officer, officer)):
        if row[2] is None or row[2] in held:
            yield row


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


def purge_acknowledged_before(conn: Connection, keys: Keyring, cutoff: str, at: str
                              ) -> list[str]:
    """Drop the personal answers and assessment of interviews whose current revision central
    acknowledged before ``cutoff`` and that wait for nothing more (sendable, so no correction
    is under way); the id (case reference), dates, status, outcome and action stay. Returns the
    ids purged. The action taken is an answer: a row this session cannot open waits for the
    login of one that can (a supervisor), rather than lose it."""
    rows = conn.execute(
        f"SELECT {_READ}, {_SEALED} FROM interviews "
        "WHERE acknowledged_revision = revision AND acknowledged_at < ? "
        f"AND status IN ({_SENDABLE_MARKS}) AND purged_at IS NULL",
        (cutoff, *lifecycle.SENDABLE)).fetchall()
    purged = []
    for row in rows:
        found = _row(row)
        record = opened(keys, found)
        if record is None:
            continue
        _forget_tokens(conn, keys, record.id, found[1])
        action = record.answers.get("action_taken")
        conn.execute(
            "UPDATE interviews SET action = ?, answers = '{}', assessment = NULL, "
            "key_id = NULL, sealed_answers = NULL, sealed_assessment = NULL, "
            "sealed_name = NULL, name_revision = NULL, purged_at = ? WHERE id = ?",
            (action if action is None or isinstance(action, str) else json.dumps(action),
             at, record.id))
        purged.append(record.id)
    return purged


def count(conn: Connection) -> int:
    with translate_errors():
        return int(conn.execute("SELECT count(*) FROM interviews").fetchone()[0])


def _dump(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
