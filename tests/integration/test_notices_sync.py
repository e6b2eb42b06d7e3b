"""Advance notice of returns, the whole trip: a notice recorded at central reaches the
workstation of its checkpoint (and not another) at a real sync against a real central on
loopback, is stored inside the encrypted store, the interview started from it is prefilled,
and central shows the arrival linked once the interview comes back."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from screening.central import settings
from screening.central.devices import enrolment
from screening.central.notices import linking, register
from screening.central.service import open_central
from screening.store import notices
from screening.store.session import StoreSession
from screening.sync import service
from tests.answer_sets import adult_no_indicators
from tests.central.live import LiveCentral, run_cli
from tests.integration.test_store_cli import SUP, ok, run
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF

TODAY = dt.date.today()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


@pytest.fixture
def live(tmp_path):
    home = tmp_path / "central"
    url = f"sqlite:///{tmp_path / 'central.db'}"
    ok(run_cli(home, url, "migrate"))
    server = LiveCentral(home, url)
    yield server
    server.stop()


@pytest.fixture
def staff_side(live):
    central = open_central(settings.Settings(live.data_dir, live.db_url), migrate=False)
    yield central
    central.close()


def station(tmp_path, checkpoint, staff_side, live) -> StoreSession:
    session, _code = StoreSession.initialise(tmp_path / checkpoint, checkpoint, SUPERVISOR,
                                             SUPERVISOR_PW, kdf=TEST_KDF)
    service.enroll(session, live.url, enrolment.new_code(staff_side, checkpoint, by="drita"))
    return session


def notice(staff_side, **changes) -> str:
    fields = {"checkpoint": "TIA", "expected_date": day(1), "given_name": "Arben",
              "family_name": "Hoxha", "date_of_birth": "1990-05-01", "sex": "male",
              "nationality": "AL", "coming_from": "DE", "travel": "LH 1426",
              "notified_by": "readmission_authorities,iom", "victim_suspected": "yes",
              "meet_organisation": "nrcvt", **changes}
    return register.add(staff_side, fields, by="drita").id


def test_a_notice_reaches_its_checkpoint_only_and_its_interview_is_linked(
        tmp_path, live, staff_side):
    rinas, kakavija = (station(tmp_path, cp, staff_side, live) for cp in ("TIA", "KKV"))
    try:
        expected = notice(staff_side)
        notice(staff_side, given_name="Besa", family_name="Lika", date_of_birth="",
               expected_date=day(9))  # beyond the window
        notice(staff_side, given_name="Genti", family_name="Çela", checkpoint="KKV")

        report = service.sync_now(rinas)
        assert report.expected is not None and report.expected.held == 1
        [arrival] = notices.expected(rinas.conn, TODAY)
        assert (arrival.id, arrival.name) == (expected, "Arben Hoxha")
        service.sync_now(kakavija)
        assert [a.name for a in notices.expected(kakavija.conn, TODAY)] == ["Genti Çela"]

        # inside the encrypted store, nowhere in plain text on disk
        # read by another process: opening and closing the store's files here would drop
        # this process's SQLite locks on them (POSIX), and the next command line would
        # take the database for unused and reset its write-ahead log under the session
        scan = subprocess.run(
            [sys.executable, "-c", "import pathlib, sys; print([str(p) for p in "
             "pathlib.Path(sys.argv[1]).rglob('*') if p.is_file() and b'Hoxha' in "
             "p.read_bytes()])", str(tmp_path / "TIA")],
            capture_output=True, text=True, check=True, timeout=60)
        assert scan.stdout.strip() == "[]", scan.stdout

        # the officer's command line lists it
        listed = json.loads(ok(run(tmp_path / "TIA", "notices", "list", "--json",
                                   "--as", SUP)))
        assert [n["id"] for n in listed] == [expected]

        # the interview started from it is prefilled, the advance-notice questions answered
        form = rinas.forms.for_new_interview()[0]
        interview_id, filled = notices.start_interview(
            rinas, arrival, form, {"checkpoint": "TIA"})
        stored = rinas.get_interview(interview_id).answers
        assert filled.items() <= stored.items()
        assert {k: stored[k] for k in ("given_name", "family_name", "date_of_birth", "sex",
                                       "nationality", "returned_from", "advance_notice",
                                       "advance_notice_by")} == {
            "given_name": "Arben", "family_name": "Hoxha", "date_of_birth": "1990-05-01",
            "sex": "male", "nationality": "AL", "returned_from": "DE",
            "advance_notice": "yes", "advance_notice_by": ["readmission_authorities", "iom"]}
        assert notices.expected(rinas.conn, TODAY) == []  # met: no longer expected

        rest = adult_no_indicators(checkpoint="TIA", returned_from="DE")
        for question, value in rest.items():
            if question not in stored:
                rinas.save_answer(interview_id, question, value)
        rinas.finalise(interview_id)
        service.sync_now(rinas)

        [shown] = [n for n in register.listing(staff_side) if n["id"] == expected]
        assert (shown["interview_id"], shown["link"]) == (interview_id, linking.STARTED)
        assert linking.pending(staff_side) == []  # linked outright: nothing to confirm
        assert notices.expected(rinas.conn, TODAY) == []  # central no longer sends it
        assert "0 expected arrival(s) from central" in ok(run(tmp_path / "TIA", "sync",
                                                              "--as", SUP))

        # names are personal data: central's output (its log) never holds one
        live.process.terminate()
        out, err = live.process.communicate(timeout=30)
        for name in ("Arben", "Hoxha", "Besa", "Genti"):
            assert name not in out + err
    finally:
        rinas.close()
        kakavija.close()
