"""The console tests' client (FastAPI's test client on central's whole application) and a
logged-in administrator, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from screening.central.app import create_app
from tests.central.console.helpers import ENGLISH, TestClient, add_staff, logged_in


@pytest.fixture
def client(central):
    with TestClient(create_app(central), headers=ENGLISH) as test_client:
        yield test_client


@pytest.fixture
def admin(central, client):
    add_staff(central, "drita", "admin")
    return logged_in(client, "drita")
