"""A real ``screening-central serve`` process on 127.0.0.1 and an ephemeral port. The fixture
waits for the "listening on" line (printed once uvicorn accepts requests) and then checks
/v1/health: conditions with deadlines, never a sleep."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.conftest import ROOT

STARTUP_SECONDS = 60


def central_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCREENING_")}
    env.update(extra or {})
    return env


def run_cli(data_dir: Path, db_url: str, *args: str, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "screening.central.cli", "--data-dir", str(data_dir),
         "--db", db_url, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env=central_env(env), stdin=subprocess.DEVNULL)


class LiveCentral:
    def __init__(self, data_dir: Path, db_url: str, env: dict[str, str] | None = None,
                 tls: tuple[Path, Path] | None = None, verify: str | bool = True) -> None:
        self.data_dir, self.db_url = data_dir, db_url
        tls_args = ["--tls-cert", str(tls[0]), "--tls-key", str(tls[1])] if tls else []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "screening.central.cli", "--data-dir", str(data_dir),
             "--db", db_url, "serve", "--host", "127.0.0.1", "--port", "0", *tls_args],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=central_env(env), stdin=subprocess.DEVNULL, start_new_session=True)
        self.url = self._wait_for_address()
        health = requests.get(f"{self.url}/v1/health", timeout=10, verify=verify)
        assert health.status_code == 200, health.text

    def _wait_for_address(self) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            while (left := deadline - time.monotonic()) > 0:
                if not selector.select(timeout=left):
                    break
                line = self.process.stdout.readline()
                if not line:
                    break  # the process ended
                if line.startswith("listening on "):
                    return line.split()[-1]
        self.stop()
        raise AssertionError(f"central did not start: {self.process.stderr.read()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers, no flush — a power cut for the process."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


def wait_until(condition, seconds: float = 30, what: str = "the condition") -> None:
    """Poll ``condition`` until it holds; fail after ``seconds``. Each poll is a real query or
    system call, so the loop waits on the thing itself rather than on a clock."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
