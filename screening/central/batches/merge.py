"""What each interview of a batch does to what central holds — pure data, no SQL (ODK
Central's habit): the ingest reads the state once, ``Merge`` decides every interview in order
and collects the rows to write, and the ingest writes them in a few statements."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from screening.central.batches.queries import Held
from screening.sync import wire


@dataclass
class Merge:
    device_id: str
    now: str
    currents: dict[str, Held]
    hashes: dict[tuple[str, int], str]
    audit_held: set[int]
    new: dict[str, Held] = field(default_factory=dict)
    changed: dict[str, Held] = field(default_factory=dict)
    revisions: list[tuple[str, int, str, str]] = field(default_factory=list)
    audit: dict[int, tuple[str | None, str]] = field(default_factory=dict)

    def apply(self, record: object) -> wire.InterviewResult:
        problem = wire.interview_problem(record)
        if problem:
            rid = record.get("id") if isinstance(record, dict) else None
            return _result(rid if isinstance(rid, str) else "", None, "refused",
                           "interview_invalid", problem)
        assert isinstance(record, dict)
        rid, revision = record["id"], record["revision"]
        current = self.currents.get(rid)
        if current and current.device_id != self.device_id:
            return _result(rid, revision, "refused", "interview_other_device",
                           "central holds this interview from another workstation")
        digest = wire.interview_content_hash(record)
        known = self.hashes.get((rid, revision))
        if known is not None and known != digest:
            return _result(rid, revision, "refused", "revision_conflict",
                           "central holds this revision of the interview with different "
                           "content")
        self._keep_audit(record)  # also for a duplicate: the log may have grown since
        if known == digest:
            return _result(rid, revision, "duplicate", "duplicate")
        self.hashes[(rid, revision)] = digest
        self.revisions.append((rid, revision, digest, wire.canonical_json(record).decode()))
        return self._put(record, current)

    def _put(self, record: dict[str, Any], current: Held | None) -> wire.InterviewResult:
        rid, revision = record["id"], record["revision"]
        if current and current.revision > revision:
            return _result(rid, revision, "superseded", "superseded",
                           f"central already holds revision {current.revision}")
        row = Held(rid, self.device_id, record["checkpoint"], record["form_id"],
                   record["form_version"], record["status"], record.get("outcome"), revision,
                   self.now)
        self.currents[rid] = row
        if current is None or rid in self.new:  # not in the database yet: insert the newest
            self.new[rid] = row
            return _result(rid, revision, "stored", "new" if current is None else "updated")
        self.changed[rid] = replace(row)
        return _result(rid, revision, "stored", "updated")

    def _keep_audit(self, record: dict[str, Any]) -> None:
        for entry in record.get("audit", []):
            seq = entry["seq"]
            if seq not in self.audit_held and seq not in self.audit:
                self.audit[seq] = (record["id"], wire.canonical_json(entry).decode())


def _result(rid: str, revision: int | None, result: str, code: str, message: str = ""
            ) -> wire.InterviewResult:
    return wire.InterviewResult(rid, revision, result, code, message)
