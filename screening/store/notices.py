"""The checkpoint's expected arrivals, as central last sent them (screening.sync.notices
pulls them), inside the encrypted store like the interviews: never a plain file.

The list is replaced whole at each sync, so a notice central no longer sends (linked to an
arrival, withdrawn, out of its window) leaves the workstation then; one whose ``keep_until``
has passed leaves at the next listing even without a sync. A notice an interview was started
from is no longer shown, and the interview keeps its id (``interview_notices``) so that its
record names the notice when it is sent."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from screening.questionnaire.model import Form
from screening.store import audit, connection, settings
from screening.store.connection import Connection, translate_errors

if TYPE_CHECKING:
    from screening.store.casework import Casework

ISSUED_SETTING = "notices_issued_at"
# the notice's facts -> the question they answer (forms/returnee_screening.yaml)
_ANSWERS = {"given_name": "given_name", "family_name": "family_name",
            "date_of_birth": "date_of_birth", "age": "age_estimate", "sex": "sex",
            "nationality": "nationality", "coming_from": "returned_from"}


@dataclass(frozen=True)
class ExpectedArrival:
    id: str
    expected_date: str
    keep_until: str
    facts: dict[str, Any]

    @property
    def name(self) -> str:
        return f"{self.facts.get('given_name', '')} {self.facts.get('family_name', '')}".strip()


def replace_all(conn: Connection, notices: Iterable[dict[str, Any]], issued_at: str,
                actor: str) -> int:
    """Hold exactly ``notices`` from now on (one transaction); how many are held."""
    rows = [(n["id"], n["expected_date"], n["keep_until"], json.dumps(n, ensure_ascii=False))
            for n in notices]
    with connection.transaction(conn):
        conn.execute("DELETE FROM notices")
        conn.executemany("INSERT INTO notices (id, expected_date, keep_until, notice) "
                         "VALUES (?, ?, ?, ?)", rows)
        settings.set_setting(conn, ISSUED_SETTING, issued_at)
        audit.append(conn, actor, "notices_received", None, {"count": len(rows)})
    return len(rows)


def issued_at(conn: Connection) -> str | None:
    return settings.get_setting(conn, ISSUED_SETTING)


def expected(conn: Connection, today: dt.date, last: dt.date | None = None
             ) -> list[ExpectedArrival]:
    """The notices still to be met, expected up to ``last`` (default: any date), soonest
    first; those past their ``keep_until`` are deleted on the way."""
    with connection.transaction(conn):
        conn.execute("DELETE FROM notices WHERE keep_until < ?", (today.isoformat(),))
    sql = ("SELECT id, expected_date, keep_until, notice FROM notices WHERE id NOT IN "
           "(SELECT notice_id FROM interview_notices)")
    params: tuple[str, ...] = ()
    if last is not None:
        sql += " AND expected_date <= ?"
        params = (last.isoformat(),)
    with translate_errors():
        rows = conn.execute(sql + " ORDER BY expected_date, id", params).fetchall()
    return [ExpectedArrival(r[0], r[1], r[2], json.loads(r[3])) for r in rows]


def get(conn: Connection, notice_id: str) -> ExpectedArrival | None:
    with translate_errors():
        row = conn.execute("SELECT id, expected_date, keep_until, notice FROM notices "
                           "WHERE id = ?", (notice_id,)).fetchone()
    return ExpectedArrival(row[0], row[1], row[2], json.loads(row[3])) if row else None


def start_interview(session: Casework, arrival: ExpectedArrival, form: Form,
                    answers: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A new interview on ``form`` with ``answers`` (the application's prefill) and what the
    notice tells, linked to the notice; its id and its answers. Two transactions: a power cut
    between them leaves an interview without its link, which central then suggests to staff
    by name and date of birth (screening.central.notices.linking)."""
    filled = {**answers, **prefilled(arrival, form)}
    interview_id = session.start_interview(form.id, form.version, filled)
    with connection.transaction(session.conn):
        session.conn.execute("INSERT INTO interview_notices (interview_id, notice_id) "
                             "VALUES (?, ?)", (interview_id, arrival.id))
        audit.append(session.conn, session.account.name, "interview_from_notice",
                     interview_id, {"notice_id": arrival.id})
    return interview_id, filled


def notice_of(conn: Connection) -> dict[str, str]:
    """interview id -> the id of the notice it was started from."""
    with translate_errors():
        return dict(conn.execute("SELECT interview_id, notice_id FROM interview_notices"))


def prefilled(arrival: ExpectedArrival, form: Form) -> dict[str, Any]:
    """The answers a notice gives, for the questions ``form`` asks: the known facts and the
    advance-notice questions. A fact the form cannot take as it is (a choice it lacks) is
    left for the officer to ask."""
    facts = arrival.facts
    answers: dict[str, Any] = {"advance_notice": "yes",
                               "advance_notice_by": list(facts.get("notified_by") or [])}
    for fact, question in _ANSWERS.items():
        if facts.get(fact) not in (None, ""):
            answers[question] = facts[fact]
    if "date_of_birth" in answers:
        answers.pop("age_estimate", None)
    return {q: v for q, v in answers.items() if _fits(form, q, v)}


def _fits(form: Form, question_id: str, value: Any) -> bool:
    question = form.questions.get(question_id)
    if question is None:
        return False
    allowed = {c.value for c in form.choice_lists.get(question.choices or "", ())}
    if question.type == "select_one":
        return value in allowed
    if question.type == "select_multiple":
        return bool(value) and all(v in allowed for v in value)
    return True
