"""Notices recorded at central: checked against the reference data, merged for one person by
the repeat-victim tolerance, audited by id (never a name)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from screening.central.notices import model, register
from screening.central.schema import console_events


def fields(**changes):
    base = {"checkpoint": "TIA", "expected_date": "2026-12-03", "given_name": "Arben",
            "family_name": "Hoxha", "date_of_birth": "1990-03-01", "notified_by": "iom"}
    return {**base, **changes}


def test_a_notice_is_recorded_with_every_fact(central):
    done = register.add(central, fields(sex="male", nationality="al", travel="LH 1426",
                                        coming_from="DE", victim_suspected="yes",
                                        meet_organisation="nrcvt", notified_by="consulate"),
                        by="drita")
    [shown] = register.listing(central)
    assert shown["id"] == done.id and not done.merged
    assert (shown["nationality"], shown["coming_from"], shown["travel"]) == ("AL", "DE",
                                                                              "LH 1426")
    assert shown["victim_suspected"] is True and shown["child_suspected"] is False
    assert shown["notified_by"] == ["consulate"] and shown["meet_organisation"] == "nrcvt"


def test_a_second_notice_of_the_same_person_completes_the_first(central):
    first = register.add(central, fields(), by="drita")
    # another spelling, the words swapped, a day off in the date of birth, another notifier
    second = register.add(central, fields(given_name="HOXHA", family_name="Arbën",
                                          date_of_birth="1990-03-02", expected_date="2026-12-04",
                                          notified_by="readmission_authorities",
                                          child_suspected="no", travel="W6 4321"),
                          by="ilir")
    assert second.merged and second.id == first.id
    [kept] = register.listing(central)
    assert kept["notified_by"] == ["readmission_authorities", "iom"]
    assert kept["travel"] == "W6 4321" and kept["merged"] == 1
    assert kept["given_name"] == "Arben"  # the first notice's own words are kept


@pytest.mark.parametrize("other", [
    {"checkpoint": "HHT"},  # another checkpoint
    {"expected_date": "2026-12-20"},  # another return
    {"date_of_birth": "1995-01-01"},  # another person of the same name
    {"given_name": "Ilir"},
])
def test_other_people_or_returns_stay_apart(central, other):
    register.add(central, fields(), by="drita")
    assert not register.add(central, fields(**other), by="drita").merged
    assert len(register.listing(central)) == 2


def test_names_in_any_alphabet_and_an_age_instead_of_a_birth_date(central):
    register.add(central, fields(given_name="Αρμπέν", family_name="Χότζα", date_of_birth="",
                                 age="34"), by="drita")
    register.add(central, fields(given_name="Арбен", family_name="Хоџа", date_of_birth="",
                                 age="35"), by="drita")
    names = {(n["given_name"], n["age"]) for n in register.listing(central)}
    assert names == {("Αρμπέν", 34), ("Арбен", 35)}


def test_the_audit_names_the_notice_never_the_person(central):
    done = register.add(central, fields(), by="drita")
    register.add(central, fields(), by="ilir")
    with central.engine.connect() as conn:
        rows = conn.execute(select(console_events.c.action, console_events.c.subject)).all()
    assert [tuple(r) for r in rows if r.action.startswith("notice")] == [
        ("notice_added", done.id), ("notice_merged", done.id)]
    assert not any("Hoxha" in str(r.subject) or "Arben" in str(r.subject) for r in rows)


@pytest.mark.parametrize(("change", "said"), [
    ({"checkpoint": "XXX"}, "checkpoint: not a checkpoint code"),
    ({"expected_date": "03/12/2026"}, "expected_date: not a date"),
    ({"given_name": "   "}, "given_name: missing"),
    ({"family_name": "1234"}, "family_name: holds no letters"),
    ({"family_name": "x" * 151}, "family_name: longer than 150"),
    ({"given_name": "=HYPERLINK(\"http://x\")"}, "given_name: cannot begin with ="),
    ({"note": "@SUM(A1)"}, "note: cannot begin with"),
    ({"notified_by": "police"}, "notified_by: one or more of"),
    ({"notified_by": ""}, "notified_by: missing"),
    ({"age": "-3", "date_of_birth": ""}, "age: a whole number"),
    ({"age": "²"}, "age: a whole number"),
    ({"nationality": "Albania"}, "nationality: not an ISO 3166"),
    ({"meet_organisation": "acme"}, "meet_organisation: one of"),
    ({"victim_suspected": "maybe"}, "victim_suspected: yes or no"),
    ({"date_of_birth": "2027-01-01"}, "date_of_birth: after the expected date"),
    ({"given_name": "Ar\x00ben"}, "given_name: holds a NUL"),
])
def test_a_wrong_field_is_named_and_nothing_is_recorded(central, change, said):
    with pytest.raises(model.NoticeInvalid) as refused:
        register.add(central, fields(**change), by="drita")
    assert said in refused.value.message
    assert register.listing(central) == []
