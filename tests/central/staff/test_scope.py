"""Staff scoped by need-to-know, attacked through the console on SQLite and PostgreSQL: an
account limited to TIA sees TIA's cases, batches, workstations, referrals, matches, notices and
statistics only. Another checkpoint's case, referral, match, suggestion or workstation asked
for by URL gets the very page a missing one gets (no existence oracle); query parameters
naming another checkpoint find nothing or are refused; every download holds TIA's figures
only, exactly those a national account gets for TIA; every change to another checkpoint's
record is refused as for a missing one. The matches and notices pages audit the cases they
show. An account with no limit sees everything, as every existing account does."""

from __future__ import annotations

import datetime as dt
import io
import re
import uuid
import zipfile
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from screening.central import schema
from screening.central.app import create_app
from screening.central.notices import linking, register
from screening.central.referrals import registry
from screening.central.referrals.access import Actor
from screening.central.refusals import Refused
from screening.central.repeats import candidates
from screening.central.staff import accounts
from tests.central.conftest import enrol_station
from tests.central.console.helpers import (
    ENGLISH,
    TestClient,
    add_staff,
    csrf_of,
    logged_in,
    pdf_text,
)
from tests.central.referrals.cases import approved, referred_adult, send

YESTERDAY = dt.date.today() - dt.timedelta(days=1)
QUARTER = f"{YESTERDAY.year}Q{(YESTERDAY.month - 1) // 3 + 1}"
STARTED = f"{YESTERDAY.isoformat()}T10:00:00"


def _person(checkpoint: str, given: str, family: str) -> dict[str, Any]:
    record = approved(referred_adult(checkpoint=checkpoint, given_name=given,
                                     family_name=family, interview_started_at=STARTED))
    record["checkpoint"] = checkpoint
    record["created_at"] = record["updated_at"] = f"{STARTED}+00:00"
    return record


def _notice(central, checkpoint: str, given: str, family: str) -> None:
    register.add(central, {"checkpoint": checkpoint, "expected_date": YESTERDAY.isoformat(),
                           "given_name": given, "family_name": family,
                           "date_of_birth": "1990-05-01", "notified_by": "iom"}, by="drita")


@pytest.fixture
def held(central) -> dict[str, Any]:
    """TIA: Arben Hoxha twice (a match). KKV: Besnik Gashi twice (a match) and an Arben Hoxha
    (a match with each of TIA's). Each interview is referred; each checkpoint has a notice of
    its person, suggested as an arrival. Accounts: TIA's viewer, TIA's administrator, a
    national viewer, TIA's ministry account."""
    _notice(central, "TIA", "Arben", "Hoxha")
    _notice(central, "KKV", "Besnik", "Gashi")
    tia, kkv = enrol_station(central, "TIA"), enrol_station(central, "KKV")
    ours = [_person("TIA", "Arben", "Hoxha") for _ in range(2)]
    theirs = [_person("KKV", "Besnik", "Gashi") for _ in range(2)] + \
        [_person("KKV", "Arben", "Hoxha")]
    send(central, tia, *ours)
    send(central, kkv, *theirs)
    for name, role in (("tia", "viewer"), ("tiaadmin", "admin"), ("national", "viewer"),
                       ("tiaministry", "ministry")):
        add_staff(central, name, role)
    for name in ("tia", "tiaadmin", "tiaministry"):
        assert accounts.set_checkpoints(central.engine, name, ["tia"], by="drita")
    everyone = Actor("t", "admin")
    referrals, _total = registry.listing(central.engine, everyone)
    kkv_ids = {r["id"] for r in theirs}
    with central.engine.connect() as conn:
        references = dict(conn.execute(select(schema.case_facts.c.interview_id,
                                              schema.case_facts.c.case_reference)).all())
    return {
        "ours": [r["id"] for r in ours], "theirs": [r["id"] for r in theirs],
        "their_reference": references[theirs[0]["id"]], "tia_device": tia.device_id,
        "kkv_device": kkv.device_id,
        "their_referral": next(r["id"] for r in referrals if r["interview_id"] in kkv_ids),
        "our_referrals": {r["id"] for r in referrals if r["interview_id"] not in kkv_ids},
        "their_matches": [c["id"] for c in candidates.list_candidates(central)
                          if {s["id"] for s in c["interviews"]} & kkv_ids],
        "their_suggestion": next(s["id"] for s in linking.pending(central)
                                 if s["interview_id"] in kkv_ids),
    }


