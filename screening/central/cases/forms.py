"""The questionnaires central reads interviews with — the bundled standard form and every
form version it has published, with the reference folder (the latest published, else the
bundled one) — and what the console's filters offer from them: checkpoints, outcomes,
actions."""

from __future__ import annotations

import functools
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from screening import config
from screening.central.reference import queries as published
from screening.errors import ScreeningError
from screening.questionnaire.loader import load_form, load_form_text
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference, load_reference


@dataclass(frozen=True)
class KnownForms:
    """Every form version central can check an interview against, by (form id, version)."""

    forms: dict[tuple[str, str], Form]
    reference: Reference

    def get(self, form_id: object, form_version: object) -> Form | None:
        return self.forms.get((str(form_id), str(form_version)))

    def to_count(self, form_id: object, form_version: object) -> Form | None:
        """The form to derive facts with: the version named, else the bundled form of that id
        (as central did before it knew versions, so interviews it holds stay counted)."""
        bundled, _reference = standard_form()
        found = self.get(form_id, form_version)
        return found or (bundled if form_id == bundled.id else None)


def known_forms(conn: Connection) -> KnownForms:
    form, reference = standard_form()
    forms = {(form.id, form.version): form}
    for package in published.of_kind(conn, "form"):
        loaded = _published_form(package.payload_hash, package.document)
        if loaded is not None:
            forms[(loaded.id, loaded.version)] = loaded
    latest = published.latest_of(conn, "reference", "reference")
    if latest is not None:
        reference = _published_reference(latest.payload_hash, latest.document) or reference
    return KnownForms(forms, reference)


@functools.lru_cache(maxsize=64)
def _published_form(_payload_hash: str, document: str) -> Form | None:
    # Checked with the same loader when it was published; a loader that has since grown
    # stricter must not stop every batch, so such a form is simply not known.
    try:
        return load_form_text(json.loads(document)["payload"]["yaml"])
    except (ScreeningError, KeyError, TypeError, ValueError):
        return None


@functools.lru_cache(maxsize=8)
def _published_reference(_payload_hash: str, document: str) -> Reference | None:
    try:
        files = json.loads(document)["payload"]["files"]
        with tempfile.TemporaryDirectory(prefix="screening-reference-") as folder:
            for name, text in files.items():
                (Path(folder) / Path(name).name).write_text(text, encoding="utf-8")
            return load_reference(Path(folder))
    except (ScreeningError, KeyError, TypeError, ValueError, OSError):
        return None


@functools.cache
def standard_form() -> tuple[Form, Reference]:
    form_path = config.standard_form_path()
    return load_form(form_path), load_reference(config.reference_dir_for(form_path))


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
