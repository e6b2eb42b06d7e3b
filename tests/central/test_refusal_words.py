"""Central's refusal reasons reach the supervisor in Albanian: every code central refuses a
request, a batch or an interview with, and every problem code of a receipt, has its words in
the workstation's catalogue (screening/messages.py), which renders them by code."""

from __future__ import annotations

import ast

from screening import messages
from screening.central import refusals
from screening.central.batches import checks
from screening.sync.outbox import refusal_reason
from tests.conftest import ROOT


def constant_args(path, function: str, position: int, refused_only: bool = False) -> set[str]:
    """The string constants given as argument ``position`` to calls of ``function`` (with
    ``refused_only``, only the calls whose third argument is "refused")."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and len(node.args) > position:
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                getattr(node.func, "id", "")
            arg = node.args[position]
            if refused_only and not (isinstance(node.args[2], ast.Constant)
                                     and node.args[2].value == "refused"):
                continue
            if name == function and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif name == function and isinstance(arg, ast.Name):
                found.add(getattr(checks, arg.id, arg.id))
    return found


def test_every_refusal_code_of_central_has_both_languages():
    merge = ROOT / "screening" / "central" / "batches" / "merge.py"
    codes = set(refusals.STATUS_BY_CODE) | set(checks.CODES) | constant_args(
        merge, "_result", 3, refused_only=True)
    assert {"revision_conflict", "override_unapproved", "device_revoked"} <= codes
    missing = sorted(code for code in codes if f"refusal.{code}" not in messages.MESSAGES)
    assert missing == []


def test_every_problem_code_of_a_receipt_has_both_languages():
    problems = constant_args(ROOT / "screening" / "central" / "batches" / "checks.py",
                             "Problem", 1)
    issues = constant_args(ROOT / "screening" / "questionnaire" / "evaluation.py",
                           "AnswerIssue", 1)
    assert {"required", "in_future", "not_approved", "shape"} <= problems
    assert {"invalid", "constraint"} <= issues
    missing = sorted(code for code in problems | issues
                     if f"problem.{code}" not in messages.MESSAGES)
    assert missing == []


def test_a_receipt_result_reads_by_code_not_by_centrals_words():
    item = {"interview_id": "i-1", "code": "time_in_future", "message": "CENTRAL WORDS",
            "problems": [{"question": "interview_started_at", "code": "in_future",
                          "message": "MORE CENTRAL WORDS"}]}
    albanian = refusal_reason(item, "sq")
    assert albanian.startswith("një orë në intervistë është në të ardhmen")
    assert "interview_started_at: ora është në të ardhmen" in albanian
    assert "CENTRAL" not in albanian
    # English keeps central's own words: they are English already, and may hold a detail
    assert refusal_reason(item, "en") == "CENTRAL WORDS — interview_started_at: MORE CENTRAL " \
                                         "WORDS"


def test_a_code_this_version_does_not_know_keeps_centrals_words():
    item = {"code": "a_code_from_a_newer_central", "message": "words of a newer central",
            "problems": [{"question": "", "code": "newer", "message": "a newer problem"}]}
    assert refusal_reason(item, "sq") == "words of a newer central — a newer problem"
