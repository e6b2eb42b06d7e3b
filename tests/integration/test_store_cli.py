"""The store's commands run as a person runs them: a real process, a real SQLCipher store, the
standard Argon2 cost. From ``init`` to ``audit verify``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from screening.store.keyslots import KeySlots, account_slot
from tests.answer_sets import adult_no_indicators
from tests.conftest import ROOT

SUP, SUP_PW = "sara", "sara-password-1"
OFF, OFF_PW = "olsi", "olsi-password-1"


def run(data_dir: Path, *args: str, password: str = SUP_PW, new_password: str | None = None,
        extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCREENING_")}
    env["SCREENING_PASSWORD"] = password
    if new_password is not None:
        env["SCREENING_NEW_PASSWORD"] = new_password
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "screening", "--data-dir", str(data_dir),
                           *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=env, stdin=subprocess.DEVNULL, start_new_session=True)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def fails(result: subprocess.CompletedProcess[str], text: str) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert text in result.stderr + result.stdout, result.stderr + result.stdout
    return result.stderr


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One store for the module: init, an officer, a paper import with marker names."""
    data_dir = tmp_path_factory.mktemp("cli") / "data"
    out = ok(run(data_dir, "init", "--checkpoint", "KKV", "--user", SUP))
    code = next(line.strip() for line in out.splitlines() if line.strip().count("-") == 7)
    ok(run(data_dir, "users", "add", OFF, "--role", "officer", "--as", SUP,
           new_password=OFF_PW))
    markers = [f"Mk{uuid.uuid4().hex[:10]}" for _ in range(4)]
    records = [adult_no_indicators(given_name=markers[0], family_name=markers[1]),
               {"consent_interview": "maybe"},
               "not an object",
               adult_no_indicators(given_name=markers[2], other_names=markers[3])]
    paper = data_dir.parent / "paper.json"
    paper.write_text(json.dumps(records), encoding="utf-8")
    result = run(data_dir, "interviews", "import", str(paper), "--as", OFF, password=OFF_PW)
    paper.unlink()  # the paper file holds names; it is the test's, not the store's
    return {"dir": data_dir, "code": code, "markers": markers, "import": result}


def test_a_second_init_is_refused(store):
    fails(run(store["dir"], "init", "--checkpoint", "TIR", "--user", "x"), "already exists")


def test_bad_records_are_reported_by_index_and_the_rest_imported(store):
    result = store["import"]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("record 0: imported as ")
    assert lines[1].startswith("record 1: not imported: consent_interview")
    assert lines[2].startswith("record 2: not imported: ")
    assert lines[3].startswith("record 3: imported as ")
    assert lines[-1] == "imported 2 of 4 record(s)"


def test_list_show_and_roles(store):
    listing = json.loads(ok(run(store["dir"], "interviews", "list", "--json", "--as", OFF,
                                password=OFF_PW)))
    assert len(listing) == 2 and {i["officer"] for i in listing} == {OFF}
    shown = json.loads(ok(run(store["dir"], "interviews", "show", listing[0]["id"],
                              "--as", SUP)))
    assert shown["status"] == "finalised" and shown["assessment"]["outcome"]
    text = ok(run(store["dir"], "interviews", "list", "--as", SUP, "--search",
                  store["markers"][0]))
    assert len(text.splitlines()) == 1 and store["markers"][0] in text
    fails(run(store["dir"], "users", "list", "--as", OFF, password=OFF_PW), "supervisor")
    fails(run(store["dir"], "interviews", "show", "no-such-id", "--as", OFF, password=OFF_PW),
          "no interview")


def test_wrong_password_and_unknown_user_look_the_same(store):
    wrong = fails(run(store["dir"], "interviews", "list", "--as", OFF, password="nope-nope"),
                  "wrong user name or password")
    unknown = fails(run(store["dir"], "interviews", "list", "--as", "ghost"),
                    "wrong user name or password")
    assert wrong == unknown


def test_no_password_and_no_terminal_is_a_message(store):
    # a new session has no controlling terminal, so getpass falls back to the empty stdin
    result = subprocess.run([sys.executable, "-m", "screening", "--data-dir", str(store["dir"]),
                             "users", "list", "--as", SUP], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, stdin=subprocess.DEVNULL,
                            start_new_session=True,
                            env={k: v for k, v in os.environ.items()
                                 if not k.startswith("SCREENING_")})
    fails(result, "SCREENING_PASSWORD")


def test_audit_verify_then_backup_that_opens_with_the_same_accounts(store):
    assert "audit log intact" in ok(run(store["dir"], "audit", "verify", "--as", SUP))
    dest = store["dir"].parent / "backup"
    ok(run(store["dir"], "backup", str(dest), "--as", SUP))
    listing = json.loads(ok(run(dest, "interviews", "list", "--json", "--as", OFF,
                                password=OFF_PW)))
    assert len(listing) == 2
    assert "database integrity: ok" in ok(run(dest, "audit", "verify", "--as", SUP))
    fails(run(store["dir"], "backup", str(dest), "--as", SUP), "not empty")


