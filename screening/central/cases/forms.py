"""The forms central reads interviews with — the same catalogue the workstation uses: the
bundled form, its earlier versions frozen beside it, and every version central published —
and what the console's filters offer from the newest: checkpoints, outcomes, actions."""

from __future__ import annotations

import json

from sqlalchemy import Connection

from screening import config
from screening.central.reference import queries as published
from screening.questionnaire.catalogue import FormCatalogue, FormSource, FormText
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference


def catalogue(conn: Connection | None = None) -> FormCatalogue:
    """The forms of every version central holds; published ones are read through ``conn``
    (without it, only the bundled and frozen versions). Parsed once per process (the
    catalogue's shared cache), so asking for it per request costs nothing."""

    def published_form(form_id: str, form_version: str) -> FormSource | None:
        if conn is None:
            return None
        package = published.form_package(conn, form_id, form_version)
        if package is None:
            return None
        return FormText(json.loads(package.document)["payload"]["yaml"],
                        f"package v{package.version}")

    path = config.standard_form_path()
    return FormCatalogue(path, config.reference_dir_for(path), versions=published_form,
                         missing_hint="central does not have it: publish that version first",
                         frozen=config.frozen_forms_dir())


def standard_form() -> tuple[Form, Reference]:
    """The newest bundled form and the reference data in use: for filters and new tables."""
    return catalogue().for_new_interview()


def checkpoint_codes() -> list[tuple[str, str]]:
    """(code, English name) of the reference checkpoints, for the filters."""
    _form, reference = standard_form()
    return [(code, _name(cp)) for code, cp in reference.checkpoints.items()]


def _name(checkpoint: object) -> str:
    name = getattr(checkpoint, "name", None) or {}
    return str(name.get("en") or name.get("sq") or "")


def choices(list_name: str) -> list[tuple[str, str]]:
    """(value, English label) of one of the form's choice lists (outcomes, actions)."""
    form, _reference = standard_form()
    return [(c.value, c.label.get("en") or c.value)
            for c in form.choice_lists.get(list_name, ())]


def outcome_list() -> str:
    form, _reference = standard_form()
    return form.outcome_list or "outcome"
