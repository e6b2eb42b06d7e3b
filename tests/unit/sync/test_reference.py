"""The workstation's side of reference data: only packages central signed are kept, a form or
folder this program cannot read is refused with the reason, the old data stays in use, new
interviews get the newest form and old interviews keep theirs, and a revocation stops sync."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import requests

from screening import config, crypto
from screening.errors import FormUnknownError
from screening.sync import forms, identity, packages, reference, wire
from screening.sync.transport import CentralClient, CentralRefusedError, CentralUnreachableError

CENTRAL = crypto.new_signing_key()
KEY = CENTRAL.public_key()
STANDARD = config.standard_form_path()


def form_text(version: str) -> str:
    return STANDARD.read_text(encoding="utf-8").replace('version: "2026.2"',
                                                        f'version: "{version}"', 1)


def reference_files(**changes: str) -> dict[str, str]:
    folder = config.forms_dir() / "reference"
    files = {n: (folder / n).read_text(encoding="utf-8") for n in packages.REFERENCE_FILES}
    return {**files, **changes}


def signed(version: int, kind: str, payload: dict, key=CENTRAL) -> dict:
    return packages.sign_package(version=version, kind=kind, published_at="2026-11-23T08:00",
                                 payload=payload, signing_key=key)


def form_package(version: int, form_version: str, text: str | None = None) -> dict:
    return signed(version, "form", {"form_id": "returnee_screening",
                                    "form_version": form_version,
                                    "yaml": text if text is not None else form_text(form_version)})


@pytest.fixture
def me(store) -> identity.Identity:
    device = crypto.new_signing_key()
    return identity.Identity("device-1", "TIA", "http://127.0.0.1:9", crypto.private_bytes(
        device), crypto.public_bytes(crypto.new_encryption_key()),
        crypto.public_bytes(CENTRAL))


def apply(store, *documents) -> reference.PullReport:
    report = reference.PullReport(version=reference.read_state(store.paths.root).version)
    reference.apply_documents(store.paths.root, list(documents),
                              CENTRAL.public_key(), report)
    return report


def test_before_any_pull_new_interviews_use_the_bundled_form(store):
    form, ref = forms.current(store.paths.root, KEY)
    assert (form.id, form.version) == ("returnee_screening", "2026.2")
    assert "TIA" in ref.checkpoints


def test_a_new_version_applies_to_new_interviews_only(store):
    started = store.start_interview("returnee_screening", "2026.2")
    report = apply(store, form_package(1, "2026.3"))
    assert report.applied == ["v1: form returnee_screening 2026.3"] and not report.refused
    assert forms.current(store.paths.root, KEY)[0].version == "2026.3"
    old = store.get_interview(started)
    catalogue = forms.workstation_catalogue(store.paths.root, KEY)
    assert catalogue.form(old.form_id, old.form_version).version == "2026.2"
    assert catalogue.form("returnee_screening", "2026.3").version == "2026.3"
    assert (store.paths.root / "reference" / "v1" / "package.json").exists()
    form, ref = forms.for_interview(store.paths.root, KEY, old.form_id, old.form_version)
    assert form.version == "2026.2" and "TIA" in ref.checkpoints
    with pytest.raises(FormUnknownError) as unknown:
        catalogue.form("returnee_screening", "1999.9")
    assert unknown.value.code == "form_unknown"


def test_a_tampered_package_is_refused_and_the_old_data_kept(store):
    apply(store, form_package(1, "2026.3"))
    tampered = form_package(2, "2026.4")
    tampered["payload"]["yaml"] += "\n# a change after signing\n"
    report = apply(store, tampered, form_package(3, "2026.5"))
    assert report.applied == [] and "signature" in report.refused[0]
    assert forms.current(store.paths.root, KEY)[0].version == "2026.3"
    assert reference.read_state(store.paths.root).version == 1  # asked for again next time
    assert not (store.paths.root / "reference" / "v2").exists()


def test_a_package_signed_by_another_key_is_refused(store):
    report = apply(store, signed(1, "reference", {"files": reference_files()},
                                 key=crypto.new_signing_key()))
    assert report.applied == [] and "signature" in report.refused[0]
    assert reference.read_state(store.paths.root).reference is None


def test_an_unparsable_form_is_refused_with_the_reason_and_passed_over(store):
    apply(store, form_package(1, "2026.3"))
    broken = form_package(2, "2026.4", form_text("2026.4").replace(
        "type: select_one", "type: select_something", 1))
    help_lines = reference_files()["help_lines.yaml"].replace("129", "112")
    report = apply(store, broken, signed(3, "reference", {
        "files": reference_files(**{"help_lines.yaml": help_lines})}))
    assert len(report.refused) == 1 and "cannot read the form" in report.refused[0]
    assert report.applied == ["v3: reference"]
    form, ref = forms.current(store.paths.root, KEY)
    assert form.version == "2026.3"  # the old form stays in use
    assert "112" in [h.number for h in ref.help_lines]
    state = reference.read_state(store.paths.root)
    assert state.version == 3 and "2" in state.refused


def test_a_reference_folder_this_program_cannot_read_is_refused(store):
    directory = reference_files()["referral_directory.yaml"].replace(
        "    type: shelter", "    type: hotel", 1)
    report = apply(store, signed(1, "reference", {
        "files": reference_files(**{"referral_directory.yaml": directory})}))
    assert "cannot read the reference data" in report.refused[0]
    assert reference.read_state(store.paths.root).reference is None
    assert not (store.paths.root / "reference" / "v1").exists()


def test_the_pointer_is_json_naming_complete_folders(store):
    apply(store, form_package(1, "2026.3"), signed(2, "reference", {"files": reference_files()}))
    pointer = json.loads((store.paths.root / "reference" / "current.json").read_text())
    assert pointer["form"] == 1 and pointer["reference"] == 2
    assert pointer["forms"] == {"returnee_screening@2026.3": 1}
    leftovers = [p.name for p in (store.paths.root / "reference").iterdir()
                 if p.name.startswith(".")]
    assert leftovers == []


def test_this_device_on_the_revocation_list_stops_sync(store, me, monkeypatch):
    listed = signed(1, "revocations", {"device_ids": [me.device_id, "another"]})
    monkeypatch.setattr(reference, "_fetch", lambda client, who, since: ([listed], 1, None))
    with pytest.raises(reference.DeviceRevokedError) as caught:
        reference.pull(store, object(), me)
    assert caught.value.code == "device_revoked" and me.device_id in caught.value.message
    # remembered in the store: the next sync stops before contacting central
    with pytest.raises(reference.DeviceRevokedError):
        reference.check_not_revoked(store, me)


def test_another_device_on_the_revocation_list_is_only_noted(store, me, monkeypatch):
    listed = signed(1, "revocations", {"device_ids": ["another"]})
    monkeypatch.setattr(reference, "_fetch", lambda client, who, since: (
        [listed] if since == 0 else [], 1, None))
    report = reference.pull(store, object(), me)
    assert report.applied == ["v1: revocations"]
    assert reference.read_state(store.paths.root).revoked == ("another",)
    reference.check_not_revoked(store, me)


def test_a_pull_request_is_signed_by_the_device(me):
    headers = packages.sign_request(me.device_id, 4, me.signer(),
                                    dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC))
    body = packages.request_body(me.device_id, 4, headers[packages.TIME_HEADER])
    crypto.verify(me.signer().public_key(),
                  packages.wire.b64d(headers[packages.SIGNATURE_HEADER], "sig"), body)


def response(status: int, body: bytes) -> requests.Response:
    answer = requests.Response()
    answer.status_code, answer._content = status, body
    return answer


def test_a_portal_page_is_retried_and_a_refusal_is_not(store, me):
    client = CentralClient("http://127.0.0.1:9", sleep=lambda s: None)
    answers = [response(200, b"<html>Welcome to the hotel wifi</html>"),
               response(200, json.dumps(packages.build_list([form_package(1, "2026.3")], 1))
                        .encode())]
    asked = []

    def get(url, **kwargs):
        asked.append(kwargs["headers"][packages.DEVICE_HEADER])
        return answers.pop(0)

    client.session.get = get
    assert reference.pull(store, client, me).applied == ["v1: form returnee_screening 2026.3"]
    assert asked == [me.device_id, me.device_id]
    client.session.get = lambda url, **kwargs: response(401, json.dumps(wire.build_refusal(
        "signature_invalid", "no", kwargs["headers"][wire.NONCE_HEADER], CENTRAL)).encode())
    with pytest.raises(CentralRefusedError) as caught:
        reference.pull(store, client, me)
    assert caught.value.code == "signature_invalid"


def test_a_revocation_nobody_signed_is_retried_and_changes_nothing(store, me):
    client = CentralClient("http://127.0.0.1:9", sleep=lambda s: None)
    forged = [json.dumps({"error": "device_revoked", "message": "x"}).encode(),
              json.dumps(wire.build_refusal("device_revoked", "x", "n" * 20,
                                            crypto.new_signing_key())).encode(),
              json.dumps(wire.build_refusal("device_revoked", "x", "recorded-for-another-one",
                                            CENTRAL)).encode()]
    asked = []

    def get(url, **kwargs):
        asked.append(url)
        return response(403, forged[len(asked) % len(forged)])

    client.session.get = get
    with pytest.raises(CentralUnreachableError):
        reference.pull(store, client, me)
    assert len(asked) == client.retry.attempts
    reference.check_not_revoked(store, me)  # nothing was remembered


@pytest.mark.parametrize("value", ['"\\ud800"', "NaN"])
def test_a_package_canonical_json_cannot_write_is_refused_not_a_crash(value):
    doc = {**packages.sign_package(version=1, kind="revocations", published_at="t",
                                   payload={"device_ids": []}, signing_key=CENTRAL),
           "extra": json.loads(value)}
    with pytest.raises(packages.wire.WireError) as caught:
        packages.verify_package(doc, CENTRAL.public_key())
    assert caught.value.code == "package_malformed"


# -- what is on disk is checked each time it is loaded (the red team's hand-written form) -------

def write_by_hand(store, folder: str, files: dict[str, str], pointer: dict) -> None:
    base = store.paths.root / "reference"
    (base / folder).mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (base / folder / name).write_text(text, encoding="utf-8")
    (base / "current.json").write_text(json.dumps(pointer), encoding="utf-8")


HAND_WRITTEN = {"version": 999, "form": 999, "reference": None,
                "forms": {"returnee_screening@2026.3": 1, "returnee_screening@2099.1": 999},
                "revoked": [], "refused": {}}


@pytest.mark.parametrize(("package", "why"), [
    (None, "central's signed package is missing"),
    (lambda: form_package(999, "2099.1") | {"signature": wire.b64e(b"\0" * 64)},
     "not signed by central"),
    (lambda: signed(999, "form", {"form_id": "returnee_screening", "form_version": "2099.1",
                                  "yaml": form_text("2099.1")}, key=crypto.new_signing_key()),
     "not signed by central"),
    (lambda: form_package(1, "2026.3"), "its signed package is v1, not v999")])
def test_a_hand_written_pointer_and_form_are_refused_and_the_verified_one_kept(store, package,
                                                                               why):
    apply(store, form_package(1, "2026.3"))
    files = {"form.yaml": form_text("2099.1")}
    if package is not None:
        files["package.json"] = json.dumps(package())
    write_by_hand(store, "v999", files, HAND_WRITTEN)
    assert forms.current(store.paths.root, KEY)[0].version == "2026.3"
    (problem,) = forms.problems(store.paths.root, KEY)
    assert problem.startswith("reference/v999: ") and why in problem
    assert "the last version central signed stays in use" in problem
    with pytest.raises(FormUnknownError):  # an interview claiming the forged version
        forms.workstation_catalogue(store.paths.root, KEY).form("returnee_screening", "2099.1")


def test_a_pointer_written_over_with_nothing_verified_falls_back_to_the_bundled_form(store):
    write_by_hand(store, "v999", {"form.yaml": form_text("2099.1")}, HAND_WRITTEN)
    assert forms.current(store.paths.root, KEY)[0].version == "2026.2"
    assert forms.problems(store.paths.root, KEY)


def test_a_damaged_pointer_keeps_the_last_verified_form(store):
    apply(store, form_package(1, "2026.3"))
    (store.paths.root / "reference" / "current.json").write_text("{not json")
    assert forms.current(store.paths.root, KEY)[0].version == "2026.3"
    assert "damaged" in forms.problems(store.paths.root, KEY)[0]


def test_a_form_file_changed_after_download_is_not_what_is_used(store):
    apply(store, form_package(1, "2026.3"))
    path = store.paths.root / "reference" / "v1" / "form.yaml"
    path.write_text(form_text("2026.3").replace("ind_recruit_debt", "ind_recruit_dept"),
                    encoding="utf-8")
    form = forms.current(store.paths.root, KEY)[0]
    assert form.version == "2026.3" and "ind_recruit_debt" in form.questions


def test_reference_files_changed_by_hand_are_refused_and_the_previous_folder_kept(store):
    apply(store, signed(1, "reference", {"files": reference_files()}))
    lines = reference_files()["help_lines.yaml"].replace("129", "112")
    apply(store, signed(2, "reference", {"files": reference_files(**{"help_lines.yaml": lines})}))
    assert "112" in [h.number for h in forms.current(store.paths.root, KEY)[1].help_lines]
    (store.paths.root / "reference" / "v2" / "help_lines.yaml").write_text(
        reference_files()["help_lines.yaml"].replace("129", "999"), encoding="utf-8")
    numbers = [h.number for h in forms.current(store.paths.root, KEY)[1].help_lines]
    assert "999" not in numbers and "112" not in numbers  # v1, as central signed it
    assert "changed after central signed them" in forms.problems(store.paths.root, KEY)[0]


def test_without_central_s_key_only_what_the_program_ships_is_used(store):
    apply(store, form_package(1, "2026.3"))
    assert forms.current(store.paths.root, None)[0].version == "2026.2"
    assert forms.central_key(store) is None  # not enrolled


def test_the_leaflet_travels_with_the_reference_data_and_may_be_absent(store):
    leaflet = (config.forms_dir() / "reference" / "leaflet.yaml").read_text(encoding="utf-8")
    # an older central publishes no leaflet: accepted, and the bundled words are printed
    report = apply(store, signed(1, "reference", {"files": reference_files()}))
    assert report.applied == ["v1: reference"]
    assert forms.current(store.paths.root, KEY)[1].leaflet == ()
    changed = leaflet.replace("Të drejtat tuaja", "Të drejtat tuaja, sipas ligjit")
    report = apply(store, signed(2, "reference", {
        "files": reference_files(**{"leaflet.yaml": changed})}))
    assert report.applied == ["v2: reference"]
    [rights] = [s for s in forms.current(store.paths.root, KEY)[1].leaflet if s.id == "rights"]
    assert rights.heading["sq"] == "Të drejtat tuaja, sipas ligjit"
    # any other file is still refused, and a leaflet without English too
    for version, files in enumerate((
            reference_files(**{"../escape.yaml": "x: 1"}),
            reference_files(**{"leaflet.yaml": changed.replace("en: \"Your rights\"",
                                                               "fr: \"Vos droits\"")})), 3):
        report = apply(store, signed(version, "reference", {"files": files}))
        assert report.applied == [] and report.refused, files.keys()
    [rights] = [s for s in forms.current(store.paths.root, KEY)[1].leaflet if s.id == "rights"]
    assert rights.heading["sq"] == "Të drejtat tuaja, sipas ligjit"  # the old data stays
