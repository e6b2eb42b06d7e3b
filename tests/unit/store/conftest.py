"""Real SQLCipher stores in tmp_path (no mocks of the database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from screening.store.session import StoreSession
from tests.unit.store.helpers import (
    OFFICER,
    OFFICER_PW,
    SUPERVISOR,
    SUPERVISOR_PW,
    TEST_KDF,
    FakeClock,
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def created(data_dir: Path, clock: FakeClock) -> Iterator[tuple[StoreSession, str]]:
    session, code = StoreSession.initialise(data_dir, "KKV", SUPERVISOR, SUPERVISOR_PW,
                                            kdf=TEST_KDF, clock=clock)
    session.add_user(OFFICER, "officer", OFFICER_PW)
    yield session, code
    session.conn.close()


@pytest.fixture
def supervisor(created: tuple[StoreSession, str]) -> StoreSession:
    return created[0]


@pytest.fixture
def recovery_code(created: tuple[StoreSession, str]) -> str:
    return created[1]