def as_(central, name: str) -> TestClient:
    client = TestClient(create_app(central), headers=ENGLISH)
    client.__enter__()
    return logged_in(client, name)


def _foreign(text: str, held: dict[str, Any]) -> list[str]:
    """What of KKV a page shows."""
    marks = ["Besnik", "Gashi", "KKV-", held["kkv_device"], *held["theirs"],
             f'/referrals/{held["their_referral"]}"']
    return [mark for mark in marks if mark in text]


def _same_refusal(client: TestClient, theirs: str, missing: str,
                  form: dict[str, str] | None = None) -> None:
    """Another checkpoint's record and a record that does not exist get the same answer."""
    answers = []
    for path in (theirs, missing):
        if form is None:
            answer = client.get(path)
        else:
            token = csrf_of(client.get("/console/cases").text)
            answer = client.post(path, data={"csrf": token, **form})
        answers.append((answer.status_code, answer.text.replace(path, "PATH")))
    assert answers[0] == answers[1], theirs
    assert answers[0][0] in (400, 403, 404), theirs


def test_a_limited_account_lists_only_its_checkpoint(central, held):
    client = as_(central, "tia")
    pages = {path: client.get(path) for path in (
        "/console/cases", f"/console/cases?quarter={QUARTER}", "/console/batches",
        "/console/devices", "/console/checkpoints", "/console/referrals",
        "/console/referrals/queue", "/console/matches?status=all", "/console/notices",
        f"/console/statistics?quarter={QUARTER}")}
    for path, page in pages.items():
        assert page.status_code == 200, path
        assert _foreign(page.text, held) == [], path
    assert all(iid in pages["/console/cases"].text for iid in held["ours"])
    assert held["tia_device"] in pages["/console/devices"].text
    assert all(f"/referrals/{rid}\"" in pages["/console/referrals"].text
               for rid in held["our_referrals"])
    assert "Arben" in pages["/console/notices"].text
    shown = re.findall(r'id="match-(\d+)"', pages["/console/matches?status=all"].text)
    assert len(shown) == 1 and int(shown[0]) not in held["their_matches"]  # TIA's pair only
    # query parameters naming KKV find nothing
    for path in ("/console/cases?checkpoint=KKV",
                 "/console/referrals?organisation=nrcvt&status=sent"):
        page = client.get(path)
        assert page.status_code == 200 and _foreign(page.text, held) == [], path
    nobody = str(uuid.uuid4())  # KKV's workstation's batches: as many as a stranger's
    assert client.get(f"/console/batches?device={held['kkv_device']}").text.replace(
        held["kkv_device"], nobody) == client.get(f"/console/batches?device={nobody}").text
    assert not any(iid in client.get("/console/cases?checkpoint=KKV").text
                   for iid in held["ours"])
    # a national account, unlimited as every account before the limit existed, sees all
    national = as_(central, "national").get("/console/cases")
    assert all(iid in national.text for iid in held["ours"] + held["theirs"])


