"""The console tests' client (FastAPI's test client on central's whole application) and a
logged-in administrator, on SQLite and on PostgreSQL; for the browser tests, a headless
Chromium, a live central with two staff accounts (one per test module), a folder for
screenshots and a workstation store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from screening.central.app import create_app
from tests.central.console.browsing import ADMIN, ARGS, CHROMIUM, PASSWORD, VIEWER
from tests.central.console.helpers import ENGLISH, TestClient, add_staff, logged_in
from tests.central.live import LiveCentral, run_cli


@pytest.fixture
def client(central):
    with TestClient(create_app(central), headers=ENGLISH) as test_client:
        yield test_client


@pytest.fixture
def admin(central, client):
    add_staff(central, "drita", "admin")
    return logged_in(client, "drita")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is needed (scripts/system-packages installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("central")
    db_url = f"sqlite:///{data_dir / 'central.db'}"
    for name, role in ((ADMIN, "admin"), (VIEWER, "viewer")):
        made = run_cli(data_dir, db_url, "staff", "add", name, "--role", role,
                       env={"SCREENING_CENTRAL_PASSWORD": PASSWORD})
        assert made.returncode == 0, made.stderr
    server = LiveCentral(data_dir, db_url)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("SCREENING_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
