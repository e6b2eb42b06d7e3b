"""How the console shows things: the templates with their ``when`` and ``ago`` filters, page
numbers, and a document sent as a download."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fastapi.responses import Response
from starlette.templating import Jinja2Templates

from screening.central.cases.documents import Document

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PAGE_SIZE = 50


def templates() -> Jinja2Templates:
    made = Jinja2Templates(directory=str(TEMPLATES))
    made.env.filters["when"] = when
    made.env.filters["ago"] = ago
    return made


def when(value: str | None) -> str:
    """ISO time as staff read it: '2026-11-23 07:45 UTC'."""
    if not value:
        return "—"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def ago(value: str | None, now: dt.datetime | None = None) -> str:
    if not value:
        return "never"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    seconds = ((now or dt.datetime.now(dt.UTC)) - moment).total_seconds()
    if seconds < 90:
        return "just now"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min ago"
    if seconds < 48 * 3600:
        return f"{round(seconds / 3600)} h ago"
    return f"{round(seconds / 86400)} days ago"


def page_number(value: str | None) -> int:
    return max(1, min(int(value), 100_000)) if value and value.isdigit() else 1


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def offset(number: int) -> int:
    return (number - 1) * PAGE_SIZE


def download(document: Document, media_type: str) -> Response:
    return Response(document.content, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{document.file_name}"'})
