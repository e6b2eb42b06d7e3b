"""Accounts carry the person's full name (schema 3): the referral slip names the officer and
the approving supervisor by it; an account without one is printed by its login name, marked."""

from __future__ import annotations

import pytest

from screening.errors import AccountError, PermissionDeniedError
from screening.reports.casefile import build_case_file
from screening.reports.slipdata import slip_content
from screening.store import migrations
from tests.answer_sets import adult_no_indicators, with_yes
from tests.unit.store.helpers import OFFICER, SUPERVISOR, SUPERVISOR_PW, login
from tests.unit.store.test_migrations import build_store_at


@pytest.fixture
def officer(supervisor, data_dir, clock):
    with login(data_dir, clock=clock) as session:
        yield session


def referred(**overrides):
    return with_yes(adult_no_indicators(officer_outcome="suspected_victim",
                                        action_taken="referred_police_at_unit",
                                        referral_organisation="police_anti_trafficking",
                                        referral_urgent="yes", **overrides), "ind_violence")


def test_an_account_is_added_with_its_full_name(supervisor):
    account = supervisor.add_user("mira", "officer", "mira-password-1",
                                  full_name="  Mirela   Kastrati ")
    assert account.full_name == "Mirela Kastrati"
    listed = {a.name: a.full_name for a in supervisor.list_users()}
    assert listed["mira"] == "Mirela Kastrati" and listed[SUPERVISOR] is None
    assert supervisor.account.full_name is None  # made without one


def test_full_names_are_checked(supervisor):
    with pytest.raises(AccountError, match="longer than"):
        supervisor.add_user("mira", "officer", "mira-password-1", full_name="x" * 121)
    with pytest.raises(AccountError, match="control character"):
        supervisor.set_full_name(SUPERVISOR, "Sara\x00Dema")
    assert not [a for a in supervisor.list_users() if a.name == "mira"]


def test_who_may_set_a_full_name(supervisor, officer):
    assert officer.set_full_name(OFFICER, "Olsi Brahimi").full_name == "Olsi Brahimi"
    assert officer.account.full_name == "Olsi Brahimi"
    with pytest.raises(PermissionDeniedError):
        officer.set_full_name(SUPERVISOR, "Someone Else")
    assert supervisor.set_full_name(OFFICER, "Olsi Brahimaj").full_name == "Olsi Brahimaj"
    assert supervisor.set_full_name(OFFICER, "  ").full_name is None  # cleared
    actions = [e.action for e in supervisor.audit_entries()]
    assert actions.count("account_full_name_set") == 3
    assert supervisor.verify_audit().intact


def test_the_case_file_names_the_officer_and_the_approving_supervisor(supervisor, officer):
    officer.set_full_name(OFFICER, "Olsi Brahimi")
    interview_id = officer.import_finalised(referred())
    data = build_case_file(*supervisor.printable(interview_id))
    assert (data.officer, data.officer_full_name) == (OFFICER, "Olsi Brahimi")
    assert (data.approved_by, data.approved_by_full_name) == ("", "")
    supervisor.approve(interview_id)
    data = build_case_file(*supervisor.printable(interview_id))
    assert (data.approved_by, data.approved_by_full_name) == (SUPERVISOR, "")
    supervisor.set_full_name(SUPERVISOR, "Sara Dema")
    content = slip_content(build_case_file(*supervisor.printable(interview_id)),
                           *_standard())
    assert (content.officer, content.approver) == ("Olsi Brahimi", "Sara Dema")


@pytest.mark.parametrize("version", range(1, 3))
def test_accounts_of_an_older_schema_get_no_full_name_and_can_be_given_one(data_dir, version):
    build_store_at(data_dir, version)
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert migrations.schema_version(session.conn) == migrations.LATEST >= 3
        assert session.account.full_name is None
        assert [(a.name, a.full_name) for a in session.list_users()] == [(SUPERVISOR, None)]
        assert session.get_interview("i1").officer == SUPERVISOR
        assert session.set_full_name(SUPERVISOR, "Sara Dema").full_name == "Sara Dema"
    with login(data_dir, SUPERVISOR, SUPERVISOR_PW) as session:
        assert session.account.full_name == "Sara Dema"


def _standard():
    from screening.store.assessments import bundled_catalogue

    return bundled_catalogue().for_new_interview()
