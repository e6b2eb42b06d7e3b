"""Linking arrivals to notices at central, and the counts the statistics take from it: an
interview that names its notice is linked as it arrives — only to a notice of its own
checkpoint; any other is suggested by the repeat-victim tolerance for staff to decide."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.central.batches.ingest import ingest
from screening.central.notices import counts, linking, register
from screening.central.refusals import Refused
from tests.answer_sets import with_yes
from tests.central.conftest import enrol_station
from tests.central.console.helpers import adult, interview_record


def notice(central, **changes) -> str:
    return register.add(central, {"checkpoint": "TIA", "expected_date": "2026-06-30",
                                  "given_name": "Arben", "family_name": "Hoxha",
                                  "date_of_birth": "1990-05-01", "notified_by": "iom",
                                  **changes}, by="drita").id


def arrive(central, checkpoint="TIA", seq=1, notice_id=None, **answers) -> str:
    record = interview_record(adult(checkpoint=checkpoint, **answers), checkpoint=checkpoint,
                              seq=seq)
    if notice_id:
        record["notice_id"] = notice_id
    ingest(central, enrol_station(central, checkpoint).batch([record]))
    return record["id"]


def linked(central, notice_id):
    [shown] = [n for n in register.listing(central) if n["id"] == notice_id]
    return shown["interview_id"], shown["link"]


def test_an_interview_started_from_a_notice_is_linked_on_arrival(central):
    expected = notice(central)
    interview = arrive(central, notice_id=expected, given_name="Someone", family_name="Else")
    assert linked(central, expected) == (interview, linking.STARTED)
    assert linking.pending(central) == []


def test_a_notice_of_another_checkpoint_is_not_taken_by_naming_it(central):
    elsewhere = notice(central, checkpoint="KKV")
    arrive(central, checkpoint="TIA", notice_id=elsewhere)
    assert linked(central, elsewhere) == (None, None)


def test_a_matching_interview_is_suggested_then_confirmed_once(central):
    expected = notice(central, given_name="HOXHA", family_name="Arbën",
                      date_of_birth="1990-05-02")
    notice(central, given_name="Besa", family_name="Lika")  # nobody like her arrives
    interview = arrive(central)
    [suggestion] = linking.pending(central)
    assert (suggestion["notice_id"], suggestion["interview_id"]) == (expected, interview)
    assert suggestion["interview"]["given_name"] == "Arben"
    linking.decide(central, suggestion["id"], "confirmed", "drita")
    assert linked(central, expected) == (interview, linking.CONFIRMED)
    with pytest.raises(Refused, match="already confirmed"):
        linking.decide(central, suggestion["id"], "rejected", "drita")
    with pytest.raises(Refused, match="decide confirmed or rejected"):
        linking.decide(central, suggestion["id"], "maybe", "drita")


def test_a_rejected_suggestion_is_not_made_again(central):
    notice(central)
    arrive(central, seq=1)
    [suggestion] = linking.pending(central)
    linking.decide(central, suggestion["id"], "rejected", "drita")
    arrive(central, seq=2, given_name="Ilir")  # another batch: the refresh runs again
    assert linking.pending(central) == []


def test_no_suggestion_for_another_checkpoint_or_a_far_date(central):
    notice(central, checkpoint="KKV")
    notice(central, expected_date="2026-05-01")
    arrive(central)
    assert linking.pending(central) == []


def test_overdue_notices_are_those_without_an_arrival_past_the_window(central):
    expected = notice(central)
    late = notice(central, given_name="Besa", family_name="Lika")
    arrive(central, notice_id=expected)
    overdue = linking.overdue(central, dt.date(2026, 7, 2))
    assert overdue == []  # within the two late days
    assert [n["id"] for n in linking.overdue(central, dt.date(2026, 7, 3))] == [late]


def test_returns_are_counted_with_and_without_notice(central):
    expected = notice(central)
    arrive(central, notice_id=expected, seq=1)
    arrive(central, seq=2, given_name="Ilir", family_name="Kola", date_of_birth="1985-01-01")
    arrive(central, checkpoint="KKV", seq=3, given_name="Ana", family_name="Lika")
    with central.engine.connect() as conn:
        found = counts.returns_by_notice(conn, "2026-07-01", "2026-07-01")
        assert counts.returns_by_notice(conn, "2026-08-01", "2026-08-31") == []
    by_key = {(c.checkpoint, c.notified): c.returns for c in found}
    assert by_key == {("TIA", True): 1, ("TIA", False): 1, ("KKV", False): 1}
    assert {c.outcome for c in found} == {"no_indicators"}  # central's own assessment


def victim(**answers):
    return with_yes(adult(officer_outcome="suspected_victim",
                          action_taken="referred_police_at_unit",
                          referral_organisation="police_anti_trafficking",
                          referral_urgent="yes", previously_assisted_as_victim="no",
                          **answers), "ind_violence")


def test_notified_victims_met_by_an_organisation_are_counted(central):
    station = enrol_station(central, "TIA")
    met = notice(central)
    unmet = notice(central, given_name="Besa", family_name="Lika", date_of_birth="1992-02-02")
    records = [
        interview_record(victim(checkpoint="TIA", met_on_arrival_by=["iom", "family"]), seq=1),
        interview_record(victim(checkpoint="TIA", given_name="Besa", family_name="Lika",
                                date_of_birth="1992-02-02", met_on_arrival_by=["family"]),
                         seq=2),
        # a victim met by an organisation but not notified: not counted here
        interview_record(victim(checkpoint="TIA", given_name="Ana", family_name="Kola",
                                met_on_arrival_by=["ngo"]), seq=3),
        # notified, met, but no indicator: not a victim
        interview_record(adult(checkpoint="TIA", given_name="Ilir", family_name="Kola",
                               met_on_arrival_by=["ngo"]), seq=4),
    ]
    records[0]["notice_id"], records[1]["notice_id"] = met, unmet
    records[3]["notice_id"] = notice(central, given_name="Ilir", family_name="Kola")
    ingest(central, station.batch(records))
    with central.engine.connect() as conn:
        found = counts.notified_victims_met(conn, "2026-07-01", "2026-07-01")
    assert found == counts.NotifiedVictims(notified=2, met=1)
