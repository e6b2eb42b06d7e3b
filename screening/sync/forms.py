"""The workstation's form catalogue: the form bundled with the program and the versions
central published and this workstation accepted (``<data>/reference/vN/form.yaml``).

Every part of the workstation that needs a form asks this catalogue, so an interview is
finalised, printed, counted and shown with the version it was started with."""

from __future__ import annotations

from pathlib import Path

from screening import config
from screening.questionnaire.catalogue import FormCatalogue, FormSource
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.sync import reference


def workstation_catalogue(data_dir: Path) -> FormCatalogue:
    data_dir = Path(data_dir)
    base = reference.folder(data_dir)

    def kept(form_id: str, form_version: str) -> FormSource | None:
        key = reference.form_key(form_id, form_version)
        package = reference.read_state(data_dir).forms.get(key)
        return base / f"v{package}" / reference.FORM_FILE if package else None

    def newest() -> FormSource | None:
        package = reference.read_state(data_dir).form
        return base / f"v{package}" / reference.FORM_FILE if package else None

    def reference_dir() -> Path:
        package = reference.read_state(data_dir).reference
        return (base / f"v{package}" if package
                else config.reference_dir_for(config.standard_form_path()))

    return FormCatalogue(config.standard_form_path(), reference_dir, versions=kept,
                         newest=newest, frozen=config.frozen_forms_dir())


def current(data_dir: Path) -> tuple[Form, Reference]:
    """The form and reference data for a NEW interview: the newest from central when one was
    accepted, else those bundled with the program (``config.forms_dir()``)."""
    return workstation_catalogue(data_dir).for_new_interview()


def for_interview(data_dir: Path, form_id: str, form_version: str) -> tuple[Form, Reference]:
    """What an existing interview is shown and scored with: its own form version, and the
    reference data in use now (a directory change applies to every interview)."""
    return workstation_catalogue(data_dir).for_version(form_id, form_version)
