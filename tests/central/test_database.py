"""``retry_on_conflict``, the one way central tries a write again when a concurrent writer won
a race (SQLite and PostgreSQL): real unique-key conflicts, not simulated ones."""

from __future__ import annotations

import pytest
from sqlalchemy import func, insert, select

from screening.central.database import ATTEMPTS, retry_on_conflict
from screening.central.schema import staff
from screening.errors import ScreeningError

NOW = "2026-01-01T00:00:00+00:00"


def _add(name: str):
    def work(conn) -> str:
        conn.execute(insert(staff).values(name=name, password_hash="x", created_at=NOW))
        return name
    return work


def test_a_lost_race_is_run_again_and_a_settled_one_answered(central):
    retry_on_conflict(central.engine, _add("drita"))
    tries: list[str] = []

    def work(conn) -> str:
        tries.append("try")
        return _add("drita" if len(tries) == 1 else "ilir")(conn)  # the first try conflicts

    assert retry_on_conflict(central.engine, work) == "ilir" and len(tries) == 2
    assert retry_on_conflict(central.engine, _add("drita"), settled=lambda: "was there") == \
        "was there"
    with central.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(staff)).scalar_one() == 2


def test_losing_every_attempt_is_busy_and_stores_nothing(central):
    retry_on_conflict(central.engine, _add("drita"))
    tries: list[int] = []

    def work(conn) -> None:
        conn.execute(insert(staff).values(name="ilir", password_hash="x", created_at=NOW))
        tries.append(1)
        _add("drita")(conn)  # conflicts every time, after a first write

    with pytest.raises(ScreeningError) as busy:
        retry_on_conflict(central.engine, work, busy="central is busy; publish again")
    assert (busy.value.code, busy.value.message) == ("busy", "central is busy; publish again")
    assert len(tries) == ATTEMPTS
    with central.engine.connect() as conn:
        assert conn.execute(select(staff.c.name)).scalars().all() == ["drita"]
