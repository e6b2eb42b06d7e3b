"""Crash safety: a child process autosaves answers and is killed with SIGKILL at random moments;
after every kill the store passes both integrity checks and holds every answer the child
reported as saved (docs/design.md §4: a crash loses nothing the officer already moved past)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from screening.store import connection, interviews
from screening.store.keyring import Keyring
from screening.store.keyslots import KeySlots, account_slot
from screening.store.session import StoreSession
from tests.unit.store.helpers import OFFICER, OFFICER_PW, SUPERVISOR, SUPERVISOR_PW, TEST_KDF

ROUNDS = 50
ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("store_crash_child.py")


def run_and_kill(data_dir: Path, interview_id: str, round_no: int, kill_after: int) -> dict:
    """Start the child, kill it after it printed ``kill_after`` lines; the answers it saved."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), interview_id,
                              str(round_no)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=env)
    saved = {}
    try:
        for _ in range(kill_after):
            line = child.stdout.readline()
            if not line:
                break
            if line.startswith("saved "):
                _, question, value = line.split()
                saved[question] = int(value)
    finally:
        child.send_signal(signal.SIGKILL)
        rest, errors = child.communicate(timeout=30)
    # lines printed between our last read and the kill were saved too
    for line in rest.splitlines():
        if line.startswith("saved "):
            _, question, value = line.split()
            saved[question] = int(value)
    assert child.returncode == -signal.SIGKILL, errors
    return saved


@pytest.mark.slow
def test_answers_survive_sigkill_at_random_moments(tmp_path):
    data_dir = tmp_path / "data"
    supervisor, _ = StoreSession.initialise(data_dir, "KKV", SUPERVISOR, SUPERVISOR_PW,
                                            kdf=TEST_KDF)
    supervisor.add_user(OFFICER, "officer", OFFICER_PW)
    supervisor.close()
    with StoreSession.login(data_dir, OFFICER, OFFICER_PW, kdf=TEST_KDF) as officer:
        interview_id = officer.start_interview("returnee_screening", "1")
    opened = KeySlots.load(data_dir / "keyslots.json").open(account_slot(OFFICER), OFFICER_PW)
    key = opened.master_key
    rng = random.Random(os.environ.get("CRASH_SEED", "20261123"))
    expected: dict[str, int] = {}
    for round_no in range(ROUNDS):
        # 0 kills the child while it is still starting up and logging in
        expected.update(run_and_kill(data_dir, interview_id, round_no, rng.randint(0, 30)))
        conn = connection.open_database(data_dir / "store.db", key)
        try:
            assert connection.integrity_problems(conn) == [], f"round {round_no}"
            # sealed under the officer's data key (docs/design.md §7.1): opened as they would
            stored = interviews.opened(Keyring(conn, {OFFICER: opened.private_key}),
                                       interviews.get(conn, interview_id)).answers
        finally:
            conn.close()
        missing = {q: v for q, v in expected.items() if stored.get(q) != v}
        assert missing == {}, f"round {round_no}: reported saved but not found"
    assert len(expected) > ROUNDS  # the kills did land among the saves
    # the key-slot file survived every kill mid-login
    with StoreSession.login(data_dir, OFFICER, OFFICER_PW, kdf=TEST_KDF) as officer:
        assert officer.get_interview(interview_id).revision >= len(expected)
