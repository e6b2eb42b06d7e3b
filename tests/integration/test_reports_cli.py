"""The document commands run as a person runs them: real processes on a real SQLCipher store,
interviews entered with ``interviews import``, PDFs read back with pypdf.

The store is created in-process with the cheap test key derivation so that each command's login
costs milliseconds; everything after that goes through the command line."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from screening.casereference import parse_case_reference
from screening.store.session import StoreSession
from tests.answer_sets import BUNDLED, adult_no_indicators, with_yes
from tests.conftest import ROOT
from tests.unit.store.helpers import TEST_KDF

SUP, SUP_PW = "sara", "sara-password-1"
OFF, OFF_PW = "olsi", "olsi-password-1"
NOTES = "NOTES-MUST-NOT-PRINT-5d2a"
GREEK, CYRILLIC = "Αλέξανδρος", "Владимир"
VICTIM_INDICATORS = ("ind_deceived_nature_of_job", "ind_deceived_conditions",
                     "ind_excessive_hours", "ind_low_or_no_pay", "ind_documents_confiscated",
                     "ind_violence")
ORGANISATION = "Qendra Kombëtare e Pritjes për Viktimat e Trafikimit"


def run(data_dir: Path, *args: str, password: str = SUP_PW,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    extra = env or {}
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCREENING_")}
    env["SCREENING_PASSWORD"] = password
    env.update(extra)
    return subprocess.run([sys.executable, "-m", "screening", "--data-dir", str(data_dir),
                           *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=env, stdin=subprocess.DEVNULL, start_new_session=True)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def fails(result: subprocess.CompletedProcess[str], text: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert text in result.stderr, result.stderr
    return result.stderr


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes()))
                     .pages)
    return re.sub(r"\s+", "", text)  # names and addresses wrap wherever the layout chose


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def victim(**answers: object) -> dict:
    base = with_yes(adult_no_indicators(
        given_name=GREEK, action_taken="referred_shelter", referral_organisation="nrcvt",
        referral_urgent="yes", officer_outcome="presumed_victim",
        officer_notes=f"{NOTES} private remark", country_of_exploitation="IT"),
        *VICTIM_INDICATORS)
    return {**base, **answers}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A supervisor, an officer and three paper interviews: a referred victim and a returnee
    with no indicators in 2026Q3, and a victim interviewed in 2026Q2."""
    folder = tmp_path_factory.mktemp("reports")
    data_dir = folder / "data"
    session, _code = StoreSession.initialise(data_dir, "KKV", SUP, SUP_PW, kdf=TEST_KDF)
    with session:
        session.add_user(OFF, "officer", OFF_PW)
    paper = folder / "paper.json"
    paper.write_text(json.dumps([
        victim(), adult_no_indicators(given_name=CYRILLIC),
        victim(interview_started_at="2026-05-10T09:00:00")]), encoding="utf-8")
    out = ok(run(data_dir, "interviews", "import", str(paper), "--as", OFF, password=OFF_PW))
    paper.unlink()
    ids = re.findall(r"imported as (\S+)", out)
    listing = json.loads(ok(run(data_dir, "interviews", "list", "--json", "--as", SUP)))
    references = {item["id"]: item["case_reference"] for item in listing}
    return {"dir": data_dir, "out": folder, "ids": ids,
            "refs": [references[i] for i in ids]}


@pytest.fixture(scope="module")
def printed(store: dict) -> dict:
    """One slip (by case reference), one record (by id, by the officer) and one report."""
    out, ids, refs = store["out"], store["ids"], store["refs"]
    slip, record, report = out / "slip.pdf", out / "record.pdf", out / "q3.pdf"
    ok(run(store["dir"], "slip", refs[0].lower(), "-o", str(slip), "--as", SUP))
    ok(run(store["dir"], "record", ids[0], "-o", str(record), "--lang", "en", "--as", OFF,
           password=OFF_PW))
    said = ok(run(store["dir"], "report", "quarterly", "2026Q3", "-o", str(report), "--csv",
                  str(out / "csv"), "--suppress-below", "3", "--as", SUP))
    return {"slip": slip, "record": record, "report": report, "csv": out / "csv",
            "said": said}


def test_list_and_show_give_the_case_reference(store):
    reference = store["refs"][0]
    parsed = parse_case_reference(reference)
    assert parsed.checkpoint == "KKV" and store["ids"][0].startswith(parsed.id_prefix)
    listing = ok(run(store["dir"], "interviews", "list", "--as", SUP))
    assert reference in listing
    shown = json.loads(ok(run(store["dir"], "interviews", "show", reference, "--as", SUP)))
    assert shown["id"] == store["ids"][0] and shown["case_reference"] == reference


def test_the_slip_names_case_and_organisation_but_not_the_notes(store, printed):
    text = pdf_text(printed["slip"])
    assert store["refs"][0] in text
    assert re.sub(r"\s+", "", ORGANISATION) in text
    assert NOTES not in text
    assert private(printed["slip"])


def test_the_record_holds_the_answers_the_notes_and_the_audit_trail(store, printed):
    text = pdf_text(printed["record"])
    assert store["refs"][0] in text and GREEK in text and NOTES in text
    assert "Interviewimported" in text
    assert private(printed["record"])


