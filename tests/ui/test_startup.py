"""What the login window waits for: the client started as an officer starts it shows its
login window before importing what only a session needs, and before anything creates PySide's
big enum sets (the Qt namespace's ~90 enums, QKeySequence's), which cost more than the window
itself (bench/startup.py measures the time; this keeps the reasons from coming back)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from screening.store.session import StoreSession
from tests.conftest import ROOT
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF

# the marker of ``--smoke-test`` is the moment measured: what is loaded then, and the screen
CHILD = """
import json, sys
import PySide6.QtCore, PySide6.QtGui
import screening.ui.app as app

def report(window):
    print("startup " + json.dumps({
        "screen": "login" if window.stack.currentWidget() is window.login else "other",
        "modules": sorted(sys.modules),
        "qt_names": sorted(set(vars(PySide6.QtCore)) | set(vars(PySide6.QtGui)))}),
        flush=True)
    window.close()
    app.QApplication.quit()

app.smoke_report = report
sys.exit(app.main(sys.argv[1:]))
"""

# a session's modules and what the login does not show; each is imported after the first paint
NOT_BEFORE_LOGIN = [
    "screening.store.session", "screening.crypto", "screening.questionnaire.model",
    "screening.questionnaire.loader", "screening.sync.forms", "screening.ui.home",
    "screening.ui.setup_wizard", "screening.ui.interview.view", "screening.ui.documents",
    "sqlcipher3", "argon2", "cryptography", "jsonschema", "reportlab", "requests", "yaml",
    "concurrent.futures",
]


def test_the_login_window_shows_before_a_session_s_modules(tmp_path):
    data = tmp_path / "data"
    session, _code = StoreSession.initialise(data, "TIA", SUPERVISOR, SUPERVISOR_PW,
                                             kdf=TEST_KDF)
    session.close()
    env = {key: value for key, value in os.environ.items() if not key.startswith("SCREENING_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, "-c", CHILD, "--data-dir", str(data), "--smoke-test"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                          check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("startup ")]
    assert done.returncode == 0 and lines, done.stdout[-2000:] + done.stderr[-2000:]
    seen = json.loads(lines[0].removeprefix("startup "))
    assert seen["screen"] == "login"
    loaded = set(seen["modules"])
    early = [name for name in NOT_BEFORE_LOGIN if name in loaded]
    assert not early, f"imported before the login window showed: {early}"
    assert "Qt" not in seen["qt_names"], "the Qt namespace's enums were created before the login"
    assert "QKeySequence" not in seen["qt_names"]
