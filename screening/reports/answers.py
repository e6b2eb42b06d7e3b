"""Answers in words: choice labels, country, checkpoint and organisation names, dates in the
Albanian day.month.year order. Never a raw id, never ``None``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from screening.questionnaire.model import YES_NO_UNKNOWN, Form, Question
from screening.questionnaire.reference import Reference
from screening.reports.wording import LANGUAGES, word


def format_moment(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the workstation's clock, as the officer saw it
    return moment.strftime("%d.%m.%Y %H:%M")


def format_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def answer_text(question: Question, value: Any, form: Form, reference: Reference,
                lang: str) -> str:
    """The value of ``question`` in words, or '' when there is none."""
    if value is None or value == "" or value == []:
        return ""
    formatter = _FORMATTERS.get(question.type, _plain)
    return formatter(question, value, form, reference, lang)


def signer(login: str, full_name: str, languages: tuple[str, ...] = LANGUAGES) -> str:
    """How a document names an account holder: the full name, else the login name marked as
    such (in ``languages``), for a login name is not a person's name."""
    if full_name.strip():
        return full_name.strip()
    if not login:
        return ""
    marks = " / ".join(word("login_name_only", lang) for lang in languages)
    return f"{login} ({marks})"


def yes_no(value: Any, lang: str) -> str:
    """Yes / no / unknown in words; '' for anything else (unanswered)."""
    if isinstance(value, bool):
        value = "yes" if value else "no"
    return word(value, lang) if value in YES_NO_UNKNOWN else ""


def choice_words(form: Form, list_name: str, values: Any, lang: str) -> str:
    if isinstance(values, str):
        values = [values]
    return ", ".join(form.choice_label(list_name, v, lang) for v in values or ())


def checkpoint_name(reference: Reference, code: str, lang: str) -> str:
    checkpoint = reference.checkpoints.get(code)
    if checkpoint is None:
        return code
    return checkpoint.name.get(lang) or checkpoint.name.get("en") or code


def organisation_name(reference: Reference, org_id: str, lang: str) -> str:
    organisation = reference.organisations.get(org_id)
    if organisation is None:
        return org_id
    return organisation.name.get(lang) or organisation.name.get("en") or org_id


def _plain(question: Question, value: Any, form: Form, reference: Reference, lang: str) -> str:
    return str(value)


def _yes_no(question: Question, value: Any, form: Form, reference: Reference, lang: str) -> str:
    return yes_no(value, lang) or str(value)


def _choice(question: Question, value: Any, form: Form, reference: Reference, lang: str) -> str:
    return choice_words(form, question.choices or "", value, lang)


def _calculated(question: Question, value: Any, form: Form, reference: Reference,
                lang: str) -> str:
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _scalar(value)


def _scalar(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return format_moment(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def _when(question: Question, value: Any, form: Form, reference: Reference, lang: str) -> str:
    return _scalar(value)


def _country(question: Question, value: Any, form: Form, reference: Reference, lang: str) -> str:
    return reference.country_name(value, lang)


def _countries(question: Question, value: Any, form: Form, reference: Reference,
               lang: str) -> str:
    return ", ".join(reference.country_name(code, lang) for code in value)


def _checkpoint(question: Question, value: Any, form: Form, reference: Reference,
                lang: str) -> str:
    return checkpoint_name(reference, value, lang)


def _organisation(question: Question, value: Any, form: Form, reference: Reference,
                  lang: str) -> str:
    return organisation_name(reference, value, lang)


def _assessment(question: Question, value: Any, form: Form, reference: Reference,
                lang: str) -> str:
    return form.choice_label(question.choices or "", value, lang)


def _repeat(question: Question, value: Any, form: Form, reference: Reference, lang: str) -> str:
    entries = []
    for index, item in enumerate(value, start=1):
        parts = [f"{child.label.get(lang, child.id)}: "
                 f"{answer_text(child, item.get(child.id), form, reference, lang)}"
                 for child in question.children if item.get(child.id) not in (None, "", [])]
        entries.append(f"{question.item_name(index, lang)}: " + "; ".join(parts))
    return "\n".join(entries)


_FORMATTERS: dict[str, Callable[[Question, Any, Form, Reference, str], str]] = {
    "yes_no_unknown": _yes_no, "select_one": _choice, "select_multiple": _choice,
    "date": _when, "datetime": _when, "calculate": _calculated, "country": _country,
    "countries": _countries, "checkpoint": _checkpoint, "organisation": _organisation,
    "assessment": _assessment, "repeat": _repeat,
}
