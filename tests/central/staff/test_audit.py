"""The staff audit (SQLite and PostgreSQL): every staff action leaves its row in the transaction
of the change, from the command line as from the console, and a change that fails leaves none."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from screening.central import schema
from screening.central.app import create_app
from screening.central.cli import main as cli
from screening.central.devices import revocation
from screening.central.reference import publish
from screening.central.staff import audit
from tests.central.conftest import enrol_station
from tests.central.console.helpers import ENGLISH, TestClient, add_staff, csrf_of, logged_in


def actions(central) -> list[tuple[str, str, str | None]]:
    with central.engine.connect() as conn:
        return [(e["staff"], e["action"], e["subject"]) for e in reversed(audit.events(conn))]


def run(central, *args: str) -> int:
    return cli.main(["--data-dir", str(central.settings.data_dir), "--db",
                     central.settings.db_url, *args])


def test_command_line_actions_are_audited_as_the_login_name(central, monkeypatch, capsys):
    monkeypatch.setenv("SCREENING_CENTRAL_PASSWORD", "a long staff password")
    monkeypatch.setattr("getpass.getuser", lambda: "arta")
    station = enrol_station(central)
    before = len(actions(central))
    assert run(central, "staff", "add", "ilir") == 0
    assert run(central, "staff", "role", "ilir", "admin") == 0
    assert run(central, "enrolment-code", "TIA") == 0
    assert run(central, "devices", "revoke", station.device_id) == 0
    capsys.readouterr()
    who = "arta (command line)"
    assert actions(central)[before:] == [
        (who, "staff_added", "ilir (viewer)"), (who, "staff_role_changed", "ilir (admin)"),
        (who, "enrolment_code_created", "TIA"),
        (who, "revocations_published", "v1 revocations"),
        (who, "device_revoked", station.device_id)]


def test_a_failed_change_leaves_no_audit_row(central, monkeypatch, capsys):
    monkeypatch.setenv("SCREENING_CENTRAL_PASSWORD", "a long staff password")
    before = actions(central)
    assert run(central, "devices", "revoke", "no-such-device") == 1
    assert run(central, "staff", "role", "nobody", "admin") == 1
    assert run(central, "matches", "confirm", "4242") == 1
    assert run(central, "enrolment-code", " ") == 1
    monkeypatch.setenv("SCREENING_CENTRAL_PASSWORD", "short")
    assert run(central, "staff", "add", "weak") == 1
    assert "device_unknown" in capsys.readouterr().err
    assert actions(central) == before


def test_a_revocation_whose_publication_fails_is_not_made_nor_audited(central, monkeypatch):
    """The revocation, its revocation list and its audit row are one transaction."""
    station = enrol_station(central)
    before = actions(central)

    def unsigned(*_args, **_kwargs):
        raise RuntimeError("the signing key is unreadable")

    monkeypatch.setattr(publish.packages, "sign_package", unsigned)
    with pytest.raises(RuntimeError):
        revocation.revoke(central, station.device_id, by="drita")
    with central.engine.connect() as conn:
        assert conn.execute(select(schema.devices.c.revoked_at)).scalar() is None
    assert actions(central) == before


def test_console_actions_are_audited_with_the_change(central):
    add_staff(central, "drita", "admin")
    station = enrol_station(central)
    with TestClient(create_app(central), headers=ENGLISH) as client:
        logged_in(client, "drita")
        page = client.get(f"/console/devices/{station.device_id}/revoke")
        token = csrf_of(page.text)
        client.post(f"/console/devices/{station.device_id}/revoke", data={"csrf": token})
        client.post("/console/codes", data={"csrf": token, "checkpoint": "KKV", "hours": "2"})
    done = [(who, action) for who, action, _ in actions(central)]
    assert ("drita", "device_revoked") in done and ("drita", "enrolment_code_created") in done