def test_another_checkpoints_records_read_as_missing(central, held):
    client = as_(central, "tiaadmin")
    theirs, their_referral = held["theirs"][0], held["their_referral"]
    _same_refusal(client, f"/console/cases/{theirs}", f"/console/cases/{uuid.uuid4()}")
    _same_refusal(client, f"/console/cases/{theirs}/record.pdf?lang=en",
                  f"/console/cases/{uuid.uuid4()}/record.pdf?lang=en")
    _same_refusal(client, f"/console/referrals/{their_referral}", "/console/referrals/999999")
    _same_refusal(client, f"/console/devices/{held['kkv_device']}/revoke",
                  f"/console/devices/{uuid.uuid4()}/revoke")
    # a case reference of KKV's is "not found", as a well-formed reference nobody has
    missing = re.sub(r"-[0-9A-F]{6}$", "-000000", held["their_reference"])
    found = client.get(f"/console/cases?ref={held['their_reference']}", follow_redirects=False)
    absent = client.get(f"/console/cases?ref={missing}", follow_redirects=False)
    assert found.status_code == absent.status_code == 200
    assert found.text.replace(held["their_reference"], "REF") == absent.text.replace(
        missing, "REF")
    # every change to another checkpoint's record is refused as for a missing one, with a
    # form that changes the account's own record (last, below)
    ours = held["ours"][0]
    our_referral = min(held["our_referrals"])
    our_match = next(c["id"] for c in candidates.list_candidates(central)
                     if c["id"] not in held["their_matches"])
    our_suggestion = next(s["id"] for s in linking.pending(central)
                          if s["interview_id"] == ours)
    changes = [
        ("/console/referrals/{}/events", their_referral, 999999, our_referral,
         {"event": "received"}),
        ("/console/cases/{}/identification", theirs, uuid.uuid4(), ours,
         {"status": "potential_victim", "decided_on": YESTERDAY.isoformat(),
          "basis": "the interview", "victim_witness": "unknown"}),
        ("/console/cases/{}/follow-ups", theirs, uuid.uuid4(), ours,
         {"contact_date": YESTERDAY.isoformat(), "organisation": "vatra",
          "outcome": "settled with family"}),
        ("/console/matches/{}/confirm", held["their_matches"][0], 999999, our_match, {}),
        ("/console/notices/suggestions/{}/confirm", held["their_suggestion"], 999999,
         our_suggestion, {}),
        ("/console/devices/{}/revoke", held["kkv_device"], uuid.uuid4(), held["tia_device"],
         {})]
    for path, their_id, missing_id, _our_id, form in changes:
        _same_refusal(client, path.format(their_id), path.format(missing_id), form)
    token = csrf_of(client.get("/console/devices").text)
    code = client.post("/console/codes", data={"csrf": token, "checkpoint": "KKV",
                                               "hours": "1"})
    assert code.status_code == 403
    with central.engine.connect() as conn:
        assert conn.execute(select(schema.enrolment_codes.c.checkpoint).where(
            schema.enrolment_codes.c.used_at.is_(None))).scalars().all() == []
        assert conn.execute(select(schema.identifications)).all() == []
        assert conn.execute(select(schema.follow_ups)).all() == []
    assert all(c["status"] == "pending" for c in candidates.list_candidates(central, None))
    assert held["their_suggestion"] in {s["id"] for s in linking.pending(central)}
    for path, _their_id, _missing_id, our_id, form in changes:  # the same forms, TIA's own
        token = csrf_of(client.get("/console/cases").text)
        done = client.post(path.format(our_id), data={"csrf": token, **form},
                           follow_redirects=False)
        assert done.status_code == 303, path
    with central.engine.connect() as conn:
        revoked = dict(conn.execute(select(schema.devices.c.id,
                                           schema.devices.c.revoked_at)).all())
    assert revoked[held["kkv_device"]] is None and revoked[held["tia_device"]] is not None


def test_statistics_are_forced_to_the_checkpoint_and_hold_no_national_total(central, held):
    ours, national = as_(central, "tia"), as_(central, "national")
    refused = ours.get(f"/console/statistics?quarter={QUARTER}&checkpoint=KKV")
    assert refused.status_code == 403
    for download in ("report.pdf", "tables.zip", "tables.xlsx", "cases.csv"):
        answer = ours.get(f"/console/statistics/{download}?quarter={QUARTER}&checkpoint=KKV")
        assert answer.status_code == 403, download
    page = ours.get(f"/console/statistics?quarter={QUARTER}")
    assert "2 interviews" in page.text or ">2<" in page.text
    query = f"quarter={QUARTER}&lang=en"
    mine = {name: ours.get(f"/console/statistics/{name}?{query}").content
            for name in ("report.pdf", "tables.zip", "tables.xlsx", "cases.csv")}
    tia = {name: national.get(f"/console/statistics/{name}?{query}&checkpoint=TIA").content
           for name in mine}
    everything = national.get(f"/console/statistics/tables.zip?{query}").content
    assert _csv(mine["tables.zip"]) == _csv(tia["tables.zip"]) != _csv(everything)
    assert mine["cases.csv"] == tia["cases.csv"]
    assert pdf_text(mine["report.pdf"]) == pdf_text(tia["report.pdf"])
    assert _cells(mine["tables.xlsx"]) == _cells(tia["tables.xlsx"])
    # the page's referral counts are TIA's: two referred interviews, none of KKV's three
    sent = ours.get(f"/console/statistics?quarter={QUARTER}").text
    counts = re.search(r'id="referrals-by-status".*?</table>', sent, re.S)
    assert counts and str(len(held["our_referrals"])) in counts[0]
    # the ministry account limited to TIA: the same forced filter
    ministry = as_(central, "tiaministry")
    assert ministry.get(f"/console/statistics?quarter={QUARTER}&checkpoint=KKV"
                        ).status_code == 403


