"""What the printed documents read from the store: one interview's stored fields and audit
trail, and the interviews of a period for the statistics.

The store does not import the reports: it hands over plain data, and
``screening.reports.casefile`` makes the case file from it as it does from central's copy, so
the workstation and central print the same facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

from screening import lifecycle
from screening.casereference import CaseReferenceError, matches, parse_case_reference
from screening.errors import (
    InterviewNotFoundError,
    InterviewSealedError,
    InterviewStateError,
    StoreError,
)
from screening.store import accounts, audit, connection, interviews
from screening.store.casework import Casework
from screening.store.interviews import StoredInterview


class DocumentReads(Casework):
    def find_interview(self, id_or_reference: str) -> StoredInterview:
        """An interview by its UUID or its case reference (``TIA-261123-3F9A1C``)."""
        try:
            wanted = parse_case_reference(id_or_reference)
        except CaseReferenceError:
            return self.get_interview(id_or_reference.strip())
        found = [row for row in interviews.with_id_prefix(self.conn, wanted.id_prefix)
                 if matches(wanted, row[0].checkpoint, row[0].created_at, row[0].id)
                 and (self.is_supervisor or row[0].officer == self.account.name)]
        if not found:
            raise InterviewNotFoundError(id=id_or_reference.strip())
        if len(found) > 1:
            raise StoreError(code="reference_ambiguous", reference=str(wanted), count=len(found))
        record = interviews.opened(self.keys, found[0])
        if record is None:
            raise InterviewSealedError(id=found[0][0].id)
        return record

    def printable(self, id_or_reference: str
                  ) -> tuple[dict[str, Any], list[tuple[str, str, str]], dict[str, str]]:
        """What a slip or a record is built from (screening.reports.casefile): the stored
        interview's fields as a plain mapping, its audit trail as (action, at, actor), oldest
        first, and the full names of the accounts that trail names."""
        record = self.find_interview(id_or_reference)
        if record.purged_at:
            raise InterviewStateError(code="interview_purged", date=record.purged_at[:10])
        trail = [(entry.action, entry.at, entry.actor or "")
                 for entry in audit.for_subject(self.conn, record.id)]
        return dataclasses.asdict(record), trail, self._full_names(
            {record.officer, *(actor for _action, _at, actor in trail)})

    def interview_audit(self, id_or_reference: str) -> list[dict[str, Any]]:
        """The interview's audit trail for its record: officers see their own interviews'
        trails, supervisors every one."""
        record = self.find_interview(id_or_reference)
        return [{"at": entry.at, "actor": entry.actor, "action": entry.action}
                for entry in audit.for_subject(self.conn, record.id)]

    def interviews_started_between(self, start: dt.date, end: dt.date) -> Iterator[StoredInterview]:
        """Every counted interview that began on a day in [start, end), in one query; an
        officer gets only their own. Interviews purged under retention have no answers left
        and are not included."""
        officer = None if self.is_supervisor else self.account.name
        return interviews.started_between(self.conn, self.keys, start, end, lifecycle.COUNTED,
                                          officer)

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

    def _full_names(self, logins: set[str]) -> dict[str, str]:
        """The full names of the accounts among ``logins`` that have one."""
        found = (accounts.get(self.conn, login) for login in sorted(logins) if login)
        return {account.name: account.full_name for account in found
                if account is not None and account.full_name}
