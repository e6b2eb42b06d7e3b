"""No lost corrections: retention purges an interview only when central acknowledged its
current revision and nothing later is pending (issue 15, item 1). Each lifecycle path."""

from __future__ import annotations

import pytest

from tests.answer_sets import adult_no_indicators
from tests.unit.store.helpers import login

DAY = 86_400


@pytest.fixture
def acknowledged(officer, supervisor):
    """An interview finalised (revision 1) whose revision central acknowledged."""
    interview_id = officer.import_finalised(adult_no_indicators(given_name="Besa"))
    supervisor.mark_acknowledged(interview_id, 1)
    return interview_id


@pytest.fixture
def officer(data_dir, created, clock):
    with login(data_dir, clock=clock) as session:
        yield session


def _purge_after(supervisor, clock, days=31):
    clock.advance(days * DAY)
    return supervisor.purge_expired()


def test_the_issue_returned_corrected_refinalised_is_not_purged(officer, supervisor, clock,
                                                                acknowledged):
    supervisor.return_for_correction(acknowledged, "the date of birth")
    officer.save_answer(acknowledged, "given_name", "Besa Corrected")
    officer.finalise(acknowledged)
    assert _purge_after(supervisor, clock) == []
    kept = supervisor.get_interview(acknowledged)
    assert kept.answers["given_name"] == "Besa Corrected" and kept.purged_at is None
    # central acknowledges the corrected revision: its own period starts then
    supervisor.mark_acknowledged(acknowledged, kept.revision)
    assert _purge_after(supervisor, clock, 29) == []
    assert _purge_after(supervisor, clock, 2) == [acknowledged]


def test_returned_for_correction_and_waiting_is_not_purged(supervisor, clock, acknowledged):
    supervisor.return_for_correction(acknowledged, "")
    assert _purge_after(supervisor, clock, 400) == []


def test_an_approval_after_the_acknowledgement_waits_for_its_own(supervisor, clock,
                                                                 acknowledged):
    supervisor.approve(acknowledged)
    assert _purge_after(supervisor, clock, 400) == []
    approved = supervisor.get_interview(acknowledged)
    supervisor.mark_acknowledged(acknowledged, approved.revision)
    assert _purge_after(supervisor, clock) == [acknowledged]


def test_a_re_approval_after_correction_waits_for_the_approved_revision(
        officer, supervisor, clock, acknowledged):
    supervisor.return_for_correction(acknowledged, "")
    officer.save_answer(acknowledged, "given_name", "Besa Again")
    officer.finalise(acknowledged)
    supervisor.mark_acknowledged(acknowledged, supervisor.get_interview(acknowledged).revision)
    supervisor.approve(acknowledged)  # approved again: a revision central has not seen
    assert _purge_after(supervisor, clock, 400) == []
    supervisor.mark_acknowledged(acknowledged, supervisor.get_interview(acknowledged).revision)
    assert _purge_after(supervisor, clock) == [acknowledged]


def test_an_older_acknowledgement_arriving_late_changes_nothing(supervisor, clock,
                                                                acknowledged):
    supervisor.approve(acknowledged)
    current = supervisor.get_interview(acknowledged).revision
    supervisor.mark_acknowledged(acknowledged, current)
    clock.advance(20 * DAY)
    supervisor.mark_acknowledged(acknowledged, 1)  # a late receipt of the first batch
    again = supervisor.get_interview(acknowledged)
    assert again.acknowledged_revision == current
    assert _purge_after(supervisor, clock, 11) == [acknowledged]  # counted from the first


def test_an_acknowledgement_beyond_the_interview_s_revision_is_ignored(supervisor, clock,
                                                                       acknowledged):
    supervisor.mark_acknowledged(acknowledged, 99)
    assert supervisor.get_interview(acknowledged).acknowledged_revision == 1
    supervisor.approve(acknowledged)  # revision 2: acknowledged 1 is not current
    assert _purge_after(supervisor, clock, 400) == []


def test_a_draft_is_never_purged_even_if_a_revision_was_acknowledged(officer, supervisor,
                                                                     clock):
    interview_id = officer.start_interview("returnee_screening", "1")
    officer.save_answer(interview_id, "given_name", "Drafty")
    supervisor.mark_acknowledged(interview_id, 1)
    assert _purge_after(supervisor, clock, 400) == []


def test_each_news_is_audited_with_its_revision_and_repeats_are_not(supervisor,
                                                                    acknowledged):
    supervisor.mark_acknowledged(acknowledged, 1)
    entries = [e for e in supervisor.audit_entries()
               if e.action == "interview_acknowledged" and e.subject == acknowledged]
    assert [e.detail for e in entries] == [{"revision": 1}]
