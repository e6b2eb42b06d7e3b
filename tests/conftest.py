"""Shared fixtures: the standard form and reference data, loaded once per test session, and a
new checkpoint store."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.questionnaire.loader import load_form
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference, load_reference

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
STANDARD_FORM = FORMS / "returnee_screening.yaml"
FORM_VERSIONS = FORMS / "versions"  # every earlier version, frozen byte for byte
FORM_2026_1 = FORM_VERSIONS / "returnee_screening-2026.1.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def standard_form() -> Form:
    return load_form(STANDARD_FORM)


@pytest.fixture(scope="session")
def form_2026_1() -> Form:
    """The frozen questionnaire 2026.1, for tests about its own content."""
    return load_form(FORM_2026_1)


@pytest.fixture(scope="session")
def reference() -> Reference:
    return load_reference(FORMS / "reference")


@pytest.fixture
def store(tmp_path):
    """A new checkpoint store for TIA, opened by its first supervisor (cheap key derivation)."""
    from screening.store.session import StoreSession
    from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF

    session, _code = StoreSession.initialise(tmp_path / "store", "TIA", SUPERVISOR,
                                             SUPERVISOR_PW, kdf=TEST_KDF)
    yield session
    session.close()

