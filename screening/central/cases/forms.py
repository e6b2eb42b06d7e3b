"""The forms central reads interviews with — the same catalogue the workstation uses: the
bundled form, its earlier versions frozen beside it, and every version central published —
with the reference folder in use (the latest published, else the bundled one), and what the
console's filters offer from the newest: checkpoints, outcomes, actions."""

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
from screening.questionnaire.catalogue import FormCatalogue, FormSource, FormText
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference, load_reference


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


@dataclass(frozen=True)
class KnownForms:
    """What central checks and counts an interview with: the catalogue's versions and the
    reference data in use."""

    forms: FormCatalogue
    reference: Reference

    def get(self, form_id: object, form_version: object) -> Form | None:
        """The version named, or None: unknown, or a published form that a loader grown
        stricter since no longer reads (it must not stop every batch)."""
        try:
            return self.forms.form(str(form_id), str(form_version))
        except ScreeningError:
            return None

    def to_count(self, form_id: object, form_version: object) -> Form | None:
        """The form to derive facts with: the version named, else the bundled form of that id
        (as central did before it knew versions, so interviews it holds stay counted)."""
        bundled = self.forms.bundled()
        found = self.get(form_id, form_version)
        return found or (bundled if form_id == bundled.id else None)


def known_forms(conn: Connection) -> KnownForms:
    forms = catalogue(conn)
    latest = published.latest_of(conn, "reference", "reference")
    reference = (_published_reference(latest.payload_hash, latest.document)
                 if latest is not None else None)
    return KnownForms(forms, reference or forms.reference())


@functools.lru_cache(maxsize=8)
def _published_reference(_payload_hash: str, document: str) -> Reference | None:
    # central keeps the reference folder as a package in its database; the loader reads files
    try:
        files = json.loads(document)["payload"]["files"]
        with tempfile.TemporaryDirectory(prefix="screening-reference-") as folder:
            for name, text in files.items():
                (Path(folder) / Path(name).name).write_text(text, encoding="utf-8")
            return load_reference(Path(folder))
    except (ScreeningError, KeyError, TypeError, ValueError, OSError):
        return None


def standard_form() -> tuple[Form, Reference]:
    """The newest bundled form and the bundled reference data: for filters and table labels."""
    return catalogue().for_new_interview()


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
