"""The `screening forms` commands, run as a person runs them: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, STANDARD_FORM


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "screening", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_standard_form_passes_check() -> None:
    result = run("forms", "check", str(STANDARD_FORM))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"{STANDARD_FORM}: valid"


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("Returnee Screening ")
    help_text = run("--help").stdout
    assert "forms check" in help_text and "forms evaluate" in help_text


def test_evaluate_presumed_adult_victim(tmp_path: Path) -> None:
    answers = {
        "consent_interview": "yes", "date_of_birth": "1990-05-01",
        "interview_started_at": "2026-07-01T10:00:00",
        "ind_deceived_nature_of_job": "yes", "ind_deceived_wages": "yes",
        "ind_excessive_hours": "yes", "ind_low_or_no_pay": "yes",
        "ind_documents_confiscated": "yes", "ind_violence": "yes",
    }
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = run("forms", "evaluate", str(STANDARD_FORM), "--answers", str(path), "--lang", "en")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["outcome"] == "presumed_victim"
    assert report["profile"] == "adult_labour"
    assert report["positive_dimensions"] == ["D1", "D4", "D5"]
    assert {"id": "ind_violence", "dimension": "D5", "strength": "S"} in \
        report["fired_indicators"]
    assert report["age_years"] == 36
    assert report["explanation"][-1].startswith("Outcome: ")
    assert "rule step 1" in report["explanation"][-1]
    assert "action_taken" in report["missing_required"]


def test_evaluate_bad_answers_files(tmp_path: Path) -> None:
    cases = {
        "empty.json": ("", "the file is empty"),
        "broken.json": ('{"sex": "female",\n  "age_estimate": }', "line 2, column 19"),
        "list.json": ('["yes"]', "expected a JSON object"),
        "latin1.json": (None, "not UTF-8"),
    }
    for name, (content, fragment) in cases.items():
        path = tmp_path / name
        if content is None:
            path.write_bytes('{"given_name": "Zoë"}'.encode("latin-1"))
        else:
            path.write_text(content, encoding="utf-8")
        result = run("forms", "evaluate", str(STANDARD_FORM), "--answers", str(path))
        assert result.returncode == 1, name
        assert fragment in result.stderr, (name, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout == ""
    missing = run("forms", "evaluate", str(STANDARD_FORM), "--answers",
                  str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_evaluate_wrong_types_and_unknown_questions(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"age_estimate": "twelve", "favourite_colour": "blue",
                                "consent_interview": "yes"}), encoding="utf-8")
    result = run("forms", "evaluate", str(STANDARD_FORM), "--answers", str(path), "--lang", "en")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    errors = {e["question_id"]: e for e in report["errors"]}
    assert errors["age_estimate"]["message"] == "Enter a whole number."
    assert errors["favourite_colour"]["code"] == "unknown_question"
    assert "answer to 'age_estimate': Enter a whole number." in result.stderr
    assert report["can_finalise"] is False


def test_evaluate_with_a_broken_form(tmp_path: Path) -> None:
    form = tmp_path / "form.yaml"
    form.write_text("id: x\nversion: '1'\n", encoding="utf-8")
    answers = tmp_path / "answers.json"
    answers.write_text("{}", encoding="utf-8")
    result = run("forms", "evaluate", str(form), "--answers", str(answers))
    assert result.returncode == 1
    assert f"{form}: form: 'languages' is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_evaluate_in_albanian_by_default(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"consent_interview": "yes", "ind_violence": "yes"}),
                    encoding="utf-8")
    report = json.loads(run("forms", "evaluate", str(STANDARD_FORM), "--answers",
                            str(path)).stdout)
    assert report["outcome"] == "suspected_victim"
    assert report["explanation"][-1].startswith("Rezultati: ")
