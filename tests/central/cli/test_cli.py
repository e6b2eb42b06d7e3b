"""``screening-central`` as an operator runs it: real processes, a real SQLite file (and
PostgreSQL where the command touches ingest), messages instead of tracebacks."""

from __future__ import annotations

import json
import stat
import subprocess

import pytest

from screening import crypto
from screening.sync import wire
from tests.central.live import run_cli
from tests.unit.sync.batches import Workstation, interview


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def failed(result: subprocess.CompletedProcess[str], code: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and f"[{code}]" in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def home(tmp_path):
    return tmp_path / "central"


@pytest.fixture
def sqlite_url(home):
    return f"sqlite:///{home / 'central.db'}"


def test_migrate_makes_private_keys_and_database(home, sqlite_url):
    out = ok(run_cli(home, sqlite_url, "migrate"))
    assert "newest schema" in out
    for path in (home / "keys" / "signing.key", home / "keys" / "encryption.key",
                 home / "central.db"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    signing = (home / "keys" / "signing.key").read_bytes()
    ok(run_cli(home, sqlite_url, "migrate"))
    assert (home / "keys" / "signing.key").read_bytes() == signing  # made once, kept


def test_a_readable_key_file_is_refused(home, sqlite_url):
    ok(run_cli(home, sqlite_url, "migrate"))
    (home / "keys" / "signing.key").chmod(0o644)
    failed(run_cli(home, sqlite_url, "devices", "list"), "key_permissions")


def test_staff_add_stores_an_argon2id_hash(home, sqlite_url):
    from argon2 import PasswordHasher
    from sqlalchemy import create_engine, text

    env = {"SCREENING_CENTRAL_PASSWORD": "a long staff password"}
    ok(run_cli(home, sqlite_url, "staff", "add", "drita", env=env))
    failed(run_cli(home, sqlite_url, "staff", "add", "drita", env=env), "staff_exists")
    failed(run_cli(home, sqlite_url, "staff", "add", "ben",
                   env={"SCREENING_CENTRAL_PASSWORD": "short"}), "password_weak")
    with create_engine(sqlite_url).connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM staff")).scalar_one()
    assert stored.startswith("$argon2id$")
    assert PasswordHasher().verify(stored, "a long staff password")


def test_staff_are_limited_to_checkpoints_and_set_free_again(home, sqlite_url):
    from sqlalchemy import create_engine, text

    env = {"SCREENING_CENTRAL_PASSWORD": "a long staff password"}
    out = ok(run_cli(home, sqlite_url, "staff", "add", "tia", "--checkpoint", "tia",
                     "--checkpoint", "KKV", env=env))
    assert "sees only KKV, TIA" in out
    answer = failed(run_cli(home, sqlite_url, "staff", "add", "x", "--checkpoint", "../TIA",
                            env=env), "checkpoint_unknown")
    assert "'../TIA'" in answer and "TIA" in answer.split("codes are")[1]
    failed(run_cli(home, sqlite_url, "staff", "checkpoints", "nobody", "--all"),
           "staff_unknown")
    assert "sees every checkpoint" in ok(run_cli(home, sqlite_url, "staff", "checkpoints",
                                                 "tia", "--all"))
    assert "sees only TIA" in ok(run_cli(home, sqlite_url, "staff", "checkpoints", "tia",
                                         "--checkpoint", "TIA"))
    with create_engine(sqlite_url).connect() as conn:
        held = conn.execute(text("SELECT checkpoint FROM staff_checkpoints")).scalars().all()
        events = conn.execute(text("SELECT subject FROM console_events WHERE action LIKE "
                                   "'staff_%' ORDER BY id")).scalars().all()
        names = conn.execute(text("SELECT name FROM staff")).scalars().all()
    assert held == ["TIA"] and names == ["tia"]  # the refused account was not added
    assert events == ["tia (viewer) limited to KKV, TIA", "tia (every checkpoint)",
                      "tia limited to TIA"]


def _code(home, url, checkpoint="TIA") -> str:
    return ok(run_cli(home, url, "enrolment-code", checkpoint)).split(": ", 1)[1].split()[0]


def _enrol(home, url) -> Workstation:
    from screening.central import settings
    from screening.central.devices import enrolment
    from screening.central.service import open_central

    central = open_central(settings.Settings(home, url), migrate=False)
    try:
        key = crypto.new_signing_key()
        request = wire.parse_enrol_request(wire.build_enrol_request(_code(home, url), key))
        response = enrolment.enrol(central, request)
    finally:
        central.close()
    return Workstation(response.device_id, key,
                       crypto.load_recipient_key(response.encryption_key))


@pytest.fixture(params=["sqlite", "postgresql"])
def any_url(request, sqlite_url):
    if request.param == "sqlite":
        return sqlite_url
    return request.getfixturevalue("postgres_cluster").new_database()


def test_import_a_batch_file_then_list_devices_and_interviews(home, any_url, tmp_path):
    ok(run_cli(home, any_url, "migrate"))
    station = _enrol(home, any_url)
    records = [interview(), interview()]
    batch = tmp_path / "batch-1.rsb"
    batch.write_bytes(station.batch(records, sequence=2))
    out = ok(run_cli(home, any_url, "import", str(batch)))
    assert "accepted: 2 stored" in out
    assert ok(run_cli(home, any_url, "import", str(batch))) == out  # the same receipt
    held = json.loads(ok(run_cli(home, any_url, "interviews", "list", "--json")))
    assert sorted(row["id"] for row in held) == sorted(r["id"] for r in records)
    assert "given_name" not in json.dumps(held)  # the listing carries no answers
    devices = json.loads(ok(run_cli(home, any_url, "devices", "list", "--json")))
    assert [(d["id"], d["batches"], d["missing_batches"]) for d in devices] == [
        (station.device_id, 1, 1)]
    assert "1 batch(es) missing" in ok(run_cli(home, any_url, "devices", "list"))


def test_import_refuses_like_the_http_path(home, sqlite_url, tmp_path):
    ok(run_cli(home, sqlite_url, "migrate"))
    station = _enrol(home, sqlite_url)
    ok(run_cli(home, sqlite_url, "devices", "revoke", station.device_id))
    assert "already revoked" in ok(run_cli(home, sqlite_url, "devices", "revoke",
                                           station.device_id))
    batch = tmp_path / "batch.rsb"
    batch.write_bytes(station.batch([interview()]))
    failed(run_cli(home, sqlite_url, "import", str(batch)), "device_revoked")
    batch.write_bytes(b"not a batch")
    failed(run_cli(home, sqlite_url, "import", str(batch)), "envelope_malformed")
    failed(run_cli(home, sqlite_url, "import", str(tmp_path / "missing.rsb")),
           "file_unreadable")
    failed(run_cli(home, sqlite_url, "devices", "revoke", "nope"), "device_unknown")
    assert json.loads(ok(run_cli(home, sqlite_url, "interviews", "list", "--json"))) == []


def test_import_refuses_a_file_over_the_size_limit(home, sqlite_url, tmp_path):
    ok(run_cli(home, sqlite_url, "migrate"))
    big = tmp_path / "big.rsb"
    big.write_bytes(b"\0" * 2048)
    failed(run_cli(home, sqlite_url, "import", str(big),
                   env={"SCREENING_CENTRAL_MAX_BATCH": "1024"}), "batch_too_large")


@pytest.mark.parametrize("url", ["nonsense://", "postgresql+psycopg://nobody@127.0.0.1:1/x"])
def test_a_bad_database_url_is_a_message(home, url):
    result = run_cli(home, url, "devices", "list", timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error:")


def test_serve_with_half_the_tls_options_is_refused(home, sqlite_url):
    failed(run_cli(home, sqlite_url, "serve", "--port", "0", "--tls-cert", "c.pem"),
           "tls_incomplete")


def test_no_command_prints_help(home, sqlite_url):
    assert "enrolment-code" in ok(run_cli(home, sqlite_url))


def test_serve_on_a_port_in_use_is_a_message(home, sqlite_url):
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = str(taken.getsockname()[1])
        failed(run_cli(home, sqlite_url, "serve", "--port", port), "listen_failed")


@pytest.mark.parametrize("hours", ["1000000", "inf", "nan", "0", "-3", "337"])
def test_an_enrolment_code_is_valid_for_14_days_at_most(home, sqlite_url, hours):
    ok(run_cli(home, sqlite_url, "migrate"))
    answer = failed(run_cli(home, sqlite_url, "enrolment-code", "rinas", "--hours", hours),
                    "code_validity_invalid")
    assert "internal" not in answer
    ok(run_cli(home, sqlite_url, "enrolment-code", "rinas", "--hours", "336"))


def test_staff_add_without_a_terminal_or_a_password_says_so(home, sqlite_url):
    ok(run_cli(home, sqlite_url, "migrate"))
    answer = failed(run_cli(home, sqlite_url, "staff", "add", "drita"), "password_missing")
    assert "SCREENING_CENTRAL_PASSWORD" in answer and "EOFError" not in answer
