"""Shared fixtures: the standard form and reference data, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.questionnaire.loader import load_form
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference, load_reference

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
STANDARD_FORM = FORMS / "returnee_screening.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def standard_form() -> Form:
    return load_form(STANDARD_FORM)


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference(FORMS / "reference")
