"""End to end over real HTTP (uvicorn on loopback, SQLite and PostgreSQL): central publishes a
form version and a directory change, the workstation's ``sync_now`` sends its interviews and
pulls them, new interviews get the new version while an old one keeps its own, and revoking
the device stops its sync with a clear message."""

from __future__ import annotations

import pytest

from screening.central import settings
from screening.central.clock import utc_now
from screening.central.devices import enrolment
from screening.central.devices import queries as devices
from screening.central.reference import publish as reference
from screening.central.service import open_central
from screening.sync import forms, service
from screening.sync import reference as workstation
from tests.answer_sets import adult_no_indicators
from tests.central.live import LiveCentral
from tests.central.reference.test_publish import form_text
from tests.unit.sync.test_reference import reference_files


@pytest.fixture
def live(tmp_path, database_url):
    server = LiveCentral(tmp_path / "central", database_url)
    yield server
    server.stop()


@pytest.fixture
def staff_side(live):
    central = open_central(settings.Settings(live.data_dir, live.db_url), migrate=False)
    yield central
    central.close()


def publish_directory_change(central, tmp_path) -> None:
    folder = tmp_path / "published"
    folder.mkdir()
    for name, text in reference_files().items():
        (folder / name).write_text(text.replace('"129"', '"112"'), encoding="utf-8")
    reference.publish_reference_dir(central, folder, by="drita")


def test_a_sync_pulls_new_versions_for_new_interviews_only(store, staff_side, live, tmp_path):
    service.enroll(store, live.url, enrolment.new_code(staff_side, "TIA", by="drita"))
    old_draft = store.get_interview(store.start_interview("returnee_screening", "2026.2"))
    store.import_finalised(adult_no_indicators())
    reference.publish_form_text(staff_side, form_text("2026.3"), by="drita")
    publish_directory_change(staff_side, tmp_path)

    report = service.sync_now(store)
    assert len(report.acknowledged) == 1
    assert report.reference.applied == ["v1: form returnee_screening 2026.3", "v2: reference"]
    assert not report.reference.refused
    form, ref = forms.current(store.paths.root, forms.central_key(store))
    assert form.version == "2026.3" and "112" in [h.number for h in ref.help_lines]
    kept = forms.workstation_catalogue(store.paths.root, forms.central_key(store)).form(
        old_draft.form_id, old_draft.form_version)
    assert kept.version == "2026.2"

    again = service.sync_now(store)
    assert again.reference.applied == [] and again.reference.version == 2


@pytest.mark.parametrize("pending", [True, False], ids=["refused-upload", "refused-pull"])
def test_revoking_the_device_stops_its_sync(store, staff_side, live, pending):
    me = service.enroll(store, live.url, enrolment.new_code(staff_side, "TIA", by="drita"))
    service.sync_now(store)
    with staff_side.engine.begin() as conn:
        devices.revoke(conn, me.device_id, utc_now())
    if pending:  # central refuses the batch first; else the pull is what it refuses
        store.import_finalised(adult_no_indicators())
    with pytest.raises(workstation.DeviceRevokedError) as caught:
        service.sync_now(store)
    assert "revoked" in caught.value.message and "enrolled again" in caught.value.message

    def no_contact(url, verify):
        raise AssertionError("a revoked workstation must not contact central")

    with pytest.raises(workstation.DeviceRevokedError):
        service.sync_now(store, client_factory=no_contact)
