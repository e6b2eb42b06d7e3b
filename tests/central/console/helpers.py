"""Staff accounts, interviews and a logged-in client for the console tests."""

from __future__ import annotations

import io
import re
import uuid
import warnings
from typing import Any

from argon2 import PasswordHasher
from pypdf import PdfReader

from screening.central.batches.ingest import ingest
from screening.central.clock import utc_now
from screening.central.service import Central
from screening.central.staff import queries as staff
from tests.answer_sets import BUNDLED, adult_no_indicators, child_answers
from tests.central.conftest import enrol_station

with warnings.catch_warnings():  # Starlette would like httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
_HASHER = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)  # quick, still Argon2id
AGENT = "Mozilla/5.0 (X11; Linux x86_64) console-tests"
# The console speaks Albanian first; the tests written against its English ask for English, as
# a browser set to English does (tests/central/console/test_languages.py checks both).
ENGLISH = {"user-agent": AGENT, "accept-language": "en"}


def add_staff(central: Central, name: str, role: str = "admin",
              password: str = PASSWORD) -> None:
    with central.engine.begin() as conn:
        staff.set_access(conn, staff.add(conn, name, _HASHER.hash(password), utc_now()),
                         role=role)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found[1]


def login(client: TestClient, name: str, password: str = PASSWORD):
    page = client.get("/console/login")
    return client.post("/console/login", data={"name": name, "password": password,
                                               "csrf": csrf_of(page.text)},
                       follow_redirects=False)


def logged_in(client: TestClient, name: str) -> TestClient:
    answer = login(client, name)
    assert answer.status_code == 303, answer.text
    return client


def interview_record(answers: dict[str, Any], *, checkpoint: str = "TIA",
                     created_at: str = "2026-07-01T08:00:00+00:00",
                     outcome: str | None = None, revision: int = 1,
                     interview_id: str | None = None, seq: int = 1) -> dict[str, Any]:
    """A finalised interview as a real workstation sends it (store fields plus audit)."""
    iid = interview_id or str(uuid.uuid4())
    return {
        "id": iid, "revision": revision, "form_id": BUNDLED[0], "form_version": BUNDLED[1],
        "checkpoint": checkpoint, "officer": "olsi", "created_at": created_at,
        "updated_at": created_at, "status": "finalised", "answers": answers,
        "assessment": None, "outcome": outcome,
        "audit": [{"seq": seq, "at": created_at, "actor": "olsi",
                   "action": "interview_finalised", "subject": iid, "detail": {},
                   "prev_hash": "0" * 64, "hash": uuid.uuid4().hex * 2}],
    }


def adult(**overrides: Any) -> dict[str, Any]:
    return adult_no_indicators(**overrides)


def child(**overrides: Any) -> dict[str, Any]:
    return child_answers(**overrides)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def received_cases(central: Central) -> dict[str, str]:
    """An adult, a child and a referred adult interview from TIA, ingested; name -> id."""
    station = enrol_station(central, "TIA")
    records = {
        "adult": interview_record(adult(), seq=11),
        "child": interview_record(child(), seq=12),
        "referred": interview_record(adult(checkpoint="TIA", officer_outcome="at_risk",
                                           action_taken="referred_social_services",
                                           referral_organisation="state_social_services",
                                           referral_urgent="no",
                                           interview_started_at="2026-10-02T09:00:00"),
                                     seq=13),
    }
    ingest(central, station.batch(list(records.values())))
    return {name: record["id"] for name, record in records.items()}
