"""The command line speaks English unless ``--lang sq``: the same refusals, word for word from
screening/messages.py, in Albanian — run as a person runs them, a real process, real files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from screening import config, crypto, messages
from screening.store.session import StoreSession
from screening.sync import identity, packages, reference
from tests.conftest import ROOT, STANDARD_FORM
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "screening", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_missing_answers_file_in_english_then_albanian(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.json"
    english = run("forms", "evaluate", str(STANDARD_FORM), "--answers", str(missing))
    assert english.returncode == 1
    assert english.stderr.strip() == f"error: {missing}: no such file"
    albanian = run("--lang", "sq", "forms", "evaluate", str(STANDARD_FORM), "--answers",
                   str(missing))
    assert albanian.returncode == 1 and "Traceback" not in albanian.stderr
    assert albanian.stderr.strip() == f"gabim: {missing}: ky skedar nuk ekziston"


def test_hostile_json_is_refused_in_albanian(tmp_path: Path) -> None:
    path = tmp_path / "answers {0} %s.json"
    path.write_text('{"consent_interview": "yes",', encoding="utf-8")
    result = run("--lang", "sq", "forms", "evaluate", str(STANDARD_FORM), "--answers", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"gabim: {path}: rreshti 1, kolona ")
    assert "JSON i pavlefshëm" in result.stderr and "Expecting" not in result.stderr


def test_the_store_refuses_in_albanian(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("--lang", "sq", "--data-dir", str(data), "users", "list", "--as", "drita",
                 env={"SCREENING_PASSWORD": "correct horse battery"})
    assert result.returncode == 1
    expected = messages.text("store_missing", "sq", path=data)
    assert result.stderr.strip() == f"gabim: {expected}"
    english = run("--data-dir", str(data), "users", "list", "--as", "drita",
                  env={"SCREENING_PASSWORD": "correct horse battery"})
    assert english.stderr.strip() == \
        f"error: there is no store in {data}; create one with 'screening init'"


def test_an_unknown_language_is_a_usage_error() -> None:
    result = run("--lang", "de", "forms", "check", str(STANDARD_FORM))
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_screening_leaflet_writes_the_sheet_in_both_languages(tmp_path: Path) -> None:
    from tests.unit.reports.helpers import squeeze, text

    target = tmp_path / "leaflet.pdf"
    data = ["--data-dir", str(tmp_path / "data")]
    written = run(*data, "leaflet", "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip() == f"information leaflet written to {target}"
    words = squeeze(text(target.read_bytes()))
    assert squeeze("Ndihma nuk varet nga ajo që tregoni") in words
    assert squeeze("Help does not depend on talking") in words
    again = run("--lang", "sq", *data, "leaflet", "-o", str(target))
    assert again.returncode == 1
    assert again.stderr.strip() == f"gabim: {target} ekziston tashmë; zgjidhni një emër " \
                                   "tjetër ose shtoni --force"


def test_leaflet_as_a_user_prints_the_words_central_published(tmp_path: Path) -> None:
    """``--as USER`` prints the leaflet central signed and sent; without it, or when the file on
    disk was altered after it was checked, the words this program ships."""
    data = tmp_path / "data"
    central = crypto.new_signing_key()
    session, _code = StoreSession.initialise(data, "TIA", SUPERVISOR, SUPERVISOR_PW,
                                             kdf=TEST_KDF)
    try:
        identity.save(session, identity.Identity(
            "device-1", "TIA", "http://127.0.0.1:9", crypto.private_bytes(
                crypto.new_signing_key()), crypto.public_bytes(crypto.new_encryption_key()),
            crypto.public_bytes(central)))
        folder = config.forms_dir() / "reference"
        files = {n: (folder / n).read_text(encoding="utf-8") for n in packages.REFERENCE_FILES}
        files["leaflet.yaml"] = (folder / "leaflet.yaml").read_text(encoding="utf-8").replace(
            "Të drejtat tuaja", "Të drejtat tuaja sipas ligjit", 1)
        report = reference.PullReport(version=0)
        reference.apply_documents(data, [packages.sign_package(
            version=1, kind="reference", published_at="2026-11-23T08:00",
            payload={"files": files}, signing_key=central)], central.public_key(), report)
        assert report.applied == ["v1: reference"]
    finally:
        session.close()
    password = {"SCREENING_PASSWORD": SUPERVISOR_PW}

    def leaflet(*who: str) -> str:
        target = tmp_path / "leaflet.pdf"
        written = run("--data-dir", str(data), "leaflet", *who, "-o", str(target), "--force",
                      env=password)
        assert written.returncode == 0, written.stderr
        return " ".join(text_of(target.read_bytes()).split())

    assert "Të drejtat tuaja sipas ligjit" in leaflet("--as", SUPERVISOR)
    assert "sipas ligjit" not in leaflet() and "Të drejtat tuaja" in leaflet()
    kept = next(p for p in (data / "reference").rglob("leaflet.yaml"))
    kept.write_text(kept.read_text(encoding="utf-8").replace("sipas ligjit", "sipas meje"),
                    encoding="utf-8")
    altered = leaflet("--as", SUPERVISOR)
    assert "sipas meje" not in altered and "Të drejtat tuaja" in altered
