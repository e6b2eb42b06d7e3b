"""Repeat victims at central (SQLite and PostgreSQL): candidate pairs found among received
interviews as they are ingested, confirmed or rejected by staff (functions, command line), and
confirmed matches counted as repeats in the quarterly statistics."""

from __future__ import annotations

import json
import uuid

import pytest

from screening.central.batches.ingest import ingest
from screening.central.cli import main as cli
from screening.central.repeats import candidates as matches
from screening.errors import ScreeningError
from screening.reports.statistics import compute, facts_from_mapping, mark_repeats
from tests.unit.sync.batches import interview


def received(station, central, names: tuple[str, str], *, at: str, born: str | None = None,
             age: int | None = None, doc: str | None = None, outcome: str = "presumed_victim",
             assisted: str | None = None) -> str:
    """One interview as a workstation sends it (the officer's outcome ``outcome``); its id."""
    record = interview(str(uuid.uuid4()))
    answers = {**record["answers"], "given_name": names[0], "family_name": names[1],
               "interview_started_at": at, "sex": "female", "officer_outcome": outcome}
    del answers["date_of_birth"]  # central must not see a birth date the person did not give
    answers.update({k: v for k, v in (("date_of_birth", born), ("id_document_number", doc),
                                      ("previously_assisted_as_victim", assisted))
                    if v is not None})
    if born is None:
        answers["age_estimate"] = age if age is not None else 40
    if doc is not None:
        answers["id_document_type"] = "passport"
    # every record claims "presumed victim": what counts is what central computes from the
    # answers (cela_doc found no indicators, so other_doc is no repeat, whatever it claims)
    record.update(answers=answers, outcome="presumed_victim")
    ingest(central, station.batch([record]))
    return record["id"]


def pairs(found) -> set[tuple[frozenset, str]]:
    return {(frozenset((c["interview_a"], c["interview_b"])), c["reason"]) for c in found}


@pytest.fixture
def people(central, station):
    ids = {
        "arben_2025": received(station, central, ("Arbën", "Hoxha"), at="2025-08-01T09:00:00",
                               born="1990-05-01"),
        "arben_2026": received(station, central, ("Hoxha", "Arben"), at="2026-08-03T09:00:00",
                               born="1991-04-20", assisted="no"),
        "cela_doc": received(station, central, ("Ardit", "Çela"), at="2026-07-01T09:00:00",
                             doc="AB 123-456", outcome="no_indicators"),
        "other_doc": received(station, central, ("A.", "Cela"), at="2026-09-01T09:00:00",
                              doc="ab123456", outcome="suspected_victim"),
        "stranger": received(station, central, ("Besa", "Krasniqi"), at="2026-08-01T09:00:00",
                             age=25),
    }
    return ids


def test_candidates_are_found_once_and_listed_with_both_sides(central, people):
    found = matches.list_candidates(central)
    assert pairs(found) == {
        (frozenset((people["arben_2025"], people["arben_2026"])), "name_birth_date"),
        (frozenset((people["cela_doc"], people["other_doc"])), "document_number")}
    first = found[0]
    assert first["status"] == "pending" and first["decided_by"] is None
    names = {side["family_name"] for c in found for side in c["interviews"]}
    assert {"Hoxha", "Arben", "Çela", "Cela"} <= names
    assert matches.refresh(central.engine) == 0  # nothing new: nothing found twice


def test_a_new_interview_is_compared_with_those_already_keyed(central, station, people):
    assert matches.refresh(central.engine) == 0  # each ingest compared its interviews
    # a later interview (central refuses one in the future: it must be in the past of today)
    later = received(station, central, ("Besa", "Krasniqi"), at="2026-11-02T09:00:00", age=26)
    assert matches.refresh(central.engine) == 0  # so did this one: its pair is there already
    [pair] = [c for c in matches.list_candidates(central) if later in
              (c["interview_a"], c["interview_b"])]
    assert pair["reason"] == "name_age"


def test_staff_confirm_and_reject(central, people):
    found = {c["reason"]: c for c in matches.list_candidates(central)}
    confirmed = matches.decide(central, found["name_birth_date"]["id"], "confirmed", "drita")
    assert (confirmed["status"], confirmed["decided_by"]) == ("confirmed", "drita")
    assert confirmed["decided_at"]
    rejected = matches.decide(central, found["document_number"]["id"], "rejected", "drita")
    assert rejected["status"] == "rejected"
    assert matches.list_candidates(central) == []  # nothing pending
    assert len(matches.list_candidates(central, "confirmed")) == 1
    assert len(matches.list_candidates(central, None)) == 2
    for bad in ((9999, "confirmed"), (confirmed["id"], "maybe")):
        with pytest.raises(ScreeningError):
            matches.decide(central, *bad, "drita")


def test_confirmed_matches_count_as_repeats_in_the_statistics(central, people):
    found = {c["reason"]: c["id"] for c in matches.list_candidates(central)}
    for match_id in found.values():
        matches.decide(central, match_id, "confirmed", "drita")
    ids = set(people.values())
    with central.engine.connect() as conn:
        repeats = matches.repeat_ids(conn, ids)
    # the later of a confirmed pair, and only when the earlier one was a victim: other_doc's
    # earlier interview (cela_doc) found no indicators, so other_doc is a new victim
    assert repeats == {people["arben_2026"]}
    facts = {iid: facts_from_mapping({
        "interview_date": day, "sex": "female", "outcome": "presumed_victim",
        "previously_assisted_as_victim": "no"})
        for iid, day in ((people["arben_2026"], "2026-08-03"),
                         (people["other_doc"], "2026-09-01"),
                         (people["stranger"], "2026-08-01"))}
    t6 = compute(mark_repeats(facts, repeats), "2026Q3").tables[5]
    column = ("adult", "female")
    assert (t6.count(("repeat",), column), t6.count(("new",), column)) == (1, 2)
    unmarked = compute(facts.values(), "2026Q3").tables[5]
    assert unmarked.count(("repeat",), column) == 0


def test_the_command_line_lists_confirms_and_rejects(central, people, capsys):
    args = ["--data-dir", str(central.settings.data_dir), "--db", central.settings.db_url]
    assert cli.main([*args, "matches", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 2
    assert cli.main([*args, "matches", "confirm", str(listed[0]["id"]), "--by", "drita"]) == 0
    assert "confirmed by drita" in capsys.readouterr().out
    assert cli.main([*args, "matches", "reject", str(listed[1]["id"])]) == 0
    assert "rejected" in capsys.readouterr().out
    assert cli.main([*args, "matches", "list"]) == 0
    assert "no pending candidate matches" in capsys.readouterr().out
    assert cli.main([*args, "matches", "confirm", "4242"]) == 1
    assert "match_unknown" in capsys.readouterr().err

