"""Back to the checkpoint: the status of a workstation's own referrals comes down with every
sync, signed by central, into the encrypted store; ``screening interviews show`` includes it.
A statuses document central did not sign for this device is refused and what was held stays.
Real uvicorn on loopback, a real SQLCipher store."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from screening import crypto
from screening.central.devices import enrolment
from screening.central.referrals import registry
from screening.central.referrals.access import Actor
from screening.store.session import StoreSession
from screening.sync import identity, packages, referralstatus, service
from tests.central.live import ROOT
from tests.central.referrals.cases import referred_adult
from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF

VATRA = Actor("mira", "partner", "vatra")


def test_each_sync_brings_the_status_of_the_workstation_s_own_referrals(live, staff_side,
                                                                         tmp_path):
    store, _code = StoreSession.initialise(tmp_path / "store", "TIA", SUPERVISOR,
                                           SUPERVISOR_PW, kdf=TEST_KDF)
    service.enroll(store, live.url, enrolment.new_code(staff_side, "TIA", by="drita"))
    interview_id = store.import_finalised(referred_adult(
        referral_organisation="vatra", action_taken="referred_shelter", further_referrals=[],
        checkpoint="TIA"))
    store.approve(interview_id)
    service.sync_now(store)
    statuses = referralstatus.of_interview(store.conn, interview_id)
    assert [(s.organisation, s.status) for s in statuses] == [("vatra", "sent")]
    registry.record(staff_side.engine, statuses[0].referral,
                    registry.Step("declined", reason="no place"), VATRA)
    registry.record(staff_side.engine, statuses[0].referral,
                    registry.Step("re_referred", reason="a place at the state centre",
                                  organisation="nrcvt"), Actor("besa", "caseworker"))
    service.sync_now(store)
    now = {s.organisation: s for s in referralstatus.of_interview(store.conn, interview_id)}
    assert now["vatra"].status == "re_referred" and now["nrcvt"].status == "sent"
    assert now["nrcvt"].previous == now["vatra"].referral
    assert now["vatra"].reason == "a place at the state centre"
    # only status, organisation, day and reason came down: no name, no answer
    held_text = json.dumps([s.__dict__ for s in now.values()])
    assert "Arben" not in held_text and "Hoxha" not in held_text
    # a document signed by another key, or for another device, changes nothing
    me = identity.load(store)
    forged = packages.sign_statuses(device_id=me.device_id, at="2026-12-02T09:00:00+00:00",
                                    referrals=[], signing_key=crypto.new_signing_key())
    assert "signature" in referralstatus.keep(store, forged, me)
    elsewhere = packages.sign_statuses(device_id="another", at="2026-12-02T09:00:00+00:00",
                                       referrals=[], signing_key=staff_side.keys.signing)
    assert "another workstation" in referralstatus.keep(store, elsewhere, me)
    assert len(referralstatus.of_interview(store.conn, interview_id)) == 2
    store.close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCREENING_")}
    env["SCREENING_PASSWORD"] = SUPERVISOR_PW
    shown = subprocess.run([sys.executable, "-m", "screening", "--data-dir",
                            str(tmp_path / "store"), "interviews", "show", interview_id, "--as",
                            SUPERVISOR], cwd=ROOT, capture_output=True, text=True, timeout=120,
                           env=env, stdin=subprocess.DEVNULL)
    assert shown.returncode == 0, shown.stderr
    listed = json.loads(shown.stdout)["referral_statuses"]
    assert {(s["organisation"], s["status"]) for s in listed} == {("vatra", "re_referred"),
                                                                 ("nrcvt", "sent")}
    assert any(s["reason"] == "a place at the state centre" for s in listed)
