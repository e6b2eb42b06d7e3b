"""Notices from a CSV file (docs/notices.md): every row is checked before any is recorded, so
a file with an error records nothing and the message names each wrong row and field; the
rows' values are never quoted back (they are names)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from screening.central.database import retry_on_conflict
from screening.central.notices import model, register
from screening.errors import ScreeningError

if TYPE_CHECKING:
    from screening.central.service import Central

REQUIRED = ("checkpoint", "expected_date", "given_name", "family_name", "notified_by")
OPTIONAL = ("date_of_birth", "age", "sex", "nationality", "travel", "coming_from",
            "victim_suspected", "child_suspected", "meet_organisation", "note")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
SHOWN_ERRORS = 50


class ImportRefused(ScreeningError):
    code = "notices_refused"


@dataclass(frozen=True)
class Imported:
    added: int
    merged: int


def import_file(central: Central, path: Path, *, by: str) -> Imported:
    """Record every notice of the file in one transaction, or none."""
    notices = read(path)

    def work(conn: Connection) -> Imported:
        done = [register.record(conn, n, by) for n in notices]
        return Imported(sum(not d.merged for d in done), sum(d.merged for d in done))
    return retry_on_conflict(central.engine, work)


def read(path: Path) -> list[model.Notice]:
    """The file's notices; raises ``ImportRefused`` listing the wrong rows."""
    return parse(_text(path))


def parse(text: str) -> list[model.Notice]:
    lines = text.splitlines()
    header = lines[0] if lines else ""
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        columns = [c.strip().lstrip("\ufeff") for c in next(reader, [])]
        _check_columns(columns)
        allowed = register.allowed()
        notices, errors = [], []
        for row_number, cells in enumerate(reader, start=2):
            if row_number - 1 > MAX_ROWS:
                raise ImportRefused(f"the file has more than {MAX_ROWS} rows: split it")
            if not any(c.strip() for c in cells):
                continue  # a blank line
            if len(cells) != len(columns):
                errors.append(f"row {row_number}: {len(cells)} cells, the header has "
                              f"{len(columns)}")
                continue
            try:
                notices.append(model.build(dict(zip(columns, cells, strict=True)), allowed))
            except model.NoticeInvalid as problem:
                errors.append(f"row {row_number}: {problem}")
    except csv.Error:
        raise ImportRefused(f"the file is not well-formed CSV (near row {reader.line_num}): "
                            "save it again as CSV") from None
    if errors:
        more = f"; and {len(errors) - SHOWN_ERRORS} more" if len(errors) > SHOWN_ERRORS else ""
        raise ImportRefused("nothing was imported: " + "; ".join(errors[:SHOWN_ERRORS]) + more)
    if not notices:
        raise ImportRefused("the file holds no notices (a header row, then one row a notice)")
    return notices


def _check_columns(columns: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in REQUIRED + OPTIONAL]
    if missing or unknown or len(set(columns)) != len(columns):
        parts = ([f"missing columns: {', '.join(missing)}"] if missing else []) + \
                ([f"unknown columns: {', '.join(unknown[:10])}"] if unknown else []) + \
                (["a column is named twice"] if len(set(columns)) != len(columns) else [])
        raise ImportRefused("the header row is not a notices header (" + "; ".join(parts) +
                            "): see docs/notices.md")


def _text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportRefused(f"{path.name} is larger than {MAX_BYTES // (1024 * 1024)} MiB: "
                                "split it")
        raw = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"cannot read {path}: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(f"{path.name} is not UTF-8 text: save it as \"CSV UTF-8\""
                            ) from None
    if "\x00" in text:
        raise ImportRefused(f"{path.name} holds NUL characters: it is not a CSV file")
    return text