def test_no_marker_in_any_file_under_the_data_folder(store):
    ok(run(store["dir"], "backup", str(store["dir"] / "backups" / "b2"), "--as", SUP))
    files = [p for p in store["dir"].rglob("*") if p.is_file()]
    assert any(p.name == "keyslots.json" for p in files)
    for path in files:
        content = path.read_bytes()
        for marker in store["markers"]:
            assert marker.encode() not in content, (path, marker)
        if path.suffix == ".db":
            assert not content.startswith(b"SQLite format 3"), path


def test_users_passwd_disable_and_recovery(tmp_path, store):
    data_dir = tmp_path / "data"
    code = ok(run(data_dir, "init", "--checkpoint", "KKV", "--user", SUP)).split()[-1]
    ok(run(data_dir, "users", "add", OFF, "--role", "officer", "--as", SUP,
           new_password=OFF_PW))
    ok(run(data_dir, "users", "passwd", "--as", OFF, password=OFF_PW,
           new_password="olsi-new-pass"))
    fails(run(data_dir, "interviews", "list", "--as", OFF, password=OFF_PW), "wrong user")
    ok(run(data_dir, "interviews", "list", "--as", OFF, password="olsi-new-pass"))
    ok(run(data_dir, "users", "passwd", OFF, "--as", SUP, new_password="reset-by-sara"))
    ok(run(data_dir, "interviews", "list", "--as", OFF, password="reset-by-sara"))
    assert "new data keys for 1 account(s)" in ok(run(data_dir, "users", "rekey", OFF,
                                                      "--as", SUP))
    fails(run(data_dir, "users", "rekey", "nobody", "--as", SUP), "nobody")
    fails(run(data_dir, "users", "rekey", "--as", OFF, password="reset-by-sara"),
          "supervisor")
    ok(run(data_dir, "users", "disable", OFF, "--as", SUP))
    fails(run(data_dir, "interviews", "list", "--as", OFF, password="reset-by-sara"),
          "disabled")
    assert "disabled" in ok(run(data_dir, "users", "list", "--as", SUP))
    fails(run(data_dir, "recover", "--user", SUP, new_password="after-recovery",
              extra_env={"SCREENING_RECOVERY_CODE": "AAAAA-BBBBB"}), "wrong recovery code")
    ok(run(data_dir, "recover", "--user", SUP, new_password="after-recovery",
           extra_env={"SCREENING_RECOVERY_CODE": code.lower()}))
    fails(run(data_dir, "users", "list", "--as", SUP), "wrong user")
    ok(run(data_dir, "users", "list", "--as", SUP, password="after-recovery"))


def test_tampering_with_the_audit_log_is_found(tmp_path):
    data_dir = tmp_path / "data"
    ok(run(data_dir, "init", "--checkpoint", "KKV", "--user", SUP))
    ok(run(data_dir, "users", "add", OFF, "--role", "officer", "--as", SUP,
           new_password=OFF_PW))
    _tamper(data_dir, "UPDATE audit SET action = 'nothing_happened' WHERE seq = 2")
    out = run(data_dir, "audit", "verify", "--as", SUP)
    assert out.returncode == 1 and "BROKEN at entry 2" in out.stdout


def _tamper(data_dir: Path, statement: str) -> None:
    from screening.store import connection

    key = KeySlots.load(data_dir / "keyslots.json").unwrap(account_slot(SUP), SUP_PW)
    conn = connection.open_database(data_dir / "store.db", key)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute(statement)
    conn.close()


def test_a_damaged_database_is_a_clear_message_not_a_new_store(tmp_path):
    data_dir = tmp_path / "data"
    ok(run(data_dir, "init", "--checkpoint", "KKV", "--user", SUP))
    db = data_dir / "store.db"
    content = bytearray(db.read_bytes())
    content[200] ^= 0x01
    db.write_bytes(bytes(content))
    fails(run(data_dir, "users", "list", "--as", SUP), "the database is damaged")
    fails(run(data_dir, "init", "--checkpoint", "KKV", "--user", SUP), "already exists")
    assert db.read_bytes() == bytes(content)


def test_the_data_folder_comes_from_the_option_in_either_place_or_screening_home(store):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCREENING_")}
    env["SCREENING_PASSWORD"] = SUP_PW
    for args, extra in ((["users", "list", "--as", SUP, "--data-dir", str(store["dir"])], {}),
                        (["users", "list", "--as", SUP], {"SCREENING_HOME": str(store["dir"])})):
        result = subprocess.run([sys.executable, "-m", "screening", *args], cwd=ROOT,
                                capture_output=True, text=True, timeout=60,
                                env={**env, **extra}, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        assert OFF in ok(result)
