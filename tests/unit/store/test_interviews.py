"""Interviews: autosave, who sees what, the status workflow, paper import."""

from __future__ import annotations

import pytest

from screening.errors import InterviewNotFoundError, InterviewStateError, PermissionDeniedError
from tests.answer_sets import BUNDLED, adult_no_indicators
from tests.unit.store.helpers import login


@pytest.fixture
def officer(supervisor, data_dir, clock):
    with login(data_dir, clock=clock) as session:
        yield session


def fill(session, interview_id, answers):
    for qid, value in answers.items():
        session.save_answer(interview_id, qid, value)


def test_each_answer_is_saved_with_a_new_revision(officer):
    interview_id = officer.start_interview(*BUNDLED)
    assert officer.save_answer(interview_id, "given_name", "Arben") == 1
    assert officer.save_answer(interview_id, "months_abroad", 15) == 2
    assert officer.save_answer(interview_id, "activity_sector", ["agriculture"]) == 3
    record = officer.get_interview(interview_id)
    assert record.answers == {"given_name": "Arben", "months_abroad": 15,
                              "activity_sector": ["agriculture"]}
    assert (record.status, record.revision, record.officer) == ("draft", 3, "olsi")
    assert record.checkpoint == "KKV" and record.form_id == "returnee_screening"
    officer.save_answer(interview_id, "months_abroad", None)
    assert "months_abroad" not in officer.get_interview(interview_id).answers


def test_a_question_id_cannot_smuggle_a_json_path(officer):
    interview_id = officer.start_interview(*BUNDLED)
    with pytest.raises(ValueError):
        officer.save_answer(interview_id, 'x"].y', 1)


def test_officers_see_their_own_interviews_and_supervisors_see_all(supervisor, officer):
    supervisor.add_user("ilir", "officer", "ilir-password")
    mine = officer.start_interview(*BUNDLED)
    with login(officer.paths.root, "ilir", "ilir-password") as other:
        theirs = other.start_interview(*BUNDLED)
        assert [s.id for s in other.list_interviews()] == [theirs]
        with pytest.raises(InterviewNotFoundError):
            other.get_interview(mine)
        with pytest.raises(InterviewNotFoundError):
            other.save_answer(mine, "given_name", "X")
    assert [s.id for s in officer.list_interviews()] == [mine]
    assert {s.id for s in supervisor.list_interviews()} == {mine, theirs}
    assert officer.get_interview(mine).answers == {}


def test_finalising_needs_a_complete_interview(officer):
    interview_id = officer.start_interview(*BUNDLED)
    officer.save_answer(interview_id, "given_name", "Arben")
    with pytest.raises(InterviewStateError, match="not complete"):
        officer.finalise(interview_id)
    fill(officer, interview_id, adult_no_indicators())
    record = officer.finalise(interview_id)
    assert record.status == "finalised"
    assert record.assessment is not None and record.outcome == record.assessment["final_outcome"]
    with pytest.raises(InterviewStateError):
        officer.save_answer(interview_id, "given_name", "Changed")


def test_a_supervisor_returns_then_approves(supervisor, officer):
    interview_id = officer.start_interview(*BUNDLED)
    fill(officer, interview_id, adult_no_indicators())
    officer.finalise(interview_id)
    with pytest.raises(PermissionDeniedError):
        officer.approve(interview_id)
    supervisor.return_for_correction(interview_id, "check the dates")
    assert officer.get_interview(interview_id).status == "returned_for_correction"
    officer.save_answer(interview_id, "months_abroad", 14)
    officer.finalise(interview_id)
    supervisor.approve(interview_id)
    assert officer.get_interview(interview_id).status == "approved"
    with pytest.raises(InterviewStateError):
        supervisor.approve(interview_id)
    actions = [e.action for e in supervisor.audit_entries() if e.subject == interview_id]
    assert actions == ["interview_created", "interview_finalised", "interview_returned",
                       "interview_finalised", "interview_approved"]


def test_a_paper_record_is_validated_scored_and_stored_finalised(officer):
    interview_id = officer.import_finalised(adult_no_indicators(given_name="Paper"))
    record = officer.get_interview(interview_id)
    assert record.status == "finalised" and record.answers["given_name"] == "Paper"
    assert record.assessment["positive_dimensions"] == []
    with pytest.raises(InterviewStateError, match="consent_interview"):
        officer.import_finalised({k: v for k, v in adult_no_indicators().items()
                                  if k != "consent_interview"})