def test_an_account_of_two_checkpoints_gets_one_checkpoints_report_at_a_time(central, held):
    """Never a report over the two together: no audit covers that shape, and its pattern beside
    the checkpoints' and the nation's could give a small count away. The first is shown."""
    add_staff(central, "both", "viewer")
    assert accounts.set_checkpoints(central.engine, "both", ["TIA", "KKV"], by="drita")
    both, national = as_(central, "both"), as_(central, "national")
    query = f"quarter={QUARTER}&lang=en"
    assert both.get(f"/console/statistics?{query}").status_code == 200
    first = _csv(both.get(f"/console/statistics/tables.zip?{query}").content)
    assert first == _csv(national.get(f"/console/statistics/tables.zip?{query}&checkpoint=KKV"
                                      ).content)
    chosen = both.get(f"/console/statistics/tables.zip?{query}&checkpoint=TIA").content
    assert _csv(chosen) == _csv(national.get(
        f"/console/statistics/tables.zip?{query}&checkpoint=TIA").content)


def _csv(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def _cells(book: bytes) -> list[list[tuple]]:
    opened = load_workbook(io.BytesIO(book), read_only=True)
    return [list(sheet.iter_rows(values_only=True)) for sheet in opened.worksheets]


def test_the_matches_and_notices_pages_audit_the_cases_they_show(central, held):
    client = as_(central, "tia")
    assert client.get("/console/matches?status=all").status_code == 200
    assert client.get("/console/notices").status_code == 200
    with central.engine.connect() as conn:
        viewed = conn.execute(select(schema.console_events.c.subject).where(
            schema.console_events.c.staff == "tia",
            schema.console_events.c.action == "case_viewed")).scalars().all()
    shown_on = sorted({s.rsplit(" ", 1)[1] for s in viewed})
    assert shown_on == ["(matches)", "(notices)"]
    # TIA's two Arbens, on each page: the pairs and suggestions with KKV's people are hidden
    assert len(viewed) == 4 and all(s.startswith("TIA-") for s in viewed)


def test_a_limit_changed_applies_at_the_next_page(central, held):
    client = as_(central, "tia")
    assert held["theirs"][0] not in client.get("/console/cases").text
    assert accounts.set_checkpoints(central.engine, "tia", [], by="drita")
    assert held["theirs"][0] in client.get("/console/cases").text
    assert accounts.set_checkpoints(central.engine, "tia", ["KKV", "tia"], by="drita")
    both = client.get("/console/cases").text
    assert all(iid in both for iid in held["ours"] + held["theirs"])
    with central.engine.connect() as conn:
        subjects = conn.execute(select(schema.console_events.c.subject).where(
            schema.console_events.c.action == "staff_checkpoints_changed")).scalars().all()
    assert subjects[-2:] == ["tia (every checkpoint)", "tia limited to KKV, TIA"]


@pytest.mark.parametrize("codes", [["XYZ"], ["TIA", "../../etc"], ["TIA' OR 1=1 --"],
                                   ["\x00"], ["TIA" * 100]])
def test_hostile_checkpoints_are_refused_and_nothing_changes(central, codes):
    add_staff(central, "ana", "viewer")
    with pytest.raises(Refused) as refused:
        accounts.set_checkpoints(central.engine, "ana", codes, by="drita")
    assert refused.value.code == "checkpoint_unknown"
    assert "the codes are" in refused.value.message
    with central.engine.connect() as conn:
        assert conn.execute(select(schema.staff_checkpoints)).all() == []
