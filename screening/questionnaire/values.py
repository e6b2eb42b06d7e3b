"""Turns a raw answer (as JSON gives it, or as a widget hands it over) into a typed value.

Each parser returns ``(value, problem)``: the value is ``None`` when unanswered or invalid, and the
problem is a bilingual message saying what to correct.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any

from screening.questionnaire.messages import bilingual
from screening.questionnaire.model import YES_NO_UNKNOWN, Form, Question
from screening.questionnaire.reference import Reference

TEXT_LIMIT = 4000  # generous for notes; protects the store and printouts from pasted documents
REPEAT_LIMIT = 30  # entries of one repeat: more referrals or periods than a slip can carry
Parsed = tuple[Any, dict[str, str] | None]


def parse_answer(question: Question, raw: Any, form: Form,
                 reference: Reference | None = None) -> Parsed:
    if raw is None or raw == "" or raw == []:
        return None, None
    parser = _PARSERS.get(question.type)
    if parser is None:
        return None, bilingual("computed")
    return parser(question, raw, form, reference)


def _text(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    if not isinstance(raw, str):
        return None, bilingual("expected_text")
    if len(raw) > TEXT_LIMIT:
        return None, bilingual("text_too_long", limit=TEXT_LIMIT)
    return (raw if raw.strip() else None), None


def _integer(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    if isinstance(raw, float) and math.isfinite(raw) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int):
        return None, bilingual("expected_integer")
    return raw, None


def _decimal(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        return None, bilingual("expected_number")
    return raw, None


def _date(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw, None
    if isinstance(raw, str) and len(raw) == 10:
        try:
            return dt.date.fromisoformat(raw), None
        except ValueError:
            pass
    return None, bilingual("expected_date")


def _datetime(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    value = raw
    if isinstance(raw, str):
        try:
            value = dt.datetime.fromisoformat(raw)
        except ValueError:
            return None, bilingual("expected_datetime")
    if not isinstance(value, dt.datetime):
        return None, bilingual("expected_datetime")
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)  # compare with the local clock
    return value, None


def _choice_values(question: Question, form: Form) -> frozenset[str]:
    if question.allowed is not None:
        return question.allowed
    if question.type == "yes_no_unknown":
        return frozenset(YES_NO_UNKNOWN)
    return frozenset(c.value for c in form.choice_lists.get(question.choices or "", ()))


def _select_one(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    if not isinstance(raw, str) or raw not in _choice_values(question, form):
        return None, bilingual("unknown_choice", value=_show(raw))
    return raw, None


def _select_multiple(question: Question, raw: Any, form: Form,
                     reference: Reference | None) -> Parsed:
    return _many(raw, _choice_values(question, form), "unknown_choice")


def _many(raw: Any, allowed: frozenset[str] | None, unknown_key: str) -> Parsed:
    if not isinstance(raw, list):
        return None, bilingual("expected_list")
    seen: set[str] = set()
    for item in raw:
        if not isinstance(item, str) or (allowed is not None and item not in allowed):
            return None, bilingual(unknown_key, value=_show(item))
        if item in seen:
            return None, bilingual("duplicate_choice", value=item)
        seen.add(item)
    return list(raw), None


def _country_codes(reference: Reference | None) -> frozenset[str] | None:
    return reference.country_codes if reference is not None else None


def _country(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    allowed = _country_codes(reference)
    valid = isinstance(raw, str) and (raw in allowed if allowed is not None else
                                      len(raw) == 2 and raw.isascii() and raw.isupper())
    return (raw, None) if valid else (None, bilingual("unknown_country", value=_show(raw)))


def _countries(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    return _many(raw, _country_codes(reference), "unknown_country")


def _checkpoint(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    # the type first: a list or a mapping is not a key to look up
    if not isinstance(raw, str) or not (reference is None or raw in reference.checkpoints):
        return None, bilingual("unknown_checkpoint", value=_show(raw))
    return raw, None


def _organisation(question: Question, raw: Any, form: Form,
                  reference: Reference | None) -> Parsed:
    if not isinstance(raw, str) or not (reference is None or raw in reference.organisations):
        return None, bilingual("unknown_organisation", value=_show(raw))
    return raw, None


def _repeat(question: Question, raw: Any, form: Form, reference: Reference | None) -> Parsed:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        return None, bilingual("expected_items")
    if len(raw) > REPEAT_LIMIT:
        return None, bilingual("too_many_items", limit=REPEAT_LIMIT)
    children = {child.id: child for child in question.children}
    items = []
    for index, item in enumerate(raw, start=1):
        parsed: dict[str, Any] = {}
        for name, value in item.items():
            child = children.get(name)
            if child is None:
                detail = bilingual("unknown_field", name=_show(name))
                return None, in_item(question, index, detail)
            parsed[name], problem = parse_answer(child, value, form, reference)
            if problem is not None:
                return None, in_item(question, index, problem)
        items.append(parsed)
    return items, None


def in_item(question: Question, index: int, detail: Mapping[str, str]) -> dict[str, str]:
    """``detail`` about entry ``index`` of the repeat ``question``, naming the entry."""
    return {lang: bilingual("repeat_item_invalid", item=question.item_name(index, lang),
                            detail=text)[lang] for lang, text in detail.items()}


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


_PARSERS: dict[str, Callable[[Question, Any, Form, Reference | None], Parsed]] = {
    "text": _text, "integer": _integer, "decimal": _decimal, "date": _date,
    "datetime": _datetime, "select_one": _select_one, "select_multiple": _select_multiple,
    "yes_no_unknown": _select_one, "country": _country, "countries": _countries,
    "checkpoint": _checkpoint, "organisation": _organisation, "repeat": _repeat,
}


def to_json(value: Any) -> Any:
    """The JSON form of a typed value (dates as ISO 8601 text)."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value
