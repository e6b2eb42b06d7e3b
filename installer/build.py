"""The one build command of the workstation bundle: ``python installer/build.py``.

1. uses the repository's .venv (re-runs itself with it when started by another Python);
2. installs PyInstaller into it when missing or older than MIN_PYINSTALLER;
3. compiles the Qt translations (.ts -> .qm);
4. draws the Windows icon (.ico) and a PNG from installer/linux/returnee-screening.svg;
5. runs PyInstaller on installer/returnee_screening.spec;
6. checks the result (both programs there, ``screening --version`` answers) and prints the
   folder and its size;
7. on Windows, with ``--installer``, compiles installer/windows/returnee_screening.iss with Inno
   Setup's ISCC, passing the same version and folder.

Exits 1 with a one-line reason on any failure. ``--dist`` and ``--work`` put the output and the
intermediate files elsewhere (the default is installer/dist and installer/build, both ignored by
git).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "returnee_screening.spec"
SVG = INSTALLER / "linux" / "returnee-screening.svg"
ISS = INSTALLER / "windows" / "returnee_screening.iss"
TRANSLATIONS = ROOT / "screening" / "ui" / "translations"
NAME = "ReturneeScreening"  # the folder the spec's COLLECT makes
GUI_NAME, CLI_NAME = "returnee-screening", "screening"
MIN_PYINSTALLER = "6.10"
PYINSTALLER_REQUIREMENT = f"pyinstaller>={MIN_PYINSTALLER},<7"
WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""


class BuildError(Exception):
    pass


def step(text: str) -> None:
    print(f"== {text}", flush=True)


def version() -> str:
    """screening.__version__, as the spec reads it."""
    text = (ROOT / "screening" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise BuildError("screening/__init__.py has no __version__")
    return match.group(1)


def venv_python() -> Path:
    return ROOT / ".venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")


def ensure_venv() -> None:
    """Re-run with the project's .venv when started by another interpreter."""
    in_venv = sys.prefix != sys.base_prefix
    target = venv_python()
    if in_venv or not target.exists() or os.environ.get("SCREENING_BUILD_REEXEC"):
        if not in_venv:
            print("warning: not in a virtual environment; PyInstaller goes into this Python",
                  file=sys.stderr)
        return
    os.environ["SCREENING_BUILD_REEXEC"] = "1"
    sys.exit(subprocess.call([str(target), str(Path(__file__).resolve()), *sys.argv[1:]]))


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def ensure_pyinstaller() -> str:
    try:
        import PyInstaller

        installed = PyInstaller.__version__
    except ImportError:
        installed = None
    if installed and _version_tuple(installed) >= _version_tuple(MIN_PYINSTALLER):
        return installed
    step(f"installing {PYINSTALLER_REQUIREMENT} (found: {installed or 'none'})")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                             "--disable-pip-version-check", PYINSTALLER_REQUIREMENT])
    if result.returncode != 0:
        raise BuildError(f"could not install {PYINSTALLER_REQUIREMENT} with pip")
    output = subprocess.run([sys.executable, "-c", "import PyInstaller; "
                             "print(PyInstaller.__version__)"],
                            capture_output=True, text=True)
    if output.returncode != 0:
        raise BuildError("PyInstaller was installed but cannot be imported")
    return output.stdout.strip()


def build_translations() -> list[Path]:
    """The same as ``scripts/translations build``, without bash (Windows has none)."""
    tool = Path(sys.executable).parent / f"pyside6-lrelease{EXE}"
    if not tool.exists():
        found = shutil.which("pyside6-lrelease")
        if not found:
            raise BuildError("pyside6-lrelease is missing: install the project into the venv "
                             "first (scripts/bootstrap, or pip install -e .)")
        tool = Path(found)
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        raise BuildError(f"no .ts translation sources in {TRANSLATIONS}")
    compiled = []
    for source in sources:
        target = source.with_suffix(".qm")
        result = subprocess.run([str(tool), "-silent", str(source), "-qm", str(target)])
        if result.returncode != 0 or not target.exists():
            raise BuildError(f"lrelease failed on {source.relative_to(ROOT)}")
        compiled.append(target)
    return compiled


