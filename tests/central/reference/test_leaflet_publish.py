"""The Responsible Authority updates the information leaflet: central publishes its words and
the national anti-trafficking line with the signed reference data, and the next leaflet the
workstation prints carries them — over real HTTP, with the real workstation store."""

from __future__ import annotations

from screening import config, paperwork
from screening.central.devices import enrolment
from screening.central.reference import publish as reference
from screening.sync import forms, service
from tests.central.reference.test_reference_sync import live, staff_side  # noqa: F401
from tests.unit.reports.helpers import squeeze, text


def test_a_published_leaflet_reaches_the_workstations_next_print(store, staff_side,  # noqa: F811
                                                                 live, tmp_path):  # noqa: F811
    service.enroll(store, live.url, enrolment.new_code(staff_side, "TIA", by="drita"))
    folder = tmp_path / "published"
    folder.mkdir()
    bundled = config.forms_dir() / "reference"
    for source in bundled.glob("*.yaml"):
        words = source.read_text(encoding="utf-8")
        if source.name == "leaflet.yaml":
            words = words.replace("Të drejtat tuaja", "Të drejtat tuaja sipas ligjit")
        if source.name == "help_lines.yaml":  # central staff fill the national line
            words = words.replace('number: ""', 'number: "TEST 0800"')
        (folder / source.name).write_text(words, encoding="utf-8")
    reference.publish_reference_dir(staff_side, folder, by="drita")

    report = service.sync_now(store)
    assert report.reference.applied == ["v1: reference"] and not report.reference.refused
    _form, in_use = forms.current(store.paths.root, forms.central_key(store))
    printed = squeeze(text(paperwork.leaflet(in_use).pdf))
    assert squeeze("Të drejtat tuaja sipas ligjit") in printed
    assert squeeze("TEST 0800 Linja kombëtare kundër trafikimit") in printed
