"""Where things live. Nothing happens at import: every path is computed when asked for."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ReturneeScreening"
APP_AUTHOR = "ReturneeScreening"


def forms_dir() -> Path:
    """The folder holding the questionnaire definitions and ``reference/``.

    ``SCREENING_FORMS`` overrides it; a PyInstaller bundle carries it beside the code; a source
    checkout has it at the top of the repository.
    """
    override = os.environ.get("SCREENING_FORMS")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "forms"
    return Path(__file__).resolve().parent.parent / "forms"


def standard_form_path() -> Path:
    return forms_dir() / "returnee_screening.yaml"


def frozen_forms_dir() -> Path:
    """Earlier versions of the bundled forms, frozen byte for byte (``forms/versions/``)."""
    return forms_dir() / "versions"


def reference_dir_for(form_path: Path) -> Path:
    """Reference data beside the form when it has its own, else the standard one."""
    beside = form_path.parent / "reference"
    return beside if (beside / "countries.yaml").exists() else forms_dir() / "reference"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The workstation's data folder: ``--data-dir``, else ``SCREENING_HOME``, else the
    platform's user data folder."""
    if override:
        return Path(override)
    home = os.environ.get("SCREENING_HOME")
    if home:
        return Path(home)
    import platformdirs  # imported late: only commands that touch data need it

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
