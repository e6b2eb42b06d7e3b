"""The supervisor's review from the command line, as in the desktop client: approve (choosing
the receiving organisation), return for correction, and the §3 refusal when a rule is broken;
accounts with full names, which the referral slip prints."""

from __future__ import annotations

import json
import re

import pytest

from screening.store.session import StoreSession
from tests.answer_sets import adult_no_indicators, child_answers, with_yes
from tests.integration.test_reports_cli import ok, pdf_text, run
from tests.maximal_interview import GIVEN_NAME, maximal_answers
from tests.maximal_interview import NOTES_MARKER as MAXIMAL_NOTES
from tests.unit.store.helpers import TEST_KDF

SUP, SUP_PW = "sara", "sara-password-1"
OFF, OFF_PW = "olsi", "olsi-password-1"
OFFICER_NAME = "Ολγα Бражник-Leka"
CHILD_NAME, CHILD_FAMILY = "Ελένη", "Кузнецова"
NOTES = "NOTES-NEVER-ON-THE-SLIP-91c"


def child(**overrides):
    return with_yes(child_answers(**{
        "given_name": CHILD_NAME, "family_name": CHILD_FAMILY, "accompanied_by": "alone",
        "child_unaccompanied": "yes", "child_guardian_present": "no",
        "officer_outcome": "suspected_victim", "action_taken": "referred_child_protection",
        "referral_organisation": "child_protection_units", "referral_urgent": "yes",
        "officer_notes": NOTES, **overrides}), "ind_vuln_economic")


@pytest.fixture
def store(tmp_path):
    data_dir = tmp_path / "data"
    session, _code = StoreSession.initialise(data_dir, "KKV", SUP, SUP_PW, kdf=TEST_KDF)
    session.close()
    added = ok(run(data_dir, "users", "add", OFF, "--role", "officer", "--full-name",
                   OFFICER_NAME, "--as", SUP, env={"SCREENING_NEW_PASSWORD": OFF_PW}))
    assert f"added officer {OFF} ({OFFICER_NAME})" in added
    paper = tmp_path / "paper.json"
    answers = [child(), adult_no_indicators()]
    answers[0].pop("guardian_name", None)
    answers[0].pop("guardian_relationship", None)
    paper.write_text(json.dumps(answers), encoding="utf-8")
    out = ok(run(data_dir, "interviews", "import", str(paper), "--as", OFF, password=OFF_PW))
    ids = re.findall(r"imported as (\S+)", out)
    assert len(ids) == 2, out
    listing = json.loads(ok(run(data_dir, "interviews", "list", "--json", "--as", SUP)))
    references = {item["id"]: item["case_reference"] for item in listing}
    return {"dir": data_dir, "out": tmp_path, "child": references[ids[0]], "adult": ids[1]}


def status(store, interview):
    shown = json.loads(ok(run(store["dir"], "interviews", "show", interview, "--as", SUP)))
    return shown["status"], shown["answers"].get("referral_organisation")


def test_redirecting_a_child_away_from_child_protection_is_refused_with_the_reason(store):
    refused = run(store["dir"], "interviews", "approve", store["child"], "--organisation",
                  "different_equal", "--as", SUP)
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "Traceback" not in refused.stderr
    assert "error: refused, nothing was changed: This person is treated as a child " \
           "(unaccompanied): the receiving organisation must be child protection, not " \
           "Different & Equal (D&E)." in refused.stderr
    assert status(store, store["child"]) == ("finalised", "child_protection_units")
    approved = ok(run(store["dir"], "interviews", "approve", store["child"], "--as", SUP))
    assert f"approved {store['child']}; referred to child_protection_units" in approved
    assert status(store, store["child"]) == ("approved", "child_protection_units")


def test_the_slip_names_the_person_the_officer_and_the_approving_supervisor(store):
    ok(run(store["dir"], "users", "full-name", SUP, "Sara Dema", "--as", SUP))
    ok(run(store["dir"], "interviews", "approve", store["child"], "--as", SUP))
    target = store["out"] / "slip.pdf"
    ok(run(store["dir"], "slip", store["child"], "-o", str(target), "--as", SUP))
    words = pdf_text(target)
    for expected in (CHILD_NAME + CHILD_FAMILY, "01.02.2010(16vjeç)", "Femër", "Shqipëri",
                     re.sub(r"\s", "", OFFICER_NAME), "SaraDema"):
        assert expected in words, expected
    assert NOTES not in words


def test_a_supervisor_returns_an_interview_with_a_comment(store):
    returned = ok(run(store["dir"], "interviews", "return", store["adult"], "--comment",
                      "Check the dates of the journey", "--as", SUP))
    assert f"to {OFF} for correction" in returned
    assert status(store, store["adult"])[0] == "returned_for_correction"
    again = run(store["dir"], "interviews", "approve", store["adult"], "--as", SUP)
    assert again.returncode == 1 and "not finalised" in again.stderr


def test_review_is_for_supervisors_and_needs_a_comment(store):
    for args in (("approve", store["child"]), ("return", store["child"], "--comment", "x")):
        refused = run(store["dir"], "interviews", *args, "--as", OFF, password=OFF_PW)
        assert refused.returncode == 1 and "supervisor" in refused.stderr, refused.stderr
    blank = run(store["dir"], "interviews", "return", store["child"], "--comment", "  ",
                "--as", SUP)
    assert blank.returncode == 1 and "what the officer must correct" in blank.stderr
    assert status(store, store["child"])[0] == "finalised"


def test_users_list_shows_full_names(store):
    listing = ok(run(store["dir"], "users", "list", "--as", SUP))
    assert f"{OFF}\tofficer\tactive" in listing and OFFICER_NAME in listing
    assert "(no full name)" in listing  # the supervisor has none yet


def test_the_longest_interview_prints_its_record_slip_and_report(store):
    paper = store["out"] / "maximal.json"
    paper.write_text(json.dumps([maximal_answers(interview_started_at="2026-07-01T10:00:00")]),
                     encoding="utf-8")
    out = ok(run(store["dir"], "interviews", "import", str(paper), "--as", OFF, password=OFF_PW))
    interview = re.findall(r"imported as (\S+)", out)[0]
    for lang in ("sq", "en"):
        target = store["out"] / f"record-{lang}.pdf"
        ok(run(store["dir"], "record", interview, "-o", str(target), "--lang", lang, "--as",
               OFF, password=OFF_PW))
        words = pdf_text(target)
        assert re.sub(r"\s", "", GIVEN_NAME) in words and MAXIMAL_NOTES in words
    ok(run(store["dir"], "interviews", "approve", interview, "--as", SUP))
    slip = store["out"] / "maximal-slip.pdf"
    ok(run(store["dir"], "slip", interview, "-o", str(slip), "--as", SUP))
    words = pdf_text(slip)
    assert re.sub(r"\s", "", GIVEN_NAME) in words and MAXIMAL_NOTES not in words
    report = store["out"] / "q3.pdf"
    said = ok(run(store["dir"], "report", "quarterly", "2026Q3", "-o", str(report), "--as",
                  SUP))
    assert "2026Q3: 3 interview(s)" in said
