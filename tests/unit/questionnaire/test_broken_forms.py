"""The corpus of broken forms: each file has one defect, and `forms check` must name it clearly.

``tests/fixtures/forms/broken/expected.yaml`` pins, for each file, where the problem is reported,
a fragment of its message and how many problems the file has in all (one defect, one message).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from screening.questionnaire.loader import check_form_file

ROOT = Path(__file__).resolve().parents[3]
FORMS_FIXTURES = ROOT / "tests" / "fixtures" / "forms"
BROKEN = FORMS_FIXTURES / "broken"
EXPECTED_FILE = BROKEN / "expected.yaml"
MINIMAL = FORMS_FIXTURES / "minimal.yaml"
EXPECTED: dict[str, dict] = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))
BROKEN_FILES = sorted(p for p in BROKEN.glob("*.yaml") if p != EXPECTED_FILE)
REPOSITORY_FORMS = sorted((ROOT / "forms").glob("*.yaml"))


def run_check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "screening", "forms", "check", *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_broken_file_has_an_expectation() -> None:
    assert len(BROKEN_FILES) >= 25
    assert sorted(p.name for p in BROKEN_FILES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_form_reports_its_defect(name: str) -> None:
    expected = EXPECTED[name]
    path = BROKEN / name
    problems = check_form_file(path)
    shown = "\n".join(map(str, problems))
    assert any(p.where == expected["where"] and expected["contains"] in p.message
               for p in problems), f"expected at {expected['where']!r}: " \
                                   f"{expected['contains']!r}\ngot:\n{shown}"
    assert len(problems) == expected["count"], f"expected {expected['count']} problem(s):\n{shown}"
    for problem in problems:
        assert problem.file == str(path)
        assert str(problem).startswith(f"{path}: {problem.where}: ")
        assert "\n" not in str(problem)


def test_cli_reports_every_broken_file_one_line_per_problem() -> None:
    result = run_check(*BROKEN_FILES)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert "internal error" not in output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    expected_lines = [str(p) for path in BROKEN_FILES for p in check_form_file(path)]
    assert lines == expected_lines
    prefixes = tuple(f"{path}: " for path in BROKEN_FILES)
    assert all(line.startswith(prefixes) for line in lines)
    assert {line.split(": ", 1)[0] for line in lines} == {str(p) for p in BROKEN_FILES}


def test_minimal_form_is_valid() -> None:
    assert check_form_file(MINIMAL) == []
    result = run_check(MINIMAL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"{MINIMAL}: valid"
    assert result.stderr == ""


@pytest.mark.parametrize("path", REPOSITORY_FORMS, ids=lambda p: p.name)
def test_repository_form_passes_check(path: Path) -> None:
    assert check_form_file(path) == []
    result = run_check(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"{path}: valid"


def test_repository_has_forms() -> None:
    assert REPOSITORY_FORMS, "no forms/*.yaml found"
