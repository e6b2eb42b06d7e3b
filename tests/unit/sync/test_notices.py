"""The checkpoint's notices at the workstation: only a list central signed for this device
and checkpoint, newer than the one held, replaces it; everything else is refused and what was
held stays. Notices leave after their last day, and when an interview is started from one."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest

from screening import crypto
from screening.central.notices.model import NOTIFIERS
from screening.store import notices
from screening.sync import identity, noticelist, schemas
from screening.sync.notices import apply

CENTRAL = crypto.new_signing_key()
TODAY = dt.date(2026, 12, 1)
ID = "6f1c2d3e-4a5b-4c6d-8e7f-901234567890"


def arrival(**changes) -> dict:
    return {"id": ID, "expected_date": "2026-12-02", "keep_until": "2026-12-04",
            "given_name": "Arben", "family_name": "Hoxha", "date_of_birth": "1990-05-01",
            "age": None, "sex": "male", "nationality": "AL", "travel": "LH 1426",
            "coming_from": "DE", "notified_by": ["iom"], "victim_suspected": True,
            "child_suspected": False, "meet_organisation": "nrcvt", "note": None, **changes}


def signed(items, *, device="device-1", checkpoint="TIA", issued="2026-12-01T06:00:00+00:00",
           key=CENTRAL) -> dict:
    return noticelist.sign_list(device_id=device, checkpoint=checkpoint, issued_at=issued,
                                notices=items, signing_key=key)


@pytest.fixture
def me() -> identity.Identity:
    return identity.Identity("device-1", "TIA", "http://127.0.0.1:9",
                             crypto.private_bytes(crypto.new_signing_key()),
                             crypto.public_bytes(crypto.new_encryption_key()),
                             crypto.public_bytes(CENTRAL))


def held(store) -> list[str]:
    return [a.id for a in notices.expected(store.conn, TODAY)]


def test_a_signed_list_replaces_what_was_held(store, me):
    assert apply(store, signed([arrival()]), me).held == 1
    assert held(store) == [ID]
    assert apply(store, signed([], issued="2026-12-01T07:00:00+00:00"), me).held == 0
    assert held(store) == []  # withdrawn or matched at central: gone here


def tampered() -> dict:
    doc = signed([arrival()])
    doc["notices"][0]["victim_suspected"] = False
    return doc


@pytest.mark.parametrize(("doc", "said"), [
    (tampered(), "signature"),
    (signed([arrival()], key=crypto.new_signing_key()), "signature"),
    (signed([arrival()], device="device-2"), "another workstation"),
    (signed([arrival()], checkpoint="KKV"), "another workstation or checkpoint"),
    (signed([arrival(given_name="x" * 151)]), "malformed"),
    (signed([arrival(notified_by="iom")]), "malformed"),
    (signed([arrival(given_name="A\x00")]), "malformed"),
    (signed([arrival(age=True)]), "malformed"),
    (signed([{"id": ID}]), "malformed"),
    (signed([arrival()] * (noticelist.MAX_NOTICES + 1)), "malformed"),
    ({"format": "rs-notices/9"}, "format"),
    (["not", "an", "object"], "not a JSON object"),
])
def test_a_list_that_is_not_central_s_for_this_workstation_is_refused(store, me, doc, said):
    apply(store, signed([arrival(id="11111111-2222-4333-8444-555555555555")]), me)
    report = apply(store, copy.deepcopy(doc), me)
    assert report.held is None and said in report.refused
    assert held(store) == ["11111111-2222-4333-8444-555555555555"]  # what was held stays


def test_an_older_list_replayed_is_refused(store, me):
    old = signed([arrival()])
    apply(store, signed([], issued="2026-12-01T08:00:00+00:00"), me)
    assert "older than those held" in apply(store, old, me).refused
    assert held(store) == []


def test_a_notice_leaves_after_its_last_day_even_without_a_sync(store, me):
    apply(store, signed([arrival()]), me)
    assert [a.id for a in notices.expected(store.conn, dt.date(2026, 12, 4))] == [ID]
    assert notices.expected(store.conn, dt.date(2026, 12, 5)) == []
    assert notices.expected(store.conn, TODAY) == []  # deleted, not only hidden


def test_a_fact_the_form_cannot_take_is_left_to_ask(store, me):
    apply(store, signed([arrival(sex="unknown_value", notified_by=["iom", "police"],
                                 date_of_birth=None, age=34)]), me)
    [found] = notices.expected(store.conn, TODAY)
    form = store.forms.for_new_interview()[0]
    answers = notices.prefilled(found, form)
    assert "sex" not in answers and "advance_notice_by" not in answers
    assert answers["age_estimate"] == 34 and answers["advance_notice"] == "yes"


def test_the_messages_match_their_schemas():
    schemas.validate("notices-list", signed([arrival(), arrival(date_of_birth=None, age=3)]))
    schemas.validate("notices-request", json.loads(noticelist.request_body("device-1", "t")))
    assert schemas.schema("notices-list")["properties"]["format"]["const"] == \
        noticelist.LIST_FORMAT
    listed = schemas.schema("notices-list")["$defs"]["notice"]["properties"]["notified_by"]
    assert tuple(listed["items"]["enum"]) == NOTIFIERS
