"""The `screening forms` commands, run as a person runs them: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.answer_sets import adult_no_indicators, for_2026_1, with_yes
from tests.conftest import FORM_2026_1, ROOT, STANDARD_FORM


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


def evaluate_file(tmp_path: Path, answers: dict, form: Path = STANDARD_FORM) -> dict:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    result = run("forms", "evaluate", str(form), "--answers", str(path), "--lang", "en",
                 "--now", "2026-07-01T10:00")
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def test_evaluate_a_consenting_adult_with_blanks_does_not_finalise(tmp_path: Path) -> None:
    answers = adult_no_indicators()
    for blank in ("ind_violence", "ind_sexual_violence", "ind_low_or_no_pay"):
        del answers[blank]
    report = evaluate_file(tmp_path, answers)
    assert report["form"]["version"] == "2026.2"
    assert {"ind_violence", "ind_sexual_violence", "ind_low_or_no_pay"} <= \
        set(report["missing_required"])
    assert report["can_finalise"] is False
    complete = evaluate_file(tmp_path, adult_no_indicators(ind_violence="unknown"))
    assert complete["missing_required"] == [] and complete["can_finalise"] is True


def test_evaluate_an_unknown_age_as_a_child(tmp_path: Path) -> None:
    answers = {k: v for k, v in adult_no_indicators().items() if k != "date_of_birth"}
    report = evaluate_file(tmp_path, answers)
    assert report["age_years"] is None
    assert report["child"] is True and report["profile"] == "child"
    assert "age_estimate" in report["missing_required"]
    assert "Profile: child" in report["explanation"][0]


def test_evaluate_several_referrals(tmp_path: Path) -> None:
    further = [{"further_referral_organisation": "nrcvt", "further_referral_type": "shelter",
                "further_referral_urgent": "yes"},
               {"further_referral_organisation": "state_social_services",
                "further_referral_type": "social_services", "further_referral_urgent": "no"}]
    answers = with_yes(adult_no_indicators(
        officer_outcome="suspected_victim", action_taken="referred_police_at_unit",
        referral_organisation="police_anti_trafficking", referral_urgent="yes",
        further_referrals=further), "ind_sexual_violence")
    report = evaluate_file(tmp_path, answers)
    assert report["outcome"] == "suspected_victim"
    assert report["errors"] == [] and report["can_finalise"] is True
    refused = evaluate_file(tmp_path, {**answers, "consent_referral": "no"})
    assert refused["errors"] == []  # the answers are right; the referral to a shelter is not
    entry = [p for p in refused["required_actions"] if p["question_id"] == "further_referrals"]
    assert entry == [{"code": "consent_referral_required", "question_id": "further_referrals",
                      "item": 1, "blocking": True, "message": entry[0]["message"]}]
    assert entry[0]["message"].startswith("Further referral 1: ")  # --lang en
    assert refused["can_finalise"] is False


def test_the_frozen_2026_1_still_evaluates(tmp_path: Path) -> None:
    answers = for_2026_1(adult_no_indicators())
    del answers["ind_violence"]  # 2026.1 let a blank indicator through
    report = evaluate_file(tmp_path, answers, FORM_2026_1)
    assert report["form"]["version"] == "2026.1"
    assert report["can_finalise"] is True
