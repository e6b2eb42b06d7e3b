"""How the console shows things: the templates with the catalogue's ``t`` / ``tn`` and the
``when``, ``day``, ``ago`` and ``num`` filters (each in the page's language, ``lang``), page
numbers, and a document sent as a download."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi.responses import Response
from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.templating import Jinja2Templates

from screening.central.cases.documents import Document
from screening.central.console import catalogue

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PAGE_SIZE = 50
# how each language writes a moment and a day; English keeps the unambiguous ISO order
MOMENT = {"sq": "%d.%m.%Y %H:%M", "en": "%Y-%m-%d %H:%M"}
DAY = {"sq": "%d.%m.%Y", "en": "%Y-%m-%d"}


def templates() -> Jinja2Templates:
    made = Jinja2Templates(directory=str(TEMPLATES))
    made.env.globals.update(t=_t, tn=_tn, status_words=_status, action_words=_action,
                            languages=catalogue.LANGUAGES, language_names=catalogue.NAMES,
                            known_keys=catalogue.MESSAGES)
    made.env.filters.update(when=_when, day=_day, ago=_ago, num=_num, dec=_dec)
    return made


def _lang(context: Context) -> str:
    return str(context.get("lang") or catalogue.DEFAULT)


@pass_context
def _t(context: Context, key: str, **values: Any) -> str:
    return catalogue.text(_lang(context), key, **values)


@pass_context
def _tn(context: Context, key: str, count: int, **values: Any) -> str:
    return catalogue.plural(_lang(context), key, count, **values)


@pass_context
def _status(context: Context, status: str) -> str:
    return catalogue.interview_status(_lang(context), status)


@pass_context
def _action(context: Context, action: str) -> str:
    return catalogue.audit_action(_lang(context), action)


@pass_context
def _when(context: Context, value: str | None) -> str:
    return when(value, _lang(context))


@pass_context
def _day(context: Context, value: str | None) -> str:
    return day(value, _lang(context))


@pass_context
def _ago(context: Context, value: str | None) -> str:
    return ago(value, _lang(context))


@pass_context
def _num(context: Context, value: int) -> str:
    return catalogue.number(_lang(context), value)


@pass_context
def _dec(context: Context, value: float) -> str:
    """A number that may have a fraction (hours): '1,5' (sq), '1.5' (en)."""
    written = f"{value:g}"
    return written.replace(".", ",") if _lang(context) == "sq" else written


def when(value: str | None, lang: str = catalogue.DEFAULT) -> str:
    """ISO time as staff read it: '23.11.2026 07:45 UTC' (sq), '2026-11-23 07:45 UTC' (en)."""
    if not value:
        return "—"
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return moment.strftime(MOMENT[lang])
    return moment.astimezone(dt.UTC).strftime(MOMENT[lang]) + " UTC"


def day(value: str | None, lang: str = catalogue.DEFAULT) -> str:
    """An ISO date ('2026-11-23') as staff read it: '23.11.2026' (sq)."""
    if not value:
        return "—"
    try:
        return dt.date.fromisoformat(value).strftime(DAY[lang])
    except ValueError:
        return value


def ago(value: str | None, lang: str = catalogue.DEFAULT, now: dt.datetime | None = None
        ) -> str:
    if not value:
        return catalogue.text(lang, "ago.never")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    seconds = ((now or dt.datetime.now(dt.UTC)) - moment).total_seconds()
    if seconds < 90:
        return catalogue.text(lang, "ago.now")
    if seconds < 90 * 60:
        return catalogue.text(lang, "ago.minutes", n=round(seconds / 60))
    if seconds < 48 * 3600:
        return catalogue.text(lang, "ago.hours", n=round(seconds / 3600))
    return catalogue.text(lang, "ago.days", n=round(seconds / 86400))


def page_number(value: str | None) -> int:
    return max(1, min(int(value), 100_000)) if value and value.isdigit() else 1


def page_count(total: int) -> int:
    return max(1, -(-total // PAGE_SIZE))


def offset(number: int) -> int:
    return (number - 1) * PAGE_SIZE


def download(document: Document, media_type: str) -> Response:
    return Response(document.content, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{document.file_name}"'})