def draw_icons(work: Path) -> Path | None:
    """returnee-screening.ico (16-256 px) and a 256 px PNG from the SVG, drawn by Qt's SVG
    renderer and packed by Pillow (both already installed with the project). In a child
    process: it needs a QGuiApplication, which the build must not keep."""
    work.mkdir(parents=True, exist_ok=True)
    ico, png = work / "returnee-screening.ico", work / "returnee-screening-256.png"
    code = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "from PIL import Image\n"
        "app = QGuiApplication(['icons'])\n"
        "svg, ico, png = sys.argv[1:4]\n"
        "renderer = QSvgRenderer(svg)\n"
        "assert renderer.isValid(), 'unreadable SVG'\n"
        "image = QImage(256, 256, QImage.Format.Format_ARGB32)\n"
        "image.fill(Qt.GlobalColor.transparent)\n"
        "painter = QPainter(image)\n"
        "painter.setRenderHint(QPainter.RenderHint.Antialiasing)\n"
        "renderer.render(painter)\n"
        "painter.end()\n"
        "assert image.save(png), 'cannot write the PNG'\n"
        "Image.open(png).save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code, str(SVG), str(ico), str(png)],
                            env=env, capture_output=True, text=True)
    if result.returncode != 0 or not ico.exists():
        message = (result.stderr.strip().splitlines() or ["no output"])[-1]
        if WINDOWS:
            raise BuildError(f"could not draw the Windows icon from {SVG.name}: {message}")
        print(f"warning: no icon drawn ({message}); the Linux bundle does not need it",
              file=sys.stderr)
        return None
    return ico


def run_pyinstaller(dist: Path, work: Path, ico: Path | None) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC)]
    env = dict(os.environ)
    if ico is not None:
        env["SCREENING_BUILD_ICON"] = str(ico)
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode}); its messages are above")
    return dist / NAME


def check_bundle(folder: Path, expected_version: str) -> None:
    for name in (GUI_NAME, CLI_NAME):
        if not (folder / f"{name}{EXE}").is_file():
            raise BuildError(f"the bundle has no {name}{EXE} in {folder}")
    for relative in ("forms/returnee_screening.yaml", "forms/reference/countries.yaml",
                     "screening/questionnaire/form.schema.json",
                     "screening/reports/fonts/DejaVuSans.ttf",
                     "screening/reports/fonts/LICENSE"):
        if not (folder / "_internal" / relative).is_file():
            raise BuildError(f"the bundle lacks _internal/{relative}")
    if not list((folder / "_internal" / "screening" / "ui" / "translations").glob("*.qm")):
        raise BuildError("the bundle lacks the compiled translations")
    result = subprocess.run([str(folder / f"{CLI_NAME}{EXE}"), "--version"],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or expected_version not in result.stdout:
        raise BuildError(f"the bundled '{CLI_NAME} --version' answered {result.returncode}: "
                         f"{(result.stdout + result.stderr).strip()}")


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def find_iscc() -> Path | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base:
            candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if candidate.exists():
                return candidate
    return None


def version_numbers(app_version: str) -> str:
    """0.1.0 -> 0.1.0.0: what a Windows version resource holds (the spec does the same)."""
    release = re.match(r"\d+(?:\.\d+)*", app_version)  # 1.2.0rc1 -> 1.2.0
    numbers = [int(part) for part in release.group(0).split(".")[:4]] if release else []
    return ".".join(str(n) for n in numbers + [0] * (4 - len(numbers)))


def build_installer(folder: Path, app_version: str, dist: Path, ico: Path | None) -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise BuildError("Inno Setup 6 (ISCC.exe) not found: install it from jrsoftware.org "
                         "or put ISCC on PATH")
    command = [str(iscc), f"/DAppVersion={app_version}",
               f"/DAppVersionNumbers={version_numbers(app_version)}",
               f"/DSourceDir={folder}", f"/DOutputDir={dist}"]
    if ico is not None:
        command.append(f"/DIconFile={ico}")
    result = subprocess.run([*command, str(ISS)])
    if result.returncode != 0:
        raise BuildError(f"ISCC failed (exit {result.returncode})")
    return dist / f"ReturneeScreening-{app_version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n")[0])
    parser.add_argument("--dist", type=Path, default=INSTALLER / "dist",
                        help="where the bundle folder goes (default installer/dist)")
    parser.add_argument("--work", type=Path, default=INSTALLER / "build",
                        help="intermediate files (default installer/build)")
    parser.add_argument("--installer", action="store_true",
                        help="Windows only: also compile the Inno Setup installer")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    ensure_venv()
    started = time.monotonic()
    try:
        app_version = version()
        step(f"Returnee Screening {app_version}: PyInstaller")
        print(f"PyInstaller {ensure_pyinstaller()}")
        step("translations")
        for path in build_translations():
            print(path.relative_to(ROOT))
        step("icon")
        ico = draw_icons(work)
        print(ico or "none")
        step("bundle")
        folder = run_pyinstaller(dist, work, ico)
        check_bundle(folder, app_version)
        setup = None
        if args.installer:
            if not WINDOWS:
                raise BuildError("--installer needs Windows (Inno Setup)")
            step("installer")
            setup = build_installer(folder, app_version, dist, ico)
    except BuildError as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    size = folder_size(folder)
    step("done")
    print(f"bundle: {folder}")
    print(f"size: {size / 2**20:.0f} MiB in {sum(1 for _ in folder.rglob('*'))} entries")
    print(f"programs: {folder / (GUI_NAME + EXE)}  {folder / (CLI_NAME + EXE)}")
    if setup:
        print(f"installer: {setup}")
    print(f"time: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
