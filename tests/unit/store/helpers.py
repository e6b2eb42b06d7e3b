"""Shared by the store tests. Argon2 is made cheap only through the explicit test-only
parameter set below; production code never sees it unless it is passed in."""

from __future__ import annotations

from pathlib import Path

from screening.crypto import KdfParams
from screening.store.session import StoreSession

TEST_KDF = KdfParams(time_cost=1, memory_cost=8, parallelism=1)  # tests only: fast, insecure
SUPERVISOR, SUPERVISOR_PW = "sara", "sara-password-1"
OFFICER, OFFICER_PW = "olsi", "olsi-password-1"


class FakeClock:
    def __init__(self, start: float = 1_780_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def login(data_dir: Path, user: str = OFFICER, password: str = OFFICER_PW,
          clock: FakeClock | None = None) -> StoreSession:
    kwargs = {"clock": clock} if clock is not None else {}
    return StoreSession.login(data_dir, user, password, kdf=TEST_KDF, **kwargs)
