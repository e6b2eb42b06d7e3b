"""Why central refuses a request: stable codes, and the HTTP status each one answers with.

The same codes come back from ``screening-central import``, so a batch refused over the network
is refused in the same words from a USB stick."""

from __future__ import annotations

from screening.errors import ScreeningError


class Refused(ScreeningError):
    """A request central will not act on; nothing was stored."""

    code = "refused"


STATUS_BY_CODE = {
    "envelope_malformed": 400,
    "request_malformed": 400,
    "format_unsupported": 400,
    "key_invalid": 400,
    "device_unknown": 401,
    "signature_invalid": 401,
    "device_revoked": 403,
    "enrolment_code_invalid": 403,
    "receipt_not_found": 404,
    "batch_conflict": 409,
    "batch_replayed": 409,
    "sequence_reused": 409,
    "device_key_in_use": 409,
    "batch_too_large": 413,
    "batch_too_large_decompressed": 413,
    "content_hash_mismatch": 422,
    "decrypt_failed": 422,
    "content_malformed": 422,
    "content_mismatch": 422,
    "clock_skew": 400,
    "form_version_taken": 409,
    "match_unknown": 404,
    "busy": 503,
}


def status_for(code: str) -> int:
    return STATUS_BY_CODE.get(code, 400)
