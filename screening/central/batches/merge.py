"""What each interview of a batch does to what central holds — pure data, no SQL (ODK
Central's habit): the ingest reads the state once, ``Merge`` decides every interview in order
and collects the rows to write, and the ingest writes them in a few statements."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from screening.central.batches.checks import Verdict
from screening.central.batches.queries import Held
from screening.sync import wire

Judge = Callable[[dict[str, Any]], Verdict]


@dataclass
class Merge:
    device_id: str
    now: str
    currents: dict[str, Held]
    hashes: dict[tuple[str, int], str]
    audit_held: dict[int, str]  # seq -> entry JSON, of this device's entries central holds
    judge: Judge  # checks a revision central does not hold yet (checks.check)
    new: dict[str, Held] = field(default_factory=dict)
    changed: dict[str, Held] = field(default_factory=dict)
    revisions: list[tuple[str, int, str, str]] = field(default_factory=list)
    audit: dict[int, tuple[str | None, str]] = field(default_factory=dict)

    def apply(self, record: object) -> wire.InterviewResult:
        problem = wire.interview_problem(record)
        if problem:
            rid = record.get("id") if isinstance(record, dict) else None
            # only an id is echoed back: anything else may be a record-sized string
            return _result(rid if wire.is_uuid(rid) else "", None, "refused",
                           "interview_invalid", problem,
                           problems=(wire.Problem("", "shape", problem),))
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
        if known == digest:  # held already: never judged again by today's rules
            return _result(rid, revision, "duplicate", "duplicate",
                           audit_refused=self._keep_audit(record))
        verdict = self.judge(record)
        if verdict.code:
            return _result(rid, revision, "refused", verdict.code, verdict.message,
                           problems=verdict.problems)
        refused_audit = self._keep_audit(record)
        self.hashes[(rid, revision)] = digest
        self.revisions.append((rid, revision, digest, wire.canonical_json(record).decode()))
        return replace(self._put(record, current), audit_refused=refused_audit)

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

    def _keep_audit(self, record: dict[str, Any]) -> tuple[int, ...]:
        """Keep the record's audit entries central does not hold; the seqs it holds with
        other content, which cannot be kept (docs/protocol.md §8.2)."""
        refused = []
        for entry in record.get("audit", []):
            seq, text = entry["seq"], wire.canonical_json(entry).decode()
            held = self.audit_held.get(seq)
            if held is None and seq in self.audit:
                held = self.audit[seq][1]
            if held is None:
                self.audit[seq] = (record["id"], text)
            elif held != text:
                refused.append(seq)
        return tuple(refused)


def _result(rid: str, revision: int | None, result: str, code: str, message: str = "", *,
            audit_refused: tuple[int, ...] = (), problems: tuple[wire.Problem, ...] = ()
            ) -> wire.InterviewResult:
    return wire.InterviewResult(rid, revision, result, code, message, audit_refused, problems)
