"""tests/ui/screenshots.py: the capture runs the real application to the end and saves a picture
of every main screen (offscreen here, so no X server is needed), and its X server helper starts
and stops Xvfb cleanly where Xvfb is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from tests.ui import screenshots

SCRIPT = Path(screenshots.__file__)

# The screens a person looks at after a change to the UI (issue 5); the script saves more.
SCREENS = ["setup-language", "setup-account-error", "setup-recovery-code", "login",
           "login-wrong-password", "home-supervisor", "interview-A-new", "interview-C",
           "interview-E", "interview-J-assessment", "interview-J-referral-required",
           "review-finalised", "review-return-for-correction", "slip-password-again",
           "slip-preview", "accounts", "settings", "lock"]


def distinct_colours(image: QImage, samples: int = 64) -> int:
    step_x, step_y = max(1, image.width() // samples), max(1, image.height() // samples)
    return len({image.pixel(x, y) for x in range(0, image.width(), step_x)
                for y in range(0, image.height(), step_y)})


def test_capture_saves_every_main_screen(qapp, tmp_path):
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(SCRIPT), str(out), "--lang", "sq",
                           "--platform", "offscreen"], env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    pictures = sorted(out.glob("*.png"))
    names = [path.stem.split("-", 1)[1] for path in pictures]
    assert [p.stem.split("-", 1)[0] for p in pictures] == [
        f"{n:02d}" for n in range(1, len(pictures) + 1)], "numbered in the order taken"
    missing = [screen for screen in SCREENS if screen not in names]
    assert not missing, f"no picture of {missing}"
    for path in pictures:
        image = QImage(str(path))
        assert not image.isNull(), path
        assert image.width() >= 200 and image.height() >= 40, (path, image.size())
        assert path.stat().st_size > 2_000, path
        # a real screen has text and frames, not one flat colour
        assert distinct_colours(image) >= 3, path


def test_debian_package_names():
    assert screenshots.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert screenshots.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert screenshots.debian_package("libglib-2.0.so.0") == "libglib2.0-0"
    # not in the table: Debian's naming rule
    assert screenshots.debian_package("libxcb-foo.so.2") == "libxcb-foo2"
    assert screenshots.debian_package("libbar9.so.1") == "libbar9-1"


def test_virtual_display_starts_and_stops():
    assert shutil.which("Xvfb"), "Xvfb is missing: run scripts/system-packages"
    with screenshots.virtual_display() as display:
        number = int(display.removeprefix(":"))
        assert screenshots.display_accepts(number)
    assert not screenshots.display_accepts(number), "Xvfb is still running"
