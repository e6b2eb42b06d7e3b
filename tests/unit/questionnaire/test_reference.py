"""Reference data: the standard files load, and the country list matches pycountry."""

from __future__ import annotations

import subprocess
import sys

import pytest

from screening.errors import ReferenceDataError
from screening.questionnaire.reference import load_reference
from tests.conftest import FORMS, ROOT


def test_checkpoints_of_the_standard(reference):
    assert {"TIA", "KKV", "KPS", "DRS", "VLO", "SAR", "SHG", "MOR", "HHT"} <= \
        set(reference.checkpoints)
    assert len(reference.checkpoints) == 14
    for checkpoint in reference.checkpoints.values():
        assert checkpoint.name["sq"] and checkpoint.name["en"]


def test_directory_never_invents_facts(reference):
    assert len(reference.organisations) == 7
    for organisation in reference.organisations.values():
        assert organisation.name["sq"] and organisation.name["en"]
        assert organisation.phone == "" or any(ch.isdigit() for ch in organisation.phone)


def test_help_lines(reference):
    assert {h.number for h in reference.help_lines_in_use()} == {"116 111", "129"}
    # the national anti-trafficking line is listed, its number empty until central fills it
    [national] = [h for h in reference.help_lines if not h.number]
    assert national.name == {"sq": "Linja kombëtare kundër trafikimit",
                             "en": "National anti-trafficking help line"}


def test_countries_have_both_languages(reference):
    assert reference.country_name("GR", "sq") == "Greqi"
    assert reference.country_name("XK", "en") == "Kosovo"
    assert all(names["sq"] and names["en"] for names in reference.countries.values())
    assert "NO" in reference.countries  # YAML must not turn Norway into false


def test_countries_file_is_what_pycountry_generates():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_countries.py"),
                             "--check"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_broken_reference_folder_is_a_clear_error(tmp_path):
    for name in ("countries.yaml", "checkpoints.yaml", "help_lines.yaml"):
        (tmp_path / name).write_text((FORMS / "reference" / name).read_text("utf-8"), "utf-8")
    (tmp_path / "referral_directory.yaml").write_text("organisations: [\n", "utf-8")
    with pytest.raises(ReferenceDataError, match=r"referral_directory\.yaml: line"):
        load_reference(tmp_path)
    (tmp_path / "referral_directory.yaml").unlink()
    with pytest.raises(ReferenceDataError, match="cannot read"):
        load_reference(tmp_path)
