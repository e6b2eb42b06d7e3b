"""The whole trip from the command line: a workstation enrols with a real central service on
loopback, sends its interviews, and central lists them; the removable-media path too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.answer_sets import adult_no_indicators, with_yes
from tests.central.live import LiveCentral, run_cli
from tests.integration.test_store_cli import OFF, OFF_PW, SUP, fails, ok, run


@pytest.fixture
def central(tmp_path: Path):
    home, url = tmp_path / "central", f"sqlite:///{tmp_path / 'central.db'}"
    ok(run_cli(home, url, "migrate"))
    live = LiveCentral(home, url)
    yield live
    live.stop()


def workstation(tmp_path: Path, names: list[str], *more: dict) -> Path:
    """A KKV workstation holding an interview per name, and ``more`` answer sets."""
    data = tmp_path / "station"
    ok(run(data, "init", "--checkpoint", "KKV", "--user", SUP))
    ok(run(data, "users", "add", OFF, "--role", "officer", "--as", SUP, new_password=OFF_PW))
    paper = tmp_path / "paper.json"
    paper.write_text(json.dumps([*(adult_no_indicators(given_name=n) for n in names), *more]),
                     "utf-8")
    ok(run(data, "interviews", "import", str(paper), "--as", OFF, password=OFF_PW))
    return data


def central_interviews(central: LiveCentral) -> list[dict]:
    return json.loads(ok(run_cli(central.data_dir, central.db_url, "interviews", "list",
                                 "--json")))


def enrolment_code(central: LiveCentral) -> str:
    printed = ok(run_cli(central.data_dir, central.db_url, "enrolment-code", "KKV"))
    return printed.split(": ", 1)[1].split()[0]


def test_enrol_and_sync_from_the_command_line(tmp_path, central):
    data = workstation(tmp_path, ["Besa", "Genti"])
    fails(run(data, "sync", "--as", OFF, password=OFF_PW), "supervisor")
    fails(run(data, "sync", "--as", SUP), "enrol")  # not enrolled yet: says what to do
    printed = ok(run(data, "enroll", "--server", central.url, "--code",
                     enrolment_code(central), "--as", SUP))
    assert "enrolled with" in printed
    printed = ok(run(data, "sync", "--as", SUP))
    assert "acknowledged by central" in printed
    held = central_interviews(central)
    assert len(held) == 2
    again = ok(run(data, "sync", "--as", SUP))  # nothing new: nothing sent twice
    assert "0 batch(es)" in again
    assert len(central_interviews(central)) == 2


def test_export_to_removable_media_then_import(tmp_path, central):
    data = workstation(tmp_path, ["Drita"])
    ok(run(data, "enroll", "--server", central.url, "--code", enrolment_code(central),
           "--as", SUP))
    usb = tmp_path / "usb"
    printed = ok(run(data, "sync", "--export", str(usb), "--as", SUP))
    assert "1 batch file(s)" in printed
    (batch,) = sorted(usb.iterdir())
    ok(run_cli(central.data_dir, central.db_url, "import", str(batch)))
    assert len(central_interviews(central)) == 1
    ok(run_cli(central.data_dir, central.db_url, "import", str(batch)))  # idempotent
    assert len(central_interviews(central)) == 1


def test_sync_says_in_words_why_central_refused_an_interview(tmp_path, central):
    lowered = with_yes(adult_no_indicators(given_name="Lowered", officer_outcome="at_risk",
                                           override_reason="explained"), "ind_violence")
    data = workstation(tmp_path, ["Besa"], lowered)
    ok(run(data, "enroll", "--server", central.url, "--code", enrolment_code(central),
           "--as", SUP))
    printed = run(data, "sync", "--as", SUP)
    fails(printed, "override_unapproved")
    assert "supervisor's approval" in printed.stdout and "officer_outcome" in printed.stdout
    assert "Lowered" not in printed.stdout
    assert [i["checkpoint"] for i in central_interviews(central)] == ["KKV"]  # Besa only


def test_a_hand_written_questionnaire_is_refused_by_the_next_sync(tmp_path, central):
    """The red team's attack: reference/current.json and v999/form.yaml written by hand."""
    data = workstation(tmp_path, ["Besa"])
    ok(run(data, "enroll", "--server", central.url, "--code", enrolment_code(central),
           "--as", SUP))
    forged = data / "reference" / "v999"
    forged.mkdir(parents=True)
    (forged / "form.yaml").write_text("id: returnee_screening\nversion: '2099.1'\n", "utf-8")
    (data / "reference" / "current.json").write_text(json.dumps(
        {"version": 0, "form": 999, "forms": {"returnee_screening@2099.1": 999}}), "utf-8")
    printed = ok(run(data, "sync", "--as", SUP))
    assert "refused on this workstation's disk: reference/v999: central's signed package is " \
           "missing there; it is not used" in printed
