"""The workstation's form catalogue: the form bundled with the program and the versions
central published and this workstation accepted (``<data>/reference/vN/``).

Every part of the workstation that needs a form asks this catalogue, so an interview is
finalised, printed, counted and shown with the version it was started with. What was
downloaded is checked against central's signature each time it is read, not only when it
arrived (``reference.trusted``): a form or folder written by hand is refused, named in the log
and by :func:`problems`, and the last version central signed stays in use. Central's key
comes from the encrypted store, so before a login (``central_key`` is None) only what the
program ships is used."""

from __future__ import annotations

from pathlib import Path

from screening import config, crypto
from screening.errors import ScreeningError
from screening.questionnaire.catalogue import FormCatalogue, FormSource, FormText
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.store.session import StoreSession
from screening.sync import identity, packages, reference

CentralKey = crypto.Ed25519PublicKey | None


def central_key(session: StoreSession) -> CentralKey:
    """The key central signs reference data with, from the store; None when not enrolled."""
    try:
        return identity.load(session).receipt_key()
    except ScreeningError:
        return None


def workstation_catalogue(data_dir: Path, key: CentralKey) -> FormCatalogue:
    data_dir = Path(data_dir)

    def kept(form_id: str, form_version: str) -> FormSource | None:
        return _form(data_dir, key, reference.form_key(form_id, form_version))

    def newest() -> FormSource | None:
        return _form(data_dir, key, None)

    def reference_dir() -> Path:
        package, found = reference.trusted(data_dir, key, "reference")
        reference.tell(found)
        return (reference.folder_of(data_dir, package) if package
                else config.reference_dir_for(config.standard_form_path()))

    return FormCatalogue(config.standard_form_path(), reference_dir, versions=kept,
                         newest=newest, frozen=config.frozen_forms_dir())


def _form(data_dir: Path, key: CentralKey, form: str | None) -> FormSource | None:
    package, found = reference.trusted(data_dir, key, "form", form)
    reference.tell(found)
    return _signed_text(data_dir, package) if package else None


def _signed_text(data_dir: Path, package: packages.Package) -> FormText:
    # the text central signed, never form.yaml beside it: the file could change after the check
    return FormText(str(package.payload.get("yaml", "")),
                    str(reference.folder_of(data_dir, package) / reference.FORM_FILE))


def problems(data_dir: Path, key: CentralKey) -> list[str]:
    """Why downloaded data the pointer names is not in use (written by hand, changed on
    disk), for the supervisor."""
    found = [*reference.trusted(data_dir, key, "form")[1],
             *reference.trusted(data_dir, key, "reference")[1]]
    named = reference.read_state(data_dir).forms if not found else {}
    for form in named:
        found += reference.trusted(data_dir, key, "form", form)[1]
    return list(dict.fromkeys(found))


def current(data_dir: Path, key: CentralKey) -> tuple[Form, Reference]:
    """The form and reference data for a NEW interview: the newest from central when one was
    accepted and still verifies, else those bundled with the program (``config.forms_dir()``)."""
    return workstation_catalogue(data_dir, key).for_new_interview()


def for_interview(data_dir: Path, key: CentralKey, form_id: str, form_version: str
                  ) -> tuple[Form, Reference]:
    """What an existing interview is shown and scored with: its own form version, and the
    reference data in use now (a directory change applies to every interview)."""
    return workstation_catalogue(data_dir, key).for_version(form_id, form_version)
