"""The reference-data wire formats, shared by central and the workstation (docs/design.md §5).

A *package* is what central publishes for the workstations: one questionnaire version, the
reference folder (checkpoints, referral directory, help lines, countries) or the list of
revoked devices. Each has a monotonic ``version`` across all kinds and is canonical JSON signed
with central's Ed25519 key (the one that signs receipts), so a workstation trusts it only when
the signature verifies against the key it received at enrolment — never because of the
transport (a proxy or a captive portal can put anything on the wire)::

    {"format": "rs-reference/1", "version": 7, "kind": "form", "published_at": "...",
     "payload": {...}, "signature": "<base64 Ed25519 over the rest, canonical JSON>"}

A pull is ``GET /v1/reference?since=N`` with three headers that prove which device asks: its
id, the time, and its signature over the canonical request (format, device id, since, time).
The answer (``rs-reference-list/1``) is a plain list of signed packages newer than ``N``.

Standalone like wire.py: no questionnaire, no store, so central can import it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from screening import crypto
from screening.sync import wire

PACKAGE_FORMAT = "rs-reference/1"
LIST_FORMAT = "rs-reference-list/1"
REQUEST_FORMAT = "rs-reference-request/1"
STATUS_FORMAT = "rs-referral-status/1"
# what a referral's status tells the checkpoint: nothing more personal than it holds already
STATUS_FIELDS = ("referral", "interview_id", "organisation", "status", "updated_at", "day",
                 "reason", "previous")
KINDS = ("form", "reference", "revocations")
# What screening.questionnaire.reference.load_reference reads; nothing else of the folder travels.
REFERENCE_FILES = ("checkpoints.yaml", "countries.yaml", "help_lines.yaml",
                   "referral_directory.yaml")
# published when the folder holds them; a package of an older central lacks them
OPTIONAL_REFERENCE_FILES = ("leaflet.yaml",)

DEVICE_HEADER = "X-Screening-Device"
TIME_HEADER = "X-Screening-Time"
SIGNATURE_HEADER = "X-Screening-Signature"
# A signed pull is only data central publishes anyway; the window stops an old request being
# replayed for ever while tolerating a checkpoint laptop whose clock has drifted for a day.
MAX_CLOCK_SKEW = dt.timedelta(hours=24)


@dataclass(frozen=True)
class Package:
    version: int
    kind: str
    published_at: str
    payload: dict[str, Any]
    document: dict[str, Any]  # the signed JSON exactly as received, kept beside the data

    @property
    def label(self) -> str:
        if self.kind == "form":
            return f"form {self.payload.get('form_id')} {self.payload.get('form_version')}"
        return self.kind


def sign_package(*, version: int, kind: str, published_at: str, payload: dict[str, Any],
                 signing_key: crypto.Ed25519PrivateKey) -> dict[str, Any]:
    body = {"format": PACKAGE_FORMAT, "version": version, "kind": kind,
            "published_at": published_at, "payload": payload}
    return {**body, "signature": wire.b64e(crypto.sign(signing_key, wire.canonical_json(body)))}


def verify_package(doc: object, verify_key: crypto.Ed25519PublicKey) -> Package:
    """The package, once central's signature over it verified; raises ``WireError`` or
    ``SignatureInvalidError`` otherwise."""
    if not isinstance(doc, dict):
        raise wire.WireError("a reference package is not a JSON object",
                             code="package_malformed")
    body = {k: v for k, v in doc.items() if k != "signature"}
    if body.get("format") != PACKAGE_FORMAT:
        raise wire.FormatUnsupportedError(body.get("format"), PACKAGE_FORMAT)
    signature = wire.b64d(doc.get("signature"), "the package signature")
    crypto.verify(verify_key, signature,
                  wire.signed_bytes(body, "a reference package", "package_malformed"),
                  f"central's signature on reference package {body.get('version')}")
    return _package_from(body, doc)


def _package_from(body: dict[str, Any], doc: dict[str, Any]) -> Package:
    version, kind, payload = body.get("version"), body.get("kind"), body.get("payload")
    if not (type(version) is int and version >= 1 and kind in KINDS
            and isinstance(payload, dict) and isinstance(body.get("published_at"), str)):
        raise wire.WireError("a reference package lacks a version, kind or payload",
                             code="package_malformed")
    return Package(version, kind, body["published_at"], payload, doc)


def build_list(packages: list[dict[str, Any]], latest: int,
               referral_statuses: dict[str, Any] | None = None) -> dict[str, Any]:
    answer = {"format": LIST_FORMAT, "latest": latest, "packages": packages}
    if referral_statuses is not None:
        answer["referral_statuses"] = referral_statuses
    return answer


# -- the status of a workstation's own referrals -----------------------------------------------

@dataclass(frozen=True)
class ReferralStatus:
    referral: int
    interview_id: str
    organisation: str
    status: str
    updated_at: str
    day: str | None
    reason: str | None
    previous: int | None


def sign_statuses(*, device_id: str, at: str, referrals: list[dict[str, Any]],
                  signing_key: crypto.Ed25519PrivateKey) -> dict[str, Any]:
    """Every referral of one device's interviews, as central knows them at ``at``, signed."""
    body = {"format": STATUS_FORMAT, "device_id": device_id, "at": at,
            "referrals": [{name: item.get(name) for name in STATUS_FIELDS} for item in referrals]}
    return {**body, "signature": wire.b64e(crypto.sign(signing_key, wire.canonical_json(body)))}


