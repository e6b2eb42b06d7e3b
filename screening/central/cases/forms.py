"""The questionnaire central reads interviews with (the standard form and its reference
folder), and what the console's filters offer from it: checkpoints, outcomes, actions."""

from __future__ import annotations

import functools

from screening import config
from screening.questionnaire.loader import load_form
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference, load_reference


@functools.cache
def standard_form() -> tuple[Form, Reference]:
    form_path = config.standard_form_path()
    return load_form(form_path), load_reference(config.reference_dir_for(form_path))


def checkpoint_codes(lang: str = "en") -> list[tuple[str, str]]:
    """(code, name in ``lang``) of the reference checkpoints, for the filters."""
    _form, reference = standard_form()
    return [(code, _name(cp, lang)) for code, cp in reference.checkpoints.items()]


def _name(checkpoint: object, lang: str) -> str:
    name = getattr(checkpoint, "name", None) or {}
    return str(name.get(lang) or name.get("en") or name.get("sq") or "")


def choices(list_name: str, lang: str = "en") -> list[tuple[str, str]]:
    """(value, label in ``lang``) of one of the form's choice lists (outcomes, actions)."""
    form, _reference = standard_form()
    return [(c.value, c.label.get(lang) or c.label.get("en") or c.value)
            for c in form.choice_lists.get(list_name, ())]


def outcome_list() -> str:
    form, _reference = standard_form()
    return form.outcome_list or "outcome"
