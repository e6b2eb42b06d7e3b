"""``screening-central referrals list|record`` and ``staff add --role partner`` as an operator
runs them: real processes on a real central database, clear messages for bad input."""

from __future__ import annotations

import json

import pytest

from screening.central import settings
from screening.central.service import open_central
from tests.central.cli.test_cli import failed, ok
from tests.central.conftest import enrol_station
from tests.central.live import run_cli
from tests.central.referrals.cases import approved, referred_adult, send

PASSWORD = {"SCREENING_CENTRAL_PASSWORD": "a long staff password"}


@pytest.fixture
def held(tmp_path):
    """A central with one approved interview referred to three organisations."""
    home, url = tmp_path / "central", f"sqlite:///{tmp_path / 'central' / 'central.db'}"
    central = open_central(settings.Settings(home, url))
    try:
        send(central, enrol_station(central), approved(referred_adult()))
    finally:
        central.close()
    return home, url


def listed(home, url, *args: str) -> list[dict]:
    return json.loads(ok(run_cli(home, url, "referrals", "list", "--json", *args)))


def test_a_partner_account_is_bound_to_an_organisation_of_the_directory(held):
    home, url = held
    out = ok(run_cli(home, url, "staff", "add", "lindita", "--role", "partner",
                     "--organisation", "state_social_services", env=PASSWORD))
    assert "partner of state_social_services" in out
    message = failed(run_cli(home, url, "staff", "add", "mira", "--role", "partner",
                             "--organisation", "atlantis", env=PASSWORD),
                     "organisation_unknown")
    assert "referral directory" in message and "vatra" in message
    failed(run_cli(home, url, "staff", "add", "mira", "--role", "partner", env=PASSWORD),
           "organisation_missing")
    failed(run_cli(home, url, "staff", "add", "mira", "--role", "viewer", "--organisation",
                   "vatra", env=PASSWORD), "organisation_not_partner")


def test_referrals_are_listed_filtered_and_recorded_as_a_staff_account(held):
    home, url = held
    ok(run_cli(home, url, "staff", "add", "lindita", "--role", "partner", "--organisation",
               "state_social_services", env=PASSWORD))
    ok(run_cli(home, url, "staff", "add", "besa", "--role", "caseworker", env=PASSWORD))
    every = listed(home, url)
    assert len(every) == 3
    assert {"case_reference", "organisation", "status", "updated_at"} <= set(every[0])
    social = listed(home, url, "--organisation", "state_social_services")
    assert [r["status"] for r in social] == ["sent"]
    rid = str(social[0]["id"])
    out = ok(run_cli(home, url, "referrals", "record", rid, "--event", "declined",
                     "--reason", "no place", "--as", "lindita"))
    assert "declined" in out
    assert listed(home, url, "--status", "declined")[0]["id"] == social[0]["id"]
    # the partner may not re-refer; the case worker may
    failed(run_cli(home, url, "referrals", "record", rid, "--event", "re_referred",
                   "--reason", "x", "--organisation", "nrcvt", "--as", "lindita"),
           "referral_forbidden")
    out = ok(run_cli(home, url, "referrals", "record", rid, "--event", "re_referred",
                     "--reason", "a place in Vlorë", "--organisation", "vatra", "--as", "besa"))
    assert "vatra" in out and f"re-referral of #{rid}" in out
    plain = ok(run_cli(home, url, "referrals", "list", "--organisation", "vatra"))
    assert "vatra  sent" in plain


def test_bad_input_is_told_clearly(held):
    home, url = held
    ok(run_cli(home, url, "staff", "add", "lindita", "--role", "partner", "--organisation",
               "state_social_services", env=PASSWORD))
    rid = str(listed(home, url, "--organisation", "state_social_services")[0]["id"])
    other = str(listed(home, url, "--organisation", "nrcvt")[0]["id"])
    failed(run_cli(home, url, "referrals", "record", rid, "--event", "received",
                   "--as", "nobody"), "staff_unknown")
    failed(run_cli(home, url, "referrals", "record", other, "--event", "received",
                   "--as", "lindita"), "referral_unknown")
    message = failed(run_cli(home, url, "referrals", "record", rid, "--event", "arrived",
                             "--as", "lindita"), "referral_step_refused")
    assert "that follows only accepted" in message
    ok(run_cli(home, url, "referrals", "record", rid, "--event", "accepted", "--as",
               "lindita"))
    failed(run_cli(home, url, "referrals", "record", rid, "--event", "arrived", "--date",
                   "02/12/2026", "--as", "lindita"), "date_invalid")
    failed(run_cli(home, url, "referrals", "list", "--organisation", "atlantis"),
           "organisation_unknown")
    for args in (("record", "seven", "--event", "received", "--as", "lindita"),
                 ("record", rid, "--event", "teleported", "--as", "lindita"),
                 ("list", "--status", "lost")):
        result = run_cli(home, url, "referrals", *args)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "invalid" in result.stderr
