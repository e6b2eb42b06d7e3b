"""Why central refuses a request: stable codes, and the HTTP status each one answers with.

The same codes come back from ``screening-central import``, so a batch refused over the network
is refused in the same words from a USB stick."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import JSONResponse

from screening import crypto
from screening.errors import ScreeningError
from screening.sync import wire


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
    "not_found": 404,
    "method_not_allowed": 405,
    "batch_conflict": 409,
    "batch_replayed": 409,
    "sequence_reused": 409,
    "device_key_in_use": 409,
    "batch_too_large": 413,
    "batch_too_large_decompressed": 413,
    "batch_too_many_interviews": 413,
    "interview_too_large": 413,
    "content_hash_mismatch": 422,
    "decrypt_failed": 422,
    "content_malformed": 422,
    "content_mismatch": 422,
    "clock_skew": 400,
    "form_version_taken": 409,
    "match_unknown": 404,
    "request_timeout": 408,
    "request_incomplete": 400,
    "busy": 503,
}


def status_for(code: str) -> int:
    return STATUS_BY_CODE.get(code, 400)


_HTTP_CODES = {404: ("not_found", "central serves nothing at this address"),
               405: ("method_not_allowed", "central does not serve this method here")}


def code_for_http(status: int) -> tuple[str, str]:
    """The code and message for an error the router raised itself (no route, wrong method)."""
    return _HTTP_CODES.get(status, ("request_malformed", "central cannot read this request"))


def answer(signing_key: crypto.Ed25519PrivateKey, request: Request, code: str, message: str,
           status: int | None = None) -> JSONResponse:
    """The refusal, signed with the receipt key over the nonce the request carried, so a
    workstation acts on it only when central said it (docs/protocol.md §4.1)."""
    nonce = wire.valid_nonce(request.headers.get(wire.NONCE_HEADER))
    return JSONResponse(wire.build_refusal(code, message, nonce, signing_key),
                        status_code=status or status_for(code))
