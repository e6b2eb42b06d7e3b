"""Central served over TLS: the client trusts exactly the private CA it got at enrolment."""

from __future__ import annotations

import pytest

from screening import crypto
from screening.sync.transport import (
    CentralClient,
    CentralRefusedError,
    CentralUnreachableError,
    RetryPolicy,
)
from tests.central.live import LiveCentral
from tests.central.tlscerts import make_ca_and_server
from tests.unit.sync.batches import Workstation, interview


@pytest.fixture(scope="module")
def tls_central(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    ca, cert, key = make_ca_and_server(folder / "pki")
    server = LiveCentral(folder / "central", f"sqlite:///{folder / 'central.db'}",
                         tls=(cert, key), verify=str(ca))
    yield server, ca, folder
    # Killed, not stopped: uvicorn's graceful shutdown waits out the handshakes the refused
    # clients abandoned.
    server.kill()
    server.stop()


def test_the_url_is_https_and_the_private_ca_is_trusted(tls_central):
    server, ca, _ = tls_central
    assert server.url.startswith("https://127.0.0.1:")
    client = CentralClient(server.url, verify=str(ca))
    try:
        with pytest.raises(CentralRefusedError) as caught:  # central answered: TLS worked
            client.enrol("WRONG", crypto.new_signing_key())
        assert caught.value.code == "enrolment_code_invalid"
    finally:
        client.close()


@pytest.mark.parametrize("trust", ["system", "other"])
def test_a_certificate_from_another_ca_is_not_trusted(tls_central, trust, monkeypatch):
    server, ca, folder = tls_central
    verify: str | bool = True  # the system's public CAs
    if trust == "other":
        # An environment that trusts central's CA must not widen what a pinned client trusts
        # (requests lets REQUESTS_CA_BUNDLE override Session.verify, not a per-request path).
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca))
        verify = str(make_ca_and_server(folder / "other", "Impostor CA")[0])
    client = CentralClient(server.url, verify=verify, retry=RetryPolicy(attempts=1))
    station = Workstation("d", crypto.new_signing_key(), crypto.new_encryption_key().public_key())
    try:
        with pytest.raises(CentralUnreachableError) as caught:
            client.send_batch(station.batch([interview()]), crypto.new_signing_key().public_key())
    finally:
        client.close()
    assert "certificate" in caught.value.message


def test_enrolment_with_the_ca_file_then_sync_over_tls(tls_central, tmp_path):
    from screening.central import settings
    from screening.central.devices import enrolment
    from screening.central.service import open_central
    from screening.store.session import StoreSession
    from screening.sync import service
    from tests.answer_sets import adult_no_indicators
    from tests.unit.store.helpers import SUPERVISOR, SUPERVISOR_PW, TEST_KDF

    server, ca, _ = tls_central
    staff_side = open_central(settings.Settings(server.data_dir, server.db_url), migrate=False)
    store, _ = StoreSession.initialise(tmp_path / "store", "TIA", SUPERVISOR, SUPERVISOR_PW,
                                       kdf=TEST_KDF)
    try:
        code = enrolment.new_code(staff_side, "TIA", by="drita")
        me = service.enroll(store, server.url, code, ca)
        assert me.ca_bundle == ca.read_text()
        interview_id = store.import_finalised(adult_no_indicators())
        assert len(service.sync_now(store).acknowledged) == 1
        assert store.get_interview(interview_id).acknowledged_at is not None
    finally:
        store.close()
        staff_side.close()


def test_over_tls_central_tells_browsers_to_use_nothing_else(tls_central):
    import requests

    server, ca, _ = tls_central
    for path in ("/v1/health", "/v1/nowhere", "/console/login"):
        answer = requests.get(f"{server.url}{path}", verify=str(ca), timeout=30)
        assert answer.headers["strict-transport-security"] == "max-age=31536000", path


def test_a_certificate_pinned_at_enrolment_is_trusted_and_no_other(tls_central, tmp_path):
    from screening.sync.transport import peer_certificate

    server, ca, _ = tls_central
    pinned = tmp_path / "pinned.pem"
    pinned.write_text(peer_certificate(server.url, str(ca)))
    assert "BEGIN CERTIFICATE" in pinned.read_text() and pinned.read_text() != ca.read_text()
    client = CentralClient(server.url, verify=str(pinned))
    try:
        with pytest.raises(CentralRefusedError):  # central answered: the pin held
            client.enrol("WRONG", crypto.new_signing_key())
    finally:
        client.close()
    _, other, _ = make_ca_and_server(tmp_path / "other")  # same name, another key and CA
    client = CentralClient(server.url, verify=str(other))
    try:
        with pytest.raises(CentralUnreachableError):
            client.enrol("WRONG", crypto.new_signing_key())
    finally:
        client.close()
