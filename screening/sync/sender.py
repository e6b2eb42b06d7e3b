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
    # central refused the audit head a batch carried (the chain forked or moved backwards)
    chain_refused: list[str] = field(default_factory=list)


Acknowledged = Callable[[list[wire.InterviewResult]], None]
ChainConfirmed = Callable[[wire.ChainHead], None]


def send_pending(outbox: Outbox, client: CentralClient, central_key: crypto.Ed25519PublicKey,
                 on_acknowledged: Acknowledged = lambda r: None,
                 on_chain_confirmed: ChainConfirmed = lambda h: None) -> SendReport:
    """Send until the outbox is empty; ``on_acknowledged`` receives the interviews central
    holds (for the store's acknowledgement and retention), ``on_chain_confirmed`` the audit
    head central confirmed in a receipt. Unreachable central raises
    ``CentralUnreachableError`` with the batch queued again."""
    report = SendReport()
    for entry in outbox.pending():
        _send_one(outbox, client, central_key, entry, report,
                  (on_acknowledged, on_chain_confirmed))
    return report


def _send_one(outbox: Outbox, client: CentralClient, central_key: crypto.Ed25519PublicKey,
              entry: Entry, report: SendReport,
              callbacks: tuple[Acknowledged, ChainConfirmed]) -> None:
    on_acknowledged, on_chain_confirmed = callbacks
    outbox.mark(entry, "sending")
    try:
        receipt = client.send_batch(outbox.raw(entry), central_key)
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
    results, verdict = receipt.results, receipt.audit_chain
    refused = [r for r in results if r.result == "refused"]
    on_acknowledged([r for r in results if r.result in ACKNOWLEDGING])
    if verdict is not None and verdict.confirmed is not None:
        on_chain_confirmed(verdict.confirmed)
    if verdict is not None and verdict.result == "refused":
        report.chain_refused.append(verdict.code)
    outbox.mark(entry, "acknowledged", refused=[r.to_json() for r in refused])
    report.acknowledged.append(entry.batch_id)
    report.refused_interviews.extend(refused)