def test_the_quarterly_report_counts_the_quarter_and_writes_every_table(printed):
    assert "2026Q3: 2 interview(s)" in printed["said"]
    assert "2026Q3" in pdf_text(printed["report"]) and private(printed["report"])
    tables = sorted(printed["csv"].iterdir())
    assert len(tables) == 17 and all(private(p) and p.name.startswith("2026Q3_") for p in tables)
    assert tables[0].read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads ë and ç


def test_printing_and_exporting_are_in_an_intact_audit_log(store, printed):
    assert "audit log intact" in ok(run(store["dir"], "audit", "verify", "--as", SUP))
    with StoreSession.login(store["dir"], SUP, SUP_PW, kdf=TEST_KDF) as session:
        done = {(e.actor, e.action, e.subject) for e in session.audit_entries()}
        exported = [e for e in session.audit_entries() if e.action == "report_exported"]
    assert (SUP, "slip_printed", store["ids"][0]) in done
    assert (OFF, "record_printed", store["ids"][0]) in done
    assert exported[0].detail == {"quarter": "2026Q3", "checkpoint": None, "csv": True,
                                  "suppress_below": 3, "interviews": 2}


def test_an_officer_may_not_print_a_slip_or_the_statistics(store):
    target = store["out"] / "officer.pdf"
    fails(run(store["dir"], "slip", store["ids"][0], "-o", str(target), "--as", OFF,
              password=OFF_PW), "only a supervisor can print a referral slip")
    fails(run(store["dir"], "report", "quarterly", "2026Q3", "-o", str(target), "--as", OFF,
              password=OFF_PW), "only a supervisor can export the quarterly statistics")
    assert not target.exists()


def test_no_referral_organisation_means_no_slip(store):
    target = store["out"] / "none.pdf"
    fails(run(store["dir"], "slip", store["refs"][1], "-o", str(target), "--as", SUP),
          "refers the person to no organisation")
    assert not target.exists()


def test_an_existing_file_is_kept_unless_forced(store):
    target = store["out"] / "exists.pdf"
    target.write_bytes(b"keep me")
    fails(run(store["dir"], "record", store["ids"][1], "-o", str(target), "--as", SUP),
          "already exists")
    assert target.read_bytes() == b"keep me"
    ok(run(store["dir"], "record", store["ids"][1], "-o", str(target), "--force", "--as", SUP))
    assert CYRILLIC in pdf_text(target)


def test_an_empty_quarter_is_a_report_that_says_so(store):
    target = store["out"] / "empty.pdf"
    said = ok(run(store["dir"], "report", "quarterly", "2025Q1", "-o", str(target),
                  "--checkpoint", "kkv", "--as", SUP))
    assert "0 interview(s)" in said and "2025Q1" in pdf_text(target)


def test_a_bad_quarter_or_unknown_interview_is_a_message(store):
    target = store["out"] / "bad.pdf"
    fails(run(store["dir"], "report", "quarterly", "2026Q5", "-o", str(target), "--as", SUP),
          "is not a quarter")
    fails(run(store["dir"], "record", "KKV-260101-ABCDEF", "-o", str(target), "--as", SUP),
          "no interview")
    assert not target.exists()


def test_a_draft_gets_no_slip(store):
    with StoreSession.login(store["dir"], SUP, SUP_PW, kdf=TEST_KDF) as session:
        draft = session.start_interview(*BUNDLED)
    target = store["out"] / "draft.pdf"
    fails(run(store["dir"], "slip", draft, "-o", str(target), "--as", SUP), "is not finalised")
    assert not target.exists()


def test_an_interview_on_a_form_version_the_workstation_lacks_is_a_message(store):
    with StoreSession.login(store["dir"], SUP, SUP_PW, kdf=TEST_KDF) as session:
        unknown = session.start_interview("returnee_screening", "1999.9")
    target = store["out"] / "unknown-version.pdf"
    said = fails(run(store["dir"], "record", unknown, "-o", str(target), "--as", SUP),
                 "no form 'returnee_screening' version '1999.9'")
    assert "sync with central" in said
    assert not target.exists()


def test_a_half_year_with_a_workbook_beside_the_pdf(store):
    from openpyxl import load_workbook

    target, workbook = store["out"] / "h2.pdf", store["out"] / "h2.xlsx"
    said = ok(run(store["dir"], "report", "quarterly", "2026H2", "-o", str(target), "--xlsx",
                  str(workbook), "--suppress-below", "3", "--as", SUP))
    assert "2026H2" in said and f"workbook {workbook}" in said
    assert "HiGHS" not in said  # the solver's banner is not for the person
    assert private(workbook) and private(target)
    book = load_workbook(workbook)
    assert len(book.sheetnames) == 17
    sheet = [list(r) for r in book["1_screened_by_checkpoint"].iter_rows(values_only=True)]
    assert sheet[-1][0] == "Gjithsej"
    assert all(v in ("x", 0) or (isinstance(v, int) and v >= 3)
               for line in sheet[1:] for v in line[1:])
    words = pdf_text(target)
    assert "2026H2" in words and "Periudha" in words
    fails(run(store["dir"], "report", "quarterly", "2026H3", "-o", str(target), "--force",
              "--as", SUP), "is not a quarter, half-year or year")
