"""Interview records and batch files for sync and central tests."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

from screening import crypto
from screening.sync import wire
from tests.answer_sets import BUNDLED, adult_no_indicators

_audit_seq = itertools.count(1)


def interview(interview_id: str | None = None, revision: int = 1, *, name: str = "Arta",
              status: str = "finalised", audit: int = 1, checkpoint: str = "TIA",
              **answers: Any) -> dict[str, Any]:
    """A record central accepts: complete answers for the standard form, from a workstation
    enrolled for ``checkpoint``."""
    iid = interview_id or str(uuid.uuid4())
    return {
        "id": iid, "revision": revision, "form_id": "returnee_screening",
        "form_version": BUNDLED[1], "checkpoint": checkpoint, "officer": "olsi",
        "created_at": "2026-11-20T08:00:00+00:00",
        "updated_at": "2026-11-20T08:30:00+00:00", "status": status,
        "answers": adult_no_indicators(given_name=name, checkpoint=checkpoint, **answers),
        "assessment": None, "outcome": "no_indicators",
        "audit": [{"seq": next(_audit_seq), "at": "2026-11-20T08:30:00+00:00", "actor": "olsi",
                   "action": "interview.finalise", "subject": iid, "detail": {},
                   "prev_hash": "0" * 64, "hash": uuid.uuid4().hex * 2} for _ in range(audit)],
    }


@dataclass
class Workstation:
    device_id: str
    key: crypto.Ed25519PrivateKey
    recipient: crypto.X25519PublicKey
    sequence: int = 0
    sent: list[bytes] = field(default_factory=list)

    def batch(self, interviews: list[dict[str, Any]], *, sequence: int | None = None,
              batch_id: str | None = None, device_id: str | None = None) -> bytes:
        if sequence is None:
            self.sequence += 1
            sequence = self.sequence
        raw = wire.build_batch(device_id=device_id or self.device_id, sequence=sequence,
                               batch_id=batch_id or str(uuid.uuid4()),
                               created_at="2026-11-23T06:00:00+00:00", interviews=interviews,
                               signing_key=self.key, recipient=self.recipient)
        self.sent.append(raw)
        return raw


def sealed_frame(station: Workstation, content: bytes, *, sequence: int = 1,
                 batch_id: str | None = None, compressed: bool = False) -> bytes:
    """A correctly sealed and signed batch around arbitrary (possibly hostile) content."""
    batch_id = batch_id or str(uuid.uuid4())
    payload = content if compressed else wire.compress(content)
    sealed = crypto.seal(station.recipient, payload,
                         wire.batch_aad(station.device_id, sequence, batch_id))
    header = wire.BatchHeader(station.device_id, sequence, batch_id, "2026-11-23T06:00:00+00:00",
                              sealed.ephemeral_key, sealed.nonce,
                              wire.sha256_hex(sealed.ciphertext))
    return wire.sign_frame(wire.canonical_json(header.to_json()), sealed.ciphertext, station.key)
