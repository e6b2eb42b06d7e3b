"""The referral registry on SQLite and PostgreSQL: referrals made as approved interviews arrive
(idempotent on re-sync and on new revisions), the lifecycle recorded with actor, time and
reason in an append-only history, re-referral, overdue flags, and who may see and change what."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from screening.central import schema
from screening.central.referrals import registry
from screening.central.referrals.access import MINIMAL_FIELDS, Actor
from screening.central.referrals.registry import Step
from screening.central.refusals import Refused
from tests.central.referrals.cases import FURTHER, approved, referred_adult, referred_child, send

RA = Actor("besa", "caseworker")
SOCIAL = Actor("lindita", "partner", "state_social_services")
VATRA = Actor("mira", "partner", "vatra")


def referrals(central) -> list[dict]:
    rows, _total = registry.listing(central.engine, RA)
    return sorted(rows, key=lambda r: r["id"])


def one(central, organisation: str) -> dict:
    return next(r for r in referrals(central) if r["organisation"] == organisation)


def test_an_approved_interview_makes_its_primary_and_further_referrals(central, station):
    record = approved(referred_adult())
    finalised = {**approved(referred_adult()), "status": "finalised"}
    send(central, station, record, finalised)
    made = referrals(central)
    assert [(r["organisation"], r["kind"], r["urgent"], r["status"]) for r in made] == [
        ("state_social_services", "primary", True, "sent"),
        ("nrcvt", "further", True, "sent"),
        ("different_equal", "further", False, "sent")]
    first = made[0]
    assert first["case_reference"] and first["sex"] == "male" and first["age_band"] == "35+"
    assert first["needs"] == "medical" and first["data_sharing_consent"] is True
    assert first["child"] is False and first["referral_type"] == "social_services"
    shown = registry.view(central.engine, first["id"], RA)
    assert [(e["event"], e["actor"]) for e in shown["events"]] == [("sent", "checkpoint")]


def test_resync_and_new_revisions_add_no_referral_twice(central, station):
    record = approved(referred_adult())
    send(central, station, record)
    send(central, station, record)  # the same interview again: a duplicate
    assert len(referrals(central)) == 3
    registry.record(central.engine, one(central, "nrcvt")["id"], Step("received"), RA)
    # revision 2 keeps social services, drops both further referrals, adds Vatra
    second = approved(referred_adult(further_referrals=[
        {"further_referral_organisation": "vatra", "further_referral_type": "shelter",
         "further_referral_urgent": "no"}]), revision=2, interview_id=record["id"])
    send(central, station, second)
    send(central, station, second)
    status = {r["organisation"]: r["status"] for r in referrals(central)}
    assert status == {"state_social_services": "sent", "nrcvt": "withdrawn",
                      "different_equal": "withdrawn", "vatra": "sent"}
    # revision 3 names the shelter again: the same referral is sent again, not a new one
    third = approved(referred_adult(), revision=3, interview_id=record["id"])
    send(central, station, third)
    rows = referrals(central)
    assert len(rows) == 4
    assert {r["organisation"]: r["status"] for r in rows}["nrcvt"] == "sent"


def test_the_lifecycle_is_recorded_with_actor_time_reason_and_cannot_be_rewritten(
        central, station):
    send(central, station, approved(referred_adult()))
    social = one(central, "state_social_services")["id"]
    for step in (Step("received"), Step("accepted"), Step("arrived", day="2026-11-30"),
                 Step("admitted", day="2026-11-30"), Step("medical", reason="GP visit"),
                 Step("legal"), Step("exited", day="2026-12-01"),
                 Step("closed", reason="returned home safely")):
        after = registry.record(central.engine, social, step, SOCIAL)
    assert after["status"] == "closed" and after["services"] == "medical,legal"
    assert (after["admission_date"], after["exit_date"]) == ("2026-11-30", "2026-12-01")
    shown = registry.view(central.engine, social, RA)
    assert [e["event"] for e in shown["events"]] == [
        "sent", "received", "accepted", "arrived", "admitted", "medical", "legal", "exited",
        "closed"]
    assert shown["events"][-1]["actor"] == "lindita"
    assert shown["events"][-1]["reason"] == "returned home safely"
    assert shown["events"][3]["day"] == "2026-11-30"
    with central.engine.connect() as conn:
        audited = conn.execute(select(schema.console_events.c.action)
                               .where(schema.console_events.c.staff == "lindita")).scalars()
        assert "referral_closed" in list(audited)
    for statement in (update(schema.referral_events).values(reason="rewritten"),
                      schema.referral_events.delete()):
        with pytest.raises(DBAPIError), central.engine.begin() as conn:
            conn.execute(statement)
    with central.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM referral_events")).scalar() == 11


def test_illegal_steps_are_refused_and_change_nothing(central, station):
    send(central, station, approved(referred_adult()))
    social = one(central, "state_social_services")["id"]
    with pytest.raises(Refused, match="cannot be arrived: that follows only accepted"):
        registry.record(central.engine, social, Step("arrived"), SOCIAL)
    with pytest.raises(Refused, match="say why"):
        registry.record(central.engine, social, Step("declined"), SOCIAL)
    with pytest.raises(Refused, match="not a date"):
        registry.record(central.engine, social, Step("arrived", day="yesterday"), SOCIAL)
    future = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    registry.record(central.engine, social, Step("accepted"), SOCIAL)
    with pytest.raises(Refused, match="in the future"):
        registry.record(central.engine, social, Step("arrived", day=future), SOCIAL)
    with pytest.raises(Refused, match="keep it to 500"):
        registry.record(central.engine, social, Step("did_not_arrive", reason="x" * 501),
                        SOCIAL)
    assert len(registry.view(central.engine, social, RA)["events"]) == 2


def test_a_partner_sees_and_changes_only_its_own_referrals(central, station):
    send(central, station, approved(referred_adult()))
    social = one(central, "state_social_services")["id"]
    mine, total = registry.listing(central.engine, SOCIAL, organisation="nrcvt")
    assert total == 1 and [r["organisation"] for r in mine] == ["state_social_services"]
    assert set(mine[0]) == set(MINIMAL_FIELDS)
    for attempt in (lambda: registry.view(central.engine, social, VATRA),
                    lambda: registry.record(central.engine, social, Step("received"), VATRA)):
        with pytest.raises(Refused, match="no such referral") as refused:
            attempt()
        assert refused.value.code == "referral_unknown"
    with pytest.raises(Refused, match="may not record"):
        registry.record(central.engine, social, Step("received"), Actor("ana", "viewer"))
    with pytest.raises(Refused, match="no such referral"):
        registry.record(central.engine, 999_999, Step("received"), RA)
    with pytest.raises(Refused, match="bound to no organisation"):
        registry.listing(central.engine, Actor("x", "partner"))
    with pytest.raises(Refused, match="may not see referrals"):
        registry.listing(central.engine, Actor("x", "ministry"))


def test_a_declined_referral_goes_to_the_queue_and_is_rereferred_by_the_authority(
        central, station):
    send(central, station, approved(referred_adult()))
    social = one(central, "state_social_services")["id"]
    registry.record(central.engine, social, Step("declined", reason="no place"), SOCIAL)
    assert [r["id"] for r in registry.to_rerefer(central.engine, RA)] == [social]
    with pytest.raises(Refused, match="only the Responsible Authority"):
        registry.record(central.engine, social,
                        Step("re_referred", reason="x", organisation="nrcvt"), SOCIAL)
    with pytest.raises(Refused, match="name the organisation"):
        registry.record(central.engine, social,
                        Step("re_referred", reason="x", organisation="atlantis"), RA)
    new = registry.record(central.engine, social,
                          Step("re_referred", reason="a place at the state centre",
                               organisation="vatra"), RA)
    assert new["id"] != social and new["previous_id"] == social
    assert (new["organisation"], new["status"], new["kind"]) == ("vatra", "sent", "rereferral")
    assert new["needs"] == "medical" and new["urgent"] is True
    assert registry.view(central.engine, social, RA)["status"] == "re_referred"
    assert registry.to_rerefer(central.engine, RA) == []
    assert [r["id"] for r in registry.listing(central.engine, VATRA)[0]] == [new["id"]]


def test_a_child_referred_to_child_protection_closes_only_after_the_guardian(
        central, station):
    send(central, station, approved(referred_child()))
    child = one(central, "child_protection_units")
    assert child["child"] is True and child["age_band"] == "14-17"
    unit = Actor("gent", "partner", "child_protection_units")
    for step in (Step("accepted"), Step("arrived")):
        registry.record(central.engine, child["id"], step, unit)
    with pytest.raises(Refused, match="guardian appointed is recorded"):
        registry.record(central.engine, child["id"], Step("closed", reason="home"), unit)
    registry.record(central.engine, child["id"], Step("guardian_appointed", day="2026-12-01"),
                    unit)
    assert registry.record(central.engine, child["id"], Step("closed", reason="home"),
                           unit)["status"] == "closed"


def test_overdue_referrals_are_flagged_by_the_thresholds(central, station):
    send(central, station, approved(referred_adult()))
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=5)
    flagged = registry.overdue(central.engine, central.settings, later)
    # urgent ones not accepted in 4 h; the one that is not urgent is not late yet
    assert {(r["organisation"], r["late"]) for r in flagged} == {
        ("state_social_services", "not_accepted"), ("nrcvt", "not_accepted")}
    registry.record(central.engine, one(central, "nrcvt")["id"], Step("accepted"), RA)
    much_later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=25)
    flagged = registry.overdue(central.engine, central.settings, much_later)
    assert {(r["organisation"], r["late"]) for r in flagged} == {
        ("state_social_services", "not_accepted"), ("different_equal", "not_received")}
    assert registry.overdue(central.engine, central.settings) == []


def test_referrals_of_interviews_held_before_the_registry_are_made_when_central_opens(
        central, station):
    send(central, station, approved(referred_adult(further_referrals=FURTHER[:1])))
    with central.engine.begin() as conn:
        conn.execute(schema.referral_sources.delete())
    with central.engine.begin() as conn:
        assert registry.refresh(conn) == 0  # idempotent: nothing made twice
        assert conn.execute(select(schema.referral_sources.c.revision)).scalars().all() == [1]
    assert len(referrals(central)) == 2


def test_a_shelter_records_the_expected_exit_of_a_person_still_accommodated(central, station):
    send(central, station, approved(referred_adult()))
    shelter = one(central, "nrcvt")["id"]
    nrcvt = Actor("drita", "partner", "nrcvt")
    ahead = (dt.date.today() + dt.timedelta(days=90)).isoformat()
    for step in (Step("accepted"), Step("arrived", day="2026-11-02")):
        registry.record(central.engine, shelter, step, nrcvt)
    with pytest.raises(Refused, match="record the admission before the expected exit"):
        registry.record(central.engine, shelter, Step("exit_expected", day=ahead), nrcvt)
    registry.record(central.engine, shelter, Step("admitted", day="2026-11-02"), nrcvt)
    for day, refused in ((None, "give the day"), ("soon", "not a date"),
                         ("2026-10-01", "cannot be before the admission"),
                         ("2999-01-01", "not a likely day"), ("\x00' OR 1=1", "not a date")):
        with pytest.raises(Refused, match=refused):
            registry.record(central.engine, shelter, Step("exit_expected", day=day), nrcvt)
    registry.record(central.engine, shelter, Step("exit_expected", day="2026-12-01"), nrcvt)
    after = registry.record(central.engine, shelter, Step("exit_expected", day=ahead), nrcvt)
    assert after["expected_exit_date"] == ahead  # the newest plan counts; a partner sees it
    with central.engine.connect() as conn:
        audited = conn.execute(text("SELECT count(*) FROM console_events WHERE action = "
                                    "'referral_exit_expected'")).scalar()
    assert audited == 2
    with central.engine.connect() as conn:  # the checkpoint learns of no day ahead
        down = registry.statuses_of_device(conn, station.device_id)
    assert next(d for d in down if d["referral"] == shelter)["day"] == "2026-11-02"
    registry.record(central.engine, shelter, Step("exited", day="2026-11-30"), nrcvt)
    with pytest.raises(Refused, match="already left on 2026-11-30"):
        registry.record(central.engine, shelter, Step("exit_expected", day=ahead), nrcvt)
