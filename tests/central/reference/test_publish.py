"""Publishing reference data at central and serving it to signed pulls (SQLite and
PostgreSQL): forms and folders are checked with the workstation's loaders first, packages are
numbered monotonically and signed with central's receipt key."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from screening import config, crypto
from screening.central.cli import main as cli
from screening.central.clock import utc_now
from screening.central.devices import queries as devices
from screening.central.devices import revocation
from screening.central.reference import publish as reference
from screening.errors import FormDefinitionError, ReferenceDataError, ScreeningError
from screening.sync import packages, wire
from tests.central.conftest import enrol_station

STANDARD = config.standard_form_path()


def form_text(version: str = "2026.3", extra: str = "") -> str:
    text = STANDARD.read_text(encoding="utf-8")
    return text.replace('version: "2026.2"', f'version: "{version}"', 1) + extra


def pull(central, station, since: int = 0, *, key=None, at: dt.datetime | None = None):
    headers = packages.sign_request(station.device_id, since, key or station.key, at)
    return reference.pull(central, station.device_id, since, headers[packages.TIME_HEADER],
                          headers[packages.SIGNATURE_HEADER])


def verified(answer, central) -> list[packages.Package]:
    key = crypto.load_verify_key(central.keys.verify_key)
    return [packages.verify_package(d, key) for d in packages.parse_list(answer)]


def test_a_form_is_published_once_per_version_and_signed(central, station):
    first = reference.publish_form_text(central, form_text(), by="drita")
    assert (first.version, first.kind, first.name, first.label) == (
        1, "form", "returnee_screening", "2026.3")
    again = reference.publish_form_text(central, form_text(), by="drita")
    assert again.version == 1  # same: a no-op
    with pytest.raises(ScreeningError) as caught:
        reference.publish_form_text(central, form_text(extra="\n# changed\n"), by="drita")
    assert caught.value.code == "form_version_taken"
    [package] = verified(pull(central, station), central)
    assert package.payload["yaml"] == form_text() and package.version == 1


def test_a_broken_form_is_refused_with_the_loaders_problems(central):
    broken = form_text().replace("type: select_one", "type: select_many_of_nothing", 1)
    with pytest.raises(FormDefinitionError) as caught:
        reference.publish_form_text(central, broken, "broken.yaml", by="drita")
    assert caught.value.problems and "broken.yaml" in str(caught.value.problems[0])
    assert reference.listing(central) == []


def test_the_reference_folder_is_checked_and_published_when_changed(central, tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(config.forms_dir() / "reference", folder)
    assert reference.publish_reference_dir(central, folder, by="drita").version == 1
    assert reference.publish_reference_dir(central, folder, by="drita").version == 1  # unchanged
    help_lines = folder / "help_lines.yaml"
    help_lines.write_text(help_lines.read_text(encoding="utf-8").replace("129", "112"),
                          encoding="utf-8")
    assert reference.publish_reference_dir(central, folder, by="drita").version == 2
    directory = folder / "referral_directory.yaml"
    directory.write_text(directory.read_text(encoding="utf-8").replace(
        "    type: shelter", "    type: hotel", 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError):
        reference.publish_reference_dir(central, folder, by="drita")
    assert [row["version"] for row in reference.listing(central)] == [1, 2]


def test_a_pull_returns_what_is_newer_than_since(central, station, tmp_path):
    reference.publish_form_text(central, form_text("2026.3"), by="drita")
    reference.publish_form_text(central, form_text("2026.4"), by="drita")
    reference.publish_reference_dir(central, config.forms_dir() / "reference", by="drita")
    answer = pull(central, station, since=1)
    assert answer["latest"] == 3
    assert [(p.version, p.kind) for p in verified(answer, central)] == [
        (2, "form"), (3, "reference")]
    assert pull(central, station, since=3)["packages"] == []


def test_a_pull_must_be_signed_by_an_enrolled_unrevoked_device(central, station):
    with pytest.raises(crypto.SignatureInvalidError):
        pull(central, station, key=crypto.new_signing_key())
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(wire.WireError) as skewed:
        pull(central, station, at=now - dt.timedelta(days=3))
    assert skewed.value.code == "clock_skew"
    with central.engine.begin() as conn:
        devices.revoke(conn, station.device_id, utc_now())
    with pytest.raises(ScreeningError) as revoked:
        pull(central, station)
    assert revoked.value.code == "device_revoked"
    with pytest.raises(ScreeningError) as unknown:
        reference.pull(central, "no-such-device", 0, now.isoformat(), wire.b64e(b"x" * 64))
    assert unknown.value.code == "device_unknown"


def test_a_revocation_is_published_to_the_other_devices(central, station):
    other = enrol_station(central, "kakavije")
    assert pull(central, station)["packages"] == []  # nothing revoked: no list yet
    assert revocation.revoke(central, other.device_id, by="drita")
    assert not revocation.revoke(central, other.device_id, by="drita")  # already: no change
    [package] = verified(pull(central, station), central)
    assert package.kind == "revocations"
    assert package.payload == {"device_ids": [other.device_id]}
    assert pull(central, station, since=package.version)["packages"] == []  # published once


def test_the_command_line_publishes_and_refuses_a_broken_form(central, tmp_path, capsys):
    args = ["--data-dir", str(central.settings.data_dir), "--db", central.settings.db_url]
    good, broken = tmp_path / "good.yaml", tmp_path / "broken.yaml"
    good.write_text(form_text(), encoding="utf-8")
    broken.write_text(form_text().replace("id: returnee_screening", "id: [", 1),
                      encoding="utf-8")
    assert cli.main([*args, "publish", "form", str(broken)]) == 1
    assert "broken.yaml" in capsys.readouterr().err
    assert cli.main([*args, "publish", "form", str(good)]) == 0
    assert "version 2026.3 is package v1" in capsys.readouterr().out
    assert cli.main([*args, "publish", "reference", str(config.forms_dir() / "reference")]) == 0
    assert cli.main([*args, "publish", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert [(row["version"], row["kind"]) for row in listed] == [(1, "form"), (2, "reference")]
