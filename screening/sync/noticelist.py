"""The notices wire format, shared by central and the workstation (docs/protocol.md,
"Notices").

Every sync asks central for the notices of the workstation's own checkpoint with
``GET /v1/notices`` and three headers that prove which device asks (as a reference pull):
its id, the time, and its Ed25519 signature over the canonical request. Central answers with
one document signed with its receipt key, the *whole* current list for that checkpoint, which
replaces what the workstation held::

    {"format": "rs-notices/1", "device_id": "...", "checkpoint": "TIA",
     "issued_at": "...", "notices": [{...}, ...], "signature": "<base64 Ed25519>"}

Naming the device and the checkpoint in the signed body stops a list meant for another
workstation being replayed to this one; ``issued_at`` lets the workstation refuse a list
older than the one it holds.

Standalone like wire.py: no questionnaire, no store, so central can import it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from screening import crypto
from screening.sync import wire
from screening.sync.packages import DEVICE_HEADER, SIGNATURE_HEADER, TIME_HEADER

__all__ = ["DEVICE_HEADER", "SIGNATURE_HEADER", "TIME_HEADER"]

LIST_FORMAT = "rs-notices/1"
REQUEST_FORMAT = "rs-notices-request/1"
PATH = "/v1/notices"
MAX_NOTICES = 2000  # one checkpoint's window; a bound on what a workstation keeps
# the longest each text field may be; "notified_by" is a list of short texts
_TEXT: dict[str, int] = {"id": 36, "expected_date": 10, "keep_until": 10, "given_name": 150,
                         "family_name": 150, "date_of_birth": 10, "sex": 20,
                         "nationality": 2, "travel": 100, "coming_from": 2,
                         "meet_organisation": 100, "note": 500}
_REQUIRED = ("id", "expected_date", "keep_until", "given_name", "family_name", "notified_by")


@dataclass(frozen=True)
class NoticeList:
    device_id: str
    checkpoint: str
    issued_at: str
    notices: list[dict[str, Any]]


def request_body(device_id: str, at: str) -> bytes:
    return wire.canonical_json({"format": REQUEST_FORMAT, "device_id": device_id, "at": at})


def sign_request(device_id: str, signing_key: crypto.Ed25519PrivateKey,
                 now: dt.datetime | None = None) -> dict[str, str]:
    at = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    signature = crypto.sign(signing_key, request_body(device_id, at))
    return {DEVICE_HEADER: device_id, TIME_HEADER: at, SIGNATURE_HEADER: wire.b64e(signature)}


def sign_list(*, device_id: str, checkpoint: str, issued_at: str,
              notices: list[dict[str, Any]], signing_key: crypto.Ed25519PrivateKey
              ) -> dict[str, Any]:
    body = {"format": LIST_FORMAT, "device_id": device_id, "checkpoint": checkpoint,
            "issued_at": issued_at, "notices": notices}
    return {**body, "signature": wire.b64e(crypto.sign(signing_key, wire.canonical_json(body)))}


def verify_list(doc: object, verify_key: crypto.Ed25519PublicKey) -> NoticeList:
    """The list, once central's signature verified and every notice is well formed; raises
    ``WireError`` or ``SignatureInvalidError``."""
    if not isinstance(doc, dict):
        raise wire.WireError("the notices are not a JSON object", code="notices_malformed")
    body = {k: v for k, v in doc.items() if k != "signature"}
    if body.get("format") != LIST_FORMAT:
        raise wire.FormatUnsupportedError(body.get("format"), LIST_FORMAT)
    crypto.verify(verify_key, wire.b64d(doc.get("signature"), "the notices signature"),
                  wire.signed_bytes(body, "the notices", "notices_malformed"),
                  "central's signature on the notices")
    items = body.get("notices")
    if not (isinstance(items, list) and len(items) <= MAX_NOTICES
            and all(_notice_ok(n) for n in items)
            and all(isinstance(body.get(k), str) for k in ("device_id", "checkpoint",
                                                            "issued_at"))):
        raise wire.WireError("the notices are malformed", code="notices_malformed")
    return NoticeList(body["device_id"], body["checkpoint"], body["issued_at"], items)


def _notice_ok(notice: object) -> bool:
    if not isinstance(notice, dict) or not all(notice.get(k) for k in _REQUIRED):
        return False
    for name, longest in _TEXT.items():
        value = notice.get(name)
        if value is not None and not (isinstance(value, str) and len(value) <= longest
                                      and "\x00" not in value):
            return False
    age, by = notice.get("age"), notice.get("notified_by")
    return (age is None or (type(age) is int and 0 <= age <= 150)) \
        and isinstance(by, list) and all(isinstance(b, str) and len(b) <= 40 for b in by) \
        and all(type(notice.get(f, False)) is bool for f in ("victim_suspected",
                                                             "child_suspected"))
