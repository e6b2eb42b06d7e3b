"""A real central (``screening-central serve`` on loopback, on SQLite and on PostgreSQL) for the
protocol tests,
started with the central tests' own fixture class; enrolment codes come from its command line,
as an operator makes them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.central.conftest import postgres_cluster  # noqa: F401  (the one cluster)
from tests.central.live import LiveCentral, run_cli
from tests.conftest import ROOT

VECTORS = ROOT / "docs" / "protocol" / "vectors"


def vector(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((VECTORS / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def live(request, tmp_path_factory) -> Iterator[LiveCentral]:
    data_dir: Path = tmp_path_factory.mktemp("central")
    url = (f"sqlite:///{data_dir / 'central.db'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_cluster").new_database())
    server = LiveCentral(data_dir, url)
    yield server
    server.stop()


def central_cli(live: LiveCentral, *args: str) -> str:
    done = run_cli(live.data_dir, live.db_url, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def new_code(live: LiveCentral, checkpoint: str = "TIA") -> str:
    # "enrolment code for TIA: ABCD-EFGH-JKMN-PQRS"
    first = central_cli(live, "enrolment-code", checkpoint).splitlines()[0]
    return first.rsplit(": ", 1)[1]
