"""What the printed documents read from the store: one interview as the plain mapping
``screening.reports`` takes, its audit trail, and the interviews of a period for the statistics.

The store does not import the reports: it hands over plain data, so the desktop client, the
command line and central build the same documents from it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from screening import lifecycle
from screening.casereference import (
    CaseReferenceError,
    case_reference,
    matches,
    parse_case_reference,
)
from screening.errors import InterviewNotFoundError, InterviewStateError, StoreError
from screening.store import audit, connection, interviews
from screening.store.casework import Casework
from screening.store.interviews import Interview


class Documents(Casework):
    def find_interview(self, id_or_reference: str) -> Interview:
        """An interview by its UUID or its case reference (``TIA-261123-3F9A1C``)."""
        try:
            wanted = parse_case_reference(id_or_reference)
        except CaseReferenceError:
            return self.get_interview(id_or_reference.strip())
        found = [record for record in interviews.with_id_prefix(self.conn, wanted.id_prefix)
                 if matches(wanted, record.checkpoint, record.created_at, record.id)
                 and (self.is_supervisor or record.officer == self.account.name)]
        if not found:
            raise InterviewNotFoundError(f"no interview {id_or_reference.strip()!r}")
        if len(found) > 1:
            raise StoreError(f"{wanted} names {len(found)} interviews; give the full id "
                             "(see 'screening interviews list')", code="reference_ambiguous")
        return found[0]

    def document_data(self, id_or_reference: str) -> dict[str, Any]:
        """The plain mapping ``screening.reports`` builds the slip and the record from."""
        record = self.find_interview(id_or_reference)
        if record.purged_at:
            raise InterviewStateError(
                f"the personal data of this interview was deleted on {record.purged_at[:10]} "
                "under the retention rule; there is nothing left to print")
        return {
            "id": record.id, "case_reference": reference_of(record),
            "form_id": record.form_id, "form_version": record.form_version,
            "checkpoint": record.checkpoint,
            # accounts hold no other name: the account name is what the officer signs with
            "officer": record.officer,
            "started_at": _started_at(record), "finalised_at": self._finalised_at(record),
            "status": record.status, "answers": record.answers,
        }

    def interview_audit(self, id_or_reference: str) -> list[dict[str, Any]]:
        """The interview's audit trail for its record: officers see their own interviews'
        trails, supervisors every one."""
        record = self.find_interview(id_or_reference)
        return [{"at": entry.at, "actor": entry.actor, "action": entry.action}
                for entry in audit.for_subject(self.conn, record.id)]

    def interviews_started_between(self, start: dt.date, end: dt.date) -> Iterator[Interview]:
        """Every counted interview that began on a day in [start, end), in one query; an
        officer gets only their own. Interviews purged under retention have no answers left
        and are not included."""
        officer = None if self.is_supervisor else self.account.name
        return interviews.started_between(self.conn, start, end, lifecycle.COUNTED, officer)

    def purged_between(self, start: dt.date, end: dt.date) -> int:
        """How many interviews of [start, end) the statistics cannot count because their
        personal data was purged under retention (interviews_started_between leaves them out)."""
        officer = None if self.is_supervisor else self.account.name
        return interviews.purged_between(self.conn, start, end, lifecycle.COUNTED, officer)

    def record_export(self, action: str, detail: dict[str, Any]) -> None:
        """Audit an export that names no one interview (the quarterly statistics)."""
        self.check_allowed(action)
        with connection.transaction(self.conn):
            audit.append(self.conn, self.account.name, action, None, detail)

    def _finalised_at(self, record: Interview) -> str:
        if lifecycle.is_editable(record.status):
            return ""  # no need to read the trail
        return lifecycle.finalised_at(record.status, [
            (entry.action, entry.at) for entry in audit.for_subject(self.conn, record.id)])


def _started_at(record: Interview) -> str:
    # a paper interview is entered after the fact: its start is the one the officer wrote down
    answered = record.answers.get("interview_started_at")
    return answered if isinstance(answered, str) and answered else record.created_at


def reference_of(record: Interview) -> str:
    try:
        return case_reference(record.checkpoint, record.created_at, record.id)
    except CaseReferenceError as error:
        raise StoreError(f"interview {record.id} has no case reference: {error}",
                         code="case_reference_missing") from None
