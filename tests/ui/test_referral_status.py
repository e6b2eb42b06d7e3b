"""After the next sync the supervisor sees what the receiving organisation recorded at
central, in Albanian: on the home screen and under the approved interview (pytest-qt against a
real central on loopback)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from tests.central.live import run_cli
from tests.central.referrals.cases import referred_adult
from tests.ui.conftest import first_run, log_in
from tests.ui.test_menus import open_dialog
from tests.ui.test_sync_with_central import central  # noqa: F401  (the live central)

PASSWORD = {"SCREENING_CENTRAL_PASSWORD": "a long staff password"}


def referrals_at(live) -> list:
    listed = run_cli(live.data_dir, live.db_url, "referrals", "list", "--json")
    return json.loads(listed.stdout) if listed.returncode == 0 else []


def test_the_supervisor_sees_the_referral_status_after_the_next_sync(qtbot, window,
                                                                      central):  # noqa: F811
    from screening.ui.sync_dialog import SyncDialog

    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")

    def approve_one():
        session = win.session
        interview_id = session.start_interview(win.form.id, win.form.version)
        answers = referred_adult(given_name="Teuta", checkpoint="TIA",
                                 action_taken="referred_shelter",
                                 referral_organisation="vatra", further_referrals=[])
        for question, value in answers.items():
            session.save_answer(interview_id, question, value)
        session.finalise(interview_id)
        session.approve(interview_id)

    win.runner.store(approve_one).result(timeout=30)
    dialog = open_dialog(qtbot, win, win.central_action, SyncDialog)
    printed = run_cli(central.data_dir, central.db_url, "enrolment-code", "TIA").stdout
    qtbot.keyClicks(dialog.server, central.url)
    qtbot.keyClicks(dialog.code, printed.split(": ", 1)[1].split()[0])
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: len(referrals_at(central)) == 1, timeout=60_000)
    qtbot.waitUntil(lambda: not win.sync.running, timeout=60_000)  # its pull done too
    dialog.close()
    made = run_cli(central.data_dir, central.db_url, "staff", "add", "mira", "--role",
                   "partner", "--organisation", "vatra", env=PASSWORD)
    assert made.returncode == 0, made.stderr
    referral = str(referrals_at(central)[0]["id"])
    recorded = run_cli(central.data_dir, central.db_url, "referrals", "record", referral,
                       "--event", "accepted", "--as", "mira")
    assert recorded.returncode == 0, recorded.stderr
    win.show_home()
    win.sync.sync_now()
    def reported() -> bool:
        panel = win.home.referrals
        return panel is not None and "Vatra" in panel.lines.text() and \
            "dërguar" not in panel.lines.text().lower()

    qtbot.waitUntil(reported, timeout=60_000)
    line = win.home.referrals.lines.text()
    assert "Pranuar nga" in line, line
    assert "Vatra" in line and "—" in line  # the case reference names the case
    # the approved interview says it too
    today = win.home.today
    today.setFocus()
    qtbot.keyClick(today, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.interview is not None, timeout=30_000)
    panel = win.interview.findChild(type(win.home.referrals), "referralStatusPanel")
    assert panel is not None and "Pranuar nga" in panel.lines.text()
