"""The form catalogue: the bundled form plus other versions, each parsed once, and a clear
refusal for a version it does not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import FormUnknownError
from screening.questionnaire.catalogue import (
    FormCache,
    FormCatalogue,
    FormSource,
    FormText,
    VersionSource,
)
from tests.conftest import FORMS, STANDARD_FORM

REFERENCE = FORMS / "reference"


def version_text(version: str) -> str:
    return STANDARD_FORM.read_text(encoding="utf-8").replace(
        'version: "2026.2"', f'version: "{version}"', 1)


def kept(by_version: dict[str, FormSource]) -> VersionSource:
    """A source of versions like central's: it looks each one up when asked."""
    def lookup(form_id: str, form_version: str) -> FormSource | None:
        return by_version.get(form_version) if form_id == "returnee_screening" else None

    return lookup


def test_the_bundled_form_and_a_version_from_a_file(tmp_path: Path):
    newer = tmp_path / "v3" / "form.yaml"
    newer.parent.mkdir()
    newer.write_text(version_text("2026.3"), encoding="utf-8")
    catalogue = FormCatalogue(STANDARD_FORM, REFERENCE, cache=FormCache(),
                              versions=kept({"2026.3": newer}))
    form, reference = catalogue.for_version("returnee_screening", "2026.2")
    assert form.version == "2026.2" and "KKV" in reference.checkpoints
    assert catalogue.for_version("returnee_screening", "2026.3")[0].version == "2026.3"
    assert catalogue.for_new_interview()[0].version == "2026.2"  # no newest named


def test_new_interviews_get_the_newest_version(tmp_path: Path):
    text = FormText(version_text("2026.4"), "package v4")
    catalogue = FormCatalogue(STANDARD_FORM, REFERENCE, cache=FormCache(),
                              versions=kept({"2026.4": text}),
                              newest=lambda: text)
    assert catalogue.for_new_interview()[0].version == "2026.4"
    assert catalogue.form("returnee_screening", "2026.2").version == "2026.2"


def test_a_version_it_does_not_hold_is_a_coded_refusal():
    catalogue = FormCatalogue(STANDARD_FORM, REFERENCE, cache=FormCache(),
                              missing_hint="publish it first")
    with pytest.raises(FormUnknownError) as raised:
        catalogue.for_version("returnee_screening", "1999.9")
    assert raised.value.code == "form_unknown"
    assert "'1999.9'" in raised.value.message and "publish it first" in raised.value.message
    with pytest.raises(FormUnknownError):
        catalogue.form("another_form", "2026.2")


def test_a_form_kept_under_the_wrong_version_is_refused():
    catalogue = FormCatalogue(STANDARD_FORM, REFERENCE, cache=FormCache(), versions=kept({
        "2026.3": FormText(version_text("2026.4"))}))
    with pytest.raises(FormUnknownError, match="kept for it is 'returnee_screening' version"):
        catalogue.form("returnee_screening", "2026.3")


def test_each_form_and_folder_is_parsed_once(tmp_path: Path):
    newer = tmp_path / "form.yaml"
    newer.write_text(version_text("2026.3"), encoding="utf-8")
    cache = FormCache()
    versions = kept({"2026.3": newer, "2026.5": FormText(version_text("2026.5"))})
    first = FormCatalogue(STANDARD_FORM, REFERENCE, versions=versions, cache=cache)
    second = FormCatalogue(STANDARD_FORM, REFERENCE, versions=versions, cache=cache)
    for catalogue in (first, second, first):
        for version in ("2026.2", "2026.3", "2026.5"):
            catalogue.for_version("returnee_screening", version)
        catalogue.for_new_interview()
    assert cache.loads == 4  # three forms and one reference folder
    assert first.form("returnee_screening", "2026.3") is \
        second.form("returnee_screening", "2026.3")
    # the same text under another name is the same form: keyed by content
    again = FormCatalogue(STANDARD_FORM, REFERENCE, cache=cache, versions=kept({
        "2026.5": FormText(version_text("2026.5"), "elsewhere")}))
    again.form("returnee_screening", "2026.5")
    assert cache.loads == 4


def test_earlier_bundled_versions_come_from_the_frozen_folder():
    from tests.conftest import FORM_VERSIONS

    catalogue = FormCatalogue(STANDARD_FORM, REFERENCE, cache=FormCache(), frozen=FORM_VERSIONS)
    assert catalogue.form("returnee_screening", "2026.1").version == "2026.1"
    assert catalogue.for_new_interview()[0].version == "2026.2"
    for form_id, version in (("returnee_screening", "../../returnee_screening"),
                             ("../versions/returnee_screening", "2026.1"),
                             ("returnee_screening", "2026.1/../2026.1")):
        with pytest.raises(FormUnknownError):  # a device's record names no file outside it
            catalogue.form(form_id, version)
