"""The staff audit: who did what at central (logins, revocations, enrolment codes, decisions,
accounts, publications, downloads), written in the caller's transaction so that a change and
its audit row commit together or not at all, from the console and the command line alike. No
personal data: the subject is an id, a checkpoint or a case reference."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine

from screening.central.clock import utc_now
from screening.central.staff import queries


def record(conn: Connection, who: str, action: str, subject: str | None = None) -> None:
    queries.event(conn, utc_now(), who, action, subject)


def record_alone(engine: Engine, who: str, action: str, subject: str | None = None) -> None:
    """For an action that changes nothing else (a document downloaded)."""
    with engine.begin() as conn:
        record(conn, who, action, subject)


def cases_viewed(engine: Engine, who: str, references: Iterable[str], where: str) -> None:
    """Every case a page shows the person of (``case_viewed``, one row each, with the page
    named), in one transaction."""
    shown = sorted(set(references))
    if shown:
        with engine.begin() as conn:
            for reference in shown:
                record(conn, who, "case_viewed", f"{reference} ({where})")


def events(conn: Connection, limit: int = 200) -> list[dict[str, Any]]:
    """The newest entries first: at, staff, action, subject."""
    return queries.events(conn, limit)
