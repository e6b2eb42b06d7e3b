"""Sending the outbox: each pending batch in sequence order, marked ``sending`` before the
request and ``acknowledged`` only after central's signed receipt verified."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from screening import crypto
from screening.sync import wire
from screening.sync.outbox import Entry, Outbox
from screening.sync.transport import CentralClient, CentralRefusedError

# Refusals that concern the batch itself: resending it can never succeed, so it is set aside
# (quarantined) and the rest of the outbox goes on. Any other refusal (device revoked or
# unknown, central busy) stops the run and leaves the batch queued.
BATCH_REFUSALS = frozenset({
    "envelope_malformed", "format_unsupported", "content_hash_mismatch", "decrypt_failed",
    "content_malformed", "content_mismatch", "batch_too_large", "batch_too_large_decompressed",
    "batch_too_many_interviews", "interview_too_large", "batch_conflict", "batch_replayed",
    "sequence_reused"})
ACKNOWLEDGING = ("stored", "duplicate", "superseded")


@dataclass
class SendReport:
    acknowledged: list[str] = field(default_factory=list)
    quarantined: list[str] = field(default_factory=list)
    refused_interviews: list[wire.InterviewResult] = field(default_factory=list)


def send_pending(outbox: Outbox, client: CentralClient, central_key: crypto.Ed25519PublicKey,
                 on_acknowledged: Callable[[list[wire.InterviewResult]], None] = lambda r: None
                 ) -> SendReport:
    """Send until the outbox is empty; ``on_acknowledged`` receives the interviews central
    holds (for the store's acknowledgement and retention). Unreachable central raises
    ``CentralUnreachableError`` with the batch queued again."""
    report = SendReport()
    for entry in outbox.pending():
        _send_one(outbox, client, central_key, entry, report, on_acknowledged)
    return report


def _send_one(outbox: Outbox, client: CentralClient, central_key: crypto.Ed25519PublicKey,
              entry: Entry, report: SendReport,
              on_acknowledged: Callable[[list[wire.InterviewResult]], None]) -> None:
    outbox.mark(entry, "sending")
    try:
        results = client.send_batch(outbox.raw(entry), central_key)
    except CentralRefusedError as refusal:
        if refusal.code not in BATCH_REFUSALS:
            outbox.mark(entry, "queued", refusal.message)
            raise
        outbox.mark(entry, "quarantined", refusal.message)
        report.quarantined.append(entry.batch_id)
        return
    except BaseException as error:
        outbox.mark(entry, "queued", str(error))
        raise
    refused = [r for r in results if r.result == "refused"]
    on_acknowledged([r for r in results if r.result in ACKNOWLEDGING])
    outbox.mark(entry, "acknowledged", refused=[r.to_json() for r in refused])
    report.acknowledged.append(entry.batch_id)
    report.refused_interviews.extend(refused)