def verify_statuses(doc: object, verify_key: crypto.Ed25519PublicKey, device_id: str
                    ) -> tuple[str, list[ReferralStatus]]:
    """(central's time, the statuses), once the signature verified and the document is for
    this very device; raises ``WireError`` or ``SignatureInvalidError`` otherwise."""
    if not isinstance(doc, dict):
        raise wire.WireError("the referral statuses are not a JSON object",
                             code="statuses_malformed")
    body = {k: v for k, v in doc.items() if k != "signature"}
    if body.get("format") != STATUS_FORMAT:
        raise wire.FormatUnsupportedError(body.get("format"), STATUS_FORMAT)
    crypto.verify(verify_key, wire.b64d(doc.get("signature"), "the statuses signature"),
                  wire.signed_bytes(body, "the referral statuses", "statuses_malformed"),
                  "central's signature on the referral statuses")
    if body.get("device_id") != device_id or not isinstance(body.get("at"), str):
        raise wire.WireError("the referral statuses are for another workstation",
                             code="statuses_malformed")
    items = body.get("referrals")
    if not isinstance(items, list):
        raise wire.WireError("the referral statuses are malformed", code="statuses_malformed")
    return body["at"], [_status(item) for item in items]


def _status(item: object) -> ReferralStatus:
    def text(value: object, limit: int) -> bool:
        return isinstance(value, str) and 0 < len(value) <= limit

    def optional(value: object, limit: int) -> bool:
        return value is None or text(value, limit)

    if not (isinstance(item, dict) and type(item.get("referral")) is int
            and text(item.get("interview_id"), 36) and text(item.get("organisation"), 100)
            and text(item.get("status"), 20) and text(item.get("updated_at"), 40)
            and optional(item.get("day"), 10) and optional(item.get("reason"), 500)
            and (item.get("previous") is None or type(item.get("previous")) is int)):
        raise wire.WireError("a referral status is malformed", code="statuses_malformed")
    return ReferralStatus(*(item[name] for name in STATUS_FIELDS))


def parse_list(doc: object) -> list[object]:
    """The (still unverified) package documents of a pull answer."""
    if not isinstance(doc, dict) or doc.get("format") != LIST_FORMAT:
        raise wire.WireError("the answer is not central's list of reference packages",
                             code="package_list_malformed")
    items = doc.get("packages")
    if not isinstance(items, list):
        raise wire.WireError("the list of reference packages is malformed",
                             code="package_list_malformed")
    return items


# -- the signed pull request --------------------------------------------------------------------

def request_body(device_id: str, since: int, at: str) -> bytes:
    return wire.canonical_json({"format": REQUEST_FORMAT, "device_id": device_id,
                                "since": since, "at": at})


def sign_request(device_id: str, since: int, signing_key: crypto.Ed25519PrivateKey,
                 now: dt.datetime | None = None) -> dict[str, str]:
    """The headers of ``GET /v1/reference?since=N`` for this device."""
    at = (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds")
    signature = crypto.sign(signing_key, request_body(device_id, since, at))
    return {DEVICE_HEADER: device_id, TIME_HEADER: at, SIGNATURE_HEADER: wire.b64e(signature)}


def check_request_time(at: str, now: dt.datetime) -> None:
    try:
        when = dt.datetime.fromisoformat(at)
    except ValueError:
        raise wire.WireError("the request time is not an ISO time", code="request_malformed"
                             ) from None
    if when.tzinfo is None or abs(now - when) > MAX_CLOCK_SKEW:
        raise wire.WireError("the request time is more than a day from central's clock: set "
                             "the workstation's date and time", code="clock_skew")