def test_the_list_is_newest_first_and_searchable_by_name(officer, clock):
    ids = []
    for name in ("Arben", "Besa", "Arta"):
        clock.advance(1)
        ids.append(officer.import_finalised(adult_no_indicators(given_name=name)))
    assert [s.id for s in officer.list_interviews()] == ids[::-1]
    found = officer.list_interviews(search="ar")
    assert {s.display_name for s in found} == {"Arben Hoxha", "Arta Hoxha"}
    assert officer.list_interviews(search="100%_") == []
    assert len(officer.list_interviews(limit=2)) == 2


def test_the_search_sees_a_name_changed_here_or_by_another_session(officer, supervisor):
    """The search keeps the names it opened while nothing is committed: any commit, of this
    session or another, makes it look again."""
    draft = officer.start_interview("returnee_screening", "1")
    officer.save_answer(draft, "given_name", "Drita")
    assert [s.id for s in supervisor.list_interviews(search="drit")] == [draft]
    officer.save_answer(draft, "given_name", "Vjosa")  # another connection
    assert supervisor.list_interviews(search="drit") == []
    assert [s.display_name for s in supervisor.list_interviews(search="vjos")] == ["Vjosa"]
    supervisor.save_answer(draft, "family_name", "Kola")
    assert [s.display_name for s in officer.list_interviews(search="kola")] == ["Vjosa Kola"]



def test_printing_after_a_while_asks_for_the_password_again(officer, clock):
    from screening.errors import ReauthenticationNeededError, WrongCredentialsError
    from tests.unit.store.helpers import OFFICER_PW

    interview_id = officer.import_finalised(adult_no_indicators())
    officer.record_event("interview_printed", interview_id)
    clock.advance(10 * 60)
    with pytest.raises(ReauthenticationNeededError):
        officer.record_event("interview_exported", interview_id)
    with pytest.raises(WrongCredentialsError):
        officer.confirm_password("not-it-at-all")
    officer.confirm_password(OFFICER_PW)
    officer.record_event("interview_exported", interview_id)


def test_the_supervisor_chooses_the_receiving_organisation(supervisor, officer):
    answers = adult_no_indicators(ind_violence="yes", officer_outcome="suspected_victim",
                                  action_taken="referred_police_at_unit",
                                  referral_organisation="police_anti_trafficking",
                                  referral_urgent="yes")
    interview_id = officer.start_interview(*BUNDLED)
    fill(officer, interview_id, answers)
    officer.finalise(interview_id)
    with pytest.raises(PermissionDeniedError):
        officer.choose_organisation(interview_id, "nrcvt")
    with pytest.raises(InterviewStateError, match="not in the referral directory"):
        supervisor.choose_organisation(interview_id, "made_up_ngo")
    before = supervisor.get_interview(interview_id).revision
    supervisor.choose_organisation(interview_id, "nrcvt")
    record = supervisor.get_interview(interview_id)
    assert record.answers["referral_organisation"] == "nrcvt"
    assert record.revision == before + 1
    entry = [e for e in supervisor.audit_entries() if e.action == "organisation_chosen"][-1]
    assert entry.subject == interview_id
    supervisor.approve(interview_id)
    with pytest.raises(InterviewStateError, match="before approval"):
        supervisor.choose_organisation(interview_id, "vatra")


def test_an_interview_starts_with_its_prefilled_answers_in_one_call(officer, supervisor):
    prefilled = {"checkpoint": "KKV", "interview_started_at": "2026-07-01T10:00:00"}
    interview_id = officer.start_interview(*BUNDLED, prefilled)
    record = officer.get_interview(interview_id)
    assert record.answers == prefilled and record.status == "draft"
    assert record.revision == len(prefilled)  # as if each had been saved on its own
    actions = [e.action for e in supervisor.audit_entries() if e.subject == interview_id]
    assert actions == ["interview_created"]


def test_a_failure_between_prefilled_answers_leaves_no_interview(officer, supervisor):
    before = len(supervisor.audit_entries())
    # the second answer cannot be stored: the failure comes after the row and the first
    # answer were written, inside the transaction
    prefilled = {"checkpoint": "KKV", 'x"].y': "smuggled", "interview_started_at": "x"}
    with pytest.raises(ValueError):
        officer.start_interview(*BUNDLED, prefilled)
    assert officer.list_interviews() == []
    assert len(supervisor.audit_entries()) == before
    # and the connection is usable: the transaction was rolled back, not left open
    assert officer.get_interview(officer.start_interview(*BUNDLED))
