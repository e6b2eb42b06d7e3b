"""The desktop client and a real central service on loopback: enrol from the dialog, watch the
finished interviews arrive, keep working while central is away."""

from __future__ import annotations

import json

import pytest

from screening.ui.interview.pickers import CODE_ROLE
from tests.answer_sets import adult_no_indicators
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


def held_at_central(central) -> list:
    listed = run_cli(central.data_dir, central.db_url, "interviews", "list", "--json")
    return json.loads(listed.stdout)


def finalise_one(win, name: str) -> None:
    def work():
        session = win.session
        interview_id = session.start_interview(win.form.id, win.form.version)
        for question, value in adult_no_indicators(given_name=name).items():
            session.save_answer(interview_id, question, value)
        session.finalise(interview_id)

    win.runner.store(work).result(timeout=30)


def test_enrol_and_sync_from_the_desktop(qtbot, window, central):
    from screening.ui.sync_dialog import SyncDialog

    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    qtbot.waitUntil(lambda: win.sync.status is not None and not win.sync.status.enrolled)
    not_set_up = win.home.sync.text()
    finalise_one(win, "Teuta")
    dialog = open_dialog(qtbot, win, win.central_action, SyncDialog)
    assert not dialog.enrol_box.isHidden()
    printed = run_cli(central.data_dir, central.db_url, "enrolment-code", "TIA").stdout
    qtbot.keyClicks(dialog.server, central.url)
    qtbot.keyClicks(dialog.code, printed.split(": ", 1)[1].split()[0])
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: len(held_at_central(central)) == 1, timeout=60_000)
    qtbot.waitUntil(lambda: bool(win.sync.status.last_success), timeout=30_000)
    assert win.home.sync.text() != not_set_up
    assert dialog.enrol_box.isHidden()

    # central goes away: the officer's work goes on, the client says so, nothing is lost
    central.stop()
    finalise_one(win, "Ilir")
    win.sync.sync_now()
    # the failed try queues the batch; the status read after it shows it waiting
    qtbot.waitUntil(lambda: bool(win.sync.last_error) and win.sync.status.pending >= 1,
                    timeout=120_000)
    assert str(win.sync.status.pending) in win.home.sync.text()


def test_a_published_directory_reaches_the_workstation(qtbot, window, central, tmp_path):
    import shutil

    import yaml

    from tests.conftest import FORMS

    win = window
    first_run(qtbot, win)
    log_in(qtbot, win, "drita")
    folder = tmp_path / "reference"
    shutil.copytree(FORMS / "reference", folder)
    directory = yaml.safe_load((folder / "referral_directory.yaml").read_text("utf-8"))
    directory["organisations"].append({
        "id": "new_shelter", "name": {"sq": "Strehëza e Re", "en": "New Shelter"},
        "type": "shelter", "city": {"sq": "Shkodër", "en": "Shkodër"}, "address": "",
        "phone": "", "accepts_children": True, "accepts_men": True})
    (folder / "referral_directory.yaml").write_text(
        yaml.safe_dump(directory, allow_unicode=True), "utf-8")
    published = run_cli(central.data_dir, central.db_url, "publish", "reference", str(folder))
    assert published.returncode == 0, published.stderr
    code = run_cli(central.data_dir, central.db_url, "enrolment-code", "TIA").stdout
    win.sync.attach(win.session)
    qtbot.waitUntil(lambda: win.sync.status is not None)
    done = []
    win.sync.enrol(central.url, code.split(": ", 1)[1].split()[0], None, done.append,
                   lambda error: done.append(error))
    qtbot.waitUntil(lambda: "new_shelter" in win.reference.organisations, timeout=60_000)
    win.new_interview()
    qtbot.waitUntil(lambda: win.interview is not None, timeout=10_000)
    picker = win.interview.fields["referral_organisation"].editor
    codes = [picker.itemData(i, CODE_ROLE) for i in range(picker.count())]
    assert "new_shelter" in codes
