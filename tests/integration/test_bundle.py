"""The workstation bundle (issue 8): ``python installer/build.py`` makes it, and then its two
programs run without Python: the command line answers, finds the forms and its data folder, opens
an encrypted store and writes a PDF; the desktop client reaches the first-run screen, then the
login screen, in Albanian and English, offscreen.

The build takes a minute or two; it is cached in the temporary folder under a hash of everything
that goes into it, so a second run of this file costs seconds. SCREENING_BUNDLE=DIR tests a bundle
folder built elsewhere instead.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.answer_sets import adult_no_indicators, with_yes

pytestmark = [
    pytest.mark.slow,
    # PyInstaller's build of the bundle runs in the first test's setup: minutes on two cores
    pytest.mark.timeout(1500),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]

ROOT = Path(__file__).resolve().parent.parent.parent
PASSWORD = "correct horse battery"
# a presumed victim referred to the national reception centre: it has a referral slip
REFERRED = with_yes(
    adult_no_indicators(action_taken="referred_shelter", referral_organisation="nrcvt",
                        referral_urgent="yes", officer_outcome="presumed_victim"),
    "ind_deceived_nature_of_job", "ind_deceived_conditions", "ind_excessive_hours",
    "ind_low_or_no_pay", "ind_documents_confiscated", "ind_violence")
# What goes into the bundle; a change to any of it means a new build.
INPUTS = ("screening", "forms", "installer/returnee_screening.spec", "installer/build.py",
          "installer/launchers", "pyproject.toml")
SUFFIXES = {".py", ".json", ".yaml", ".ts", ".ttf", ".spec", ".toml", ""}


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        top = ROOT / name
        paths = sorted(top.rglob("*")) if top.is_dir() else [top]
        for path in paths:
            if (path.is_file() and "__pycache__" not in path.parts
                    and path.suffix in SUFFIXES and "central" not in path.parts):
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    from importlib.metadata import version

    for package in ("PySide6-Essentials", "pyinstaller"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except Exception:
            digest.update(f"{package}=?".encode())
    digest.update(sys.version.encode())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def bundle() -> Path:
    given = os.environ.get("SCREENING_BUNDLE")
    if given:
        return Path(given)
    # Two test runs on one machine (a developer's and CI's) share the cache: one builds while
    # the other waits, instead of both deleting each other's half-made folders.
    with open(Path(tempfile.gettempdir()) / "returnee-screening-bundle.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _build_or_reuse()


def _build_or_reuse() -> Path:
    cache = Path(tempfile.gettempdir()) / f"returnee-screening-bundle-{_fingerprint()}"
    folder = cache / "dist" / "ReturneeScreening"
    if (cache / "complete").exists() and folder.is_dir():
        return folder
    for stale in cache.parent.glob("returnee-screening-bundle-*/complete"):  # 235 MiB each
        shutil.rmtree(stale.parent, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py"),
         "--dist", str(cache / "dist"), "--work", str(cache / "work")],
        capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (
        f"installer/build.py failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    assert f"bundle: {folder}" in result.stdout
    shutil.rmtree(cache / "work", ignore_errors=True)  # 100 MB of intermediate files
    (cache / "complete").write_text(result.stdout)
    return folder


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The machine's environment minus anything that would point the bundle at the source."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("SCREENING_", "PYTHON", "QT_"))}
    env.update(HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               SCREENING_PASSWORD=PASSWORD)
    env.pop("XDG_DATA_HOME", None)
    env.update(extra)
    return env


def _run(program: Path, *args: str, env: dict[str, str], cwd: Path,
         timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=timeout)


def _smoke(bundle: Path, tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> dict:
    """Start the desktop client with ``--smoke-test``: it shows its first screen, prints one
    ``smoke-test {json}`` line about it and exits 0 (screening/ui/app.py)."""
    try:
        result = _run(bundle / "returnee-screening", *args, "--smoke-test",
                      env=env or _env(tmp_path), cwd=tmp_path, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the bundled desktop client did not exit within 60 s of --smoke-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("smoke-test ")]
    assert len(lines) == 1, result.stdout + result.stderr
    report = json.loads(lines[0].removeprefix("smoke-test "))
    assert report["frozen"] is True  # the bundle ran, not the source
    return report


def test_the_bundle_has_both_programs_and_its_data(bundle):
    assert (bundle / "returnee-screening").is_file()
    assert (bundle / "screening").is_file()
    inside = bundle / "_internal"
    for relative in ("forms/returnee_screening.yaml", "forms/reference/countries.yaml",
                     "screening/questionnaire/form.schema.json",
                     "screening/reports/fonts/DejaVuSans.ttf", "screening/reports/fonts/LICENSE",
                     "screening/ui/translations/screening_sq.qm"):
        assert (inside / relative).is_file(), relative
    plugins = inside / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqoffscreen.so", "platforms/libqxcb.so"):
        assert (plugins / plugin).is_file(), plugin
    assert (plugins / "printsupport").is_dir()
    assert not (inside / "tkinter").exists()
    assert not list(inside.rglob("libQt6Quick*")), "unused Qt modules in the bundle"


def test_command_line_version_and_bundled_forms(bundle, tmp_path):
    from screening import __version__

    env = _env(tmp_path)
    result = _run(bundle / "screening", "--version", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Returnee Screening {__version__}"
    form = bundle / "_internal" / "forms" / "returnee_screening.yaml"
    result = _run(bundle / "screening", "forms", "check", str(form), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_command_line_store_and_pdf_with_data_dir(bundle, tmp_path):
    """sqlcipher3, argon2 (cffi), reportlab and the bundled fonts, all from the bundle."""
    data, env, cli = tmp_path / "data", _env(tmp_path), bundle / "screening"
    result = _run(cli, "--data-dir", str(data), "init", "--checkpoint", "TIA", "--user", "sara",
                  env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (data).is_dir() and any(data.iterdir())
    paper = tmp_path / "paper.json"
    paper.write_text(json.dumps([REFERRED]), encoding="utf-8")
    result = _run(cli, "--data-dir", str(data), "interviews", "import", str(paper),
                  "--as", "sara", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    result = _run(cli, "interviews", "list", "--as", "sara", "--data-dir", str(data),
                  env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    reference = result.stdout.split()[0]
    assert reference.startswith("TIA-")
    for command in ("slip", "record"):
        pdf = tmp_path / f"{command}.pdf"
        result = _run(cli, "--data-dir", str(data), command, reference, "-o", str(pdf),
                      "--as", "sara", env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stdout + result.stderr
        content = pdf.read_bytes()
        assert content.startswith(b"%PDF") and b"DejaVuSans" in content


def test_default_data_folder_is_the_platformdirs_one(bundle, tmp_path):
    """No --data-dir, no SCREENING_HOME: the same folder as the installed package uses."""
    env = _env(tmp_path)
    source = subprocess.run(
        [sys.executable, "-c", "from screening import config; print(config.data_dir())"],
        capture_output=True, text=True, env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT,
        timeout=60)
    assert source.returncode == 0, source.stderr
    expected = source.stdout.strip()
    assert expected == str(tmp_path / "home" / ".local" / "share" / "ReturneeScreening")
    assert _smoke(bundle, tmp_path, env=env)["data_dir"] == expected


def test_desktop_client_first_run_then_login_offscreen(bundle, tmp_path):
    data = tmp_path / "data"
    first = _smoke(bundle, tmp_path, "--data-dir", str(data))
    assert first["screen"] == "setup"  # a fresh data folder: the first-run wizard
    # the forms and the reference data loaded inside the bundle
    assert first["form"] == "returnee_screening" and first["questions"] > 50
    assert first["countries"] > 200
    # the compiled Albanian translation loaded inside the bundle
    assert first["lang"] == "sq" and first["login_button"] == "Hyr"
    result = _run(bundle / "screening", "--data-dir", str(data), "init", "--checkpoint", "TIA",
                  "--user", "sara", env=_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    login = _smoke(bundle, tmp_path, "--data-dir", str(data))
    assert login["screen"] == "login" and login["login_button"] == "Hyr"
    english = _smoke(bundle, tmp_path, "--data-dir", str(data), "--lang", "en")
    assert english["screen"] == "login" and english["login_button"] == "Log in"
