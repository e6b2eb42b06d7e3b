"""Expected arrivals on the home screen, from a real central on loopback: a notice recorded at
central shows after the sync, in Albanian; Enter on it starts the interview with the facts of
the notice and the advance-notice answers filled in."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from screening.central import settings
from screening.central.notices import register
from screening.central.service import open_central
from tests.central.live import LiveCentral, run_cli
from tests.ui.conftest import first_run, log_in
from tests.ui.test_menus import open_dialog


@pytest.fixture
def central(tmp_path):
    home, url = tmp_path / "central", f"sqlite:///{tmp_path / 'central.db'}"
    assert run_cli(home, url, "migrate").returncode == 0
    live = LiveCentral(home, url)
    yield live
    live.stop()


def record_notice(central, **changes) -> str:
    staff = open_central(settings.Settings(central.data_dir, central.db_url), migrate=False)
    try:
        return register.add(staff, {
            "checkpoint": "TIA", "expected_date": dt.date.today().isoformat(),
            "given_name": "Arbër", "family_name": "Çela", "date_of_birth": "1998-02-11",
            "sex": "male", "nationality": "AL", "coming_from": "DE", "travel": "LH 1426",
            "notified_by": "readmission_authorities", "victim_suspected": "yes",
            "meet_organisation": "nrcvt", **changes}, by="drita").id
    finally:
        staff.close()


def test_an_expected_arrival_starts_its_interview_with_one_key(qtbot, window, central):
    from screening.ui.sync_dialog import SyncDialog

    win = window
    notice_id = record_notice(central)
    record_notice(central, checkpoint="KKV", given_name="Genti", family_name="Lika")
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    assert win.home.arrivals.isHidden()  # nothing expected before the first sync
    qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert win.statusBar().currentMessage() == "Nuk pritet asnjë mbërritje sot ose nesër."
    dialog = open_dialog(qtbot, win, win.central_action, SyncDialog)
    printed = run_cli(central.data_dir, central.db_url, "enrolment-code", "TIA").stdout
    qtbot.keyClicks(dialog.server, central.url)
    qtbot.keyClicks(dialog.code, printed.split(": ", 1)[1].split()[0])
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: win.home.arrivals.topLevelItemCount() == 1, timeout=60_000)
    dialog.close()

    arrivals = win.home.arrivals
    row = arrivals.topLevelItem(0)
    assert [row.text(c) for c in (0, 1, 4)] == ["Sot", "Arbër Çela", "Gjermani"]
    assert "viktimë e mundshme e trafikimit" in row.text(6)
    assert win.home.arrivals_title.text().startswith("Mbërritje të pritura sot dhe nesër")
    headers = [arrivals.headerItem().text(c) for c in range(arrivals.columnCount())]
    assert headers[:2] == ["Pritet", "Personi"]

    assert win.arrivals_action.text() == "Mbërritjet e pritura"
    win.activateWindow()  # as the window manager does once the dialog is closed
    qtbot.waitUntil(win.isActiveWindow, timeout=10_000)
    qtbot.keyClick(win, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(arrivals.hasFocus, timeout=10_000)
    assert arrivals.currentItem().text(1) == "Arbër Çela"  # the first, chosen
    qtbot.keyClick(arrivals, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.interview_id is not None, timeout=30_000)
    answers = win.runner.store(
        lambda: win.session.get_interview(win.interview_id).answers).result(timeout=30)
    assert {k: answers[k] for k in ("checkpoint", "given_name", "family_name", "date_of_birth",
                                    "sex", "nationality", "returned_from", "advance_notice",
                                    "advance_notice_by")} == {
        "checkpoint": "TIA", "given_name": "Arbër", "family_name": "Çela",
        "date_of_birth": "1998-02-11", "sex": "male", "nationality": "AL",
        "returned_from": "DE", "advance_notice": "yes",
        "advance_notice_by": ["readmission_authorities"]}
    from screening.store import notices
    linked = win.runner.store(lambda: notices.notice_of(win.session.conn)).result(timeout=30)
    assert linked == {win.interview_id: notice_id}
