"""The sync wire formats, shared by the workstation and central (docs/design.md §5).

Every document names its format and version in a ``format`` field ("rs-batch/1"); a reader
refuses a version it does not know, so a later format can coexist with this one.

A batch file is binary, so the ciphertext is not inflated by base64::

    b"RSBATCH\\n" | header length (4 bytes, big-endian) | header | ciphertext | signature (64)

The header is canonical JSON (sorted keys, no whitespace, UTF-8): format, device id, per-device
sequence, batch id (a UUID), creation time, the sealing's ephemeral key and nonce, and
``content_hash`` = SHA-256 of the ciphertext. The device's Ed25519 signature covers every byte
before it. The AES-GCM associated data binds format, device id, sequence and batch id, so a
header moved onto another ciphertext (or re-signed by another device) does not decrypt.

The plaintext is zlib-compressed canonical JSON of the interviews (each with its revision and
its audit entries). Decompression is streamed with a ceiling, so a zip bomb costs nothing.

A receipt is JSON signed by central: per interview one of ``stored`` (new, or a higher revision
that replaced the one held), ``duplicate`` (this revision with this content is already held),
``superseded`` (central already holds a higher revision; nothing to store) or ``refused`` with
a stable code (``revision_conflict``: same revision, different content; ``interview_invalid``;
the codes of central's checks, docs/protocol.md §9.2) and, when central says why, ``problems``.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import json
import re
import struct
import uuid
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from screening import crypto, lifecycle
from screening.errors import ScreeningError
from screening.sync.limits import DEFAULT as DEFAULT_LIMITS
from screening.sync.limits import MAX_PROBLEM_CHARS, MAX_RESULT_PROBLEMS, Limits

BATCH_FORMAT = "rs-batch/1"
CONTENT_FORMAT = "rs-batch-content/1"
RECEIPT_FORMAT = "rs-receipt/1"
ENROL_REQUEST_FORMAT = "rs-enrol-request/1"
ENROL_RESPONSE_FORMAT = "rs-enrol-response/1"
REFUSAL_FORMAT = "rs-refusal/1"
# The client's fresh random value for one request; central puts it in the refusal it signs,
# so a refusal recorded once cannot be played back to another request (docs/protocol.md §4.1).
NONCE_HEADER = "X-Screening-Nonce"

MAGIC = b"RSBATCH\n"
MAX_HEADER_BYTES = 16 * 1024

RESULTS = ("stored", "duplicate", "superseded", "refused")
SENDABLE_STATUSES = lifecycle.SENDABLE
# The longest text central keeps in a column for each field (the rest travels as JSON).
TEXT_FIELDS = {"form_id": 100, "form_version": 40, "checkpoint": 100, "outcome": 100}
_CHUNK = 64 * 1024
_DEVICE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class WireError(ScreeningError):
    """A sync document is malformed, too large or of an unknown format."""

    code = "wire_invalid"


class FormatUnsupportedError(WireError):
    code = "format_unsupported"

    def __init__(self, found: object, expected: str) -> None:
        shown = repr(found)
        shown = shown if len(shown) <= 80 else shown[:77] + "..."  # the sender chose it
        super().__init__(f"unknown format {shown}: this version reads {expected!r}; "
                         "update the program that reads it")


class TooLargeError(WireError):
    code = "batch_too_large"


# -- encoding helpers ---------------------------------------------------------------------------

def canonical_json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def signed_bytes(body: dict[str, Any], what: str, code: str) -> bytes:
    """The canonical JSON that a received document's signature covers. Python's parser takes
    NaN and lone surrogates ("\\ud800") that canonical JSON cannot write: such a document is
    malformed, never a crash of the reader."""
    try:
        return canonical_json(body)
    except (UnicodeEncodeError, ValueError):
        raise WireError(f"{what} holds a number or text that canonical JSON cannot carry",
                        code=code) from None


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, what: str) -> bytes:
    if not isinstance(text, str):
        raise WireError(f"{what} must be base64 text", code="envelope_malformed")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise WireError(f"{what} is not valid base64", code="envelope_malformed") from None


def sha256_hex(data: bytes) -> str:
    return crypto.digest_hex(data)


def compress(data: bytes) -> bytes:
    return zlib.compress(data, 6)


def decompress_bounded(data: bytes, limit: int) -> bytes:
    """Inflate ``data`` but stop as soon as the output would pass ``limit`` bytes."""
    inflater = zlib.decompressobj()
    out = bytearray()
    pending = data
    try:
        while pending:
            out += inflater.decompress(pending, _CHUNK)
            if len(out) > limit:
                raise _too_large_decompressed(limit)
            pending = inflater.unconsumed_tail
        out += inflater.flush(_CHUNK)
    except zlib.error:
        raise WireError("the batch content is not valid compressed data",
                        code="content_malformed") from None
    if len(out) > limit:
        raise _too_large_decompressed(limit)
    if not inflater.eof or inflater.unused_data:
        raise WireError("the batch content is truncated or has trailing data",
                        code="content_malformed")
    return bytes(out)


def _too_large_decompressed(limit: int) -> TooLargeError:
    return TooLargeError(f"the batch content is larger than {limit} bytes once decompressed",
                         code="batch_too_large_decompressed")


def _json_object(raw: bytes, what: str, code: str) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # RecursionError: JSON nested thousands deep; hostile, never a crash of ours
        raise WireError(f"{what} is not UTF-8 JSON", code=code) from None
    if not isinstance(value, dict):
        raise WireError(f"{what} is not a JSON object", code=code)
    return value


def _check_format(doc: dict[str, Any], expected: str) -> None:
    if doc.get("format") != expected:
        raise FormatUnsupportedError(doc.get("format"), expected)


# -- batches ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BatchHeader:
    device_id: str
    sequence: int
    batch_id: str
    created_at: str
    ephemeral_key: bytes
    nonce: bytes
    content_hash: str
    format: str = BATCH_FORMAT

    def to_json(self) -> dict[str, Any]:
        return {"format": self.format, "device_id": self.device_id, "sequence": self.sequence,
                "batch_id": self.batch_id, "created_at": self.created_at,
                "ephemeral_key": b64e(self.ephemeral_key), "nonce": b64e(self.nonce),
                "content_hash": self.content_hash, "compression": "zlib"}


@dataclass(frozen=True)
class BatchEnvelope:
    header: BatchHeader
    ciphertext: bytes
    signature: bytes
    signed_part: bytes


@dataclass(frozen=True)
class ChainHead:
    """One point of a workstation's audit chain: an entry's seq and hash (docs/protocol.md
    §8.3). ``hash`` is None only in an anchor, for an entry the workstation no longer has."""

    seq: int
    hash: str | None

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}


@dataclass(frozen=True)
class BatchContent:
    device_id: str
    sequence: int
    batch_id: str
    interviews: list[Any] = field(default_factory=list)
    # the chain's last entry when the batch was built, and the workstation's own entry at
    # the seq of the head central confirmed last (None: nothing confirmed yet, or a sender
    # from before the chain was anchored)
    audit_head: ChainHead | None = None
    audit_anchor: ChainHead | None = None


def batch_aad(device_id: str, sequence: int, batch_id: str) -> bytes:
    return canonical_json({"format": BATCH_FORMAT, "device_id": device_id,
                           "sequence": sequence, "batch_id": batch_id})


Sealer = Callable[[crypto.X25519PublicKey, bytes, bytes], crypto.Sealed]


def build_batch(*, device_id: str, sequence: int, batch_id: str, created_at: str,
                interviews: list[dict[str, Any]], signing_key: crypto.Ed25519PrivateKey,
                recipient: crypto.X25519PublicKey, seal: Sealer = crypto.seal,
                audit_head: ChainHead | None = None,
                audit_anchor: ChainHead | None = None) -> bytes:
    """Seal and sign one batch; the bytes are what is uploaded or written to removable media.
    ``seal`` is replaced only by the test vectors (a fixed ephemeral key and nonce)."""
    content: dict[str, Any] = {"format": CONTENT_FORMAT, "device_id": device_id,
                               "sequence": sequence, "batch_id": batch_id,
                               "interviews": interviews}
    if audit_head is not None:
        content["audit_head"] = audit_head.to_json()
    if audit_anchor is not None:
        content["audit_anchor"] = audit_anchor.to_json()
    sealed = seal(recipient, compress(canonical_json(content)),
                         batch_aad(device_id, sequence, batch_id))
    header = BatchHeader(device_id, sequence, batch_id, created_at, sealed.ephemeral_key,
                         sealed.nonce, sha256_hex(sealed.ciphertext))
    return sign_frame(canonical_json(header.to_json()), sealed.ciphertext, signing_key)


def sign_frame(header: bytes, ciphertext: bytes, signing_key: crypto.Ed25519PrivateKey) -> bytes:
    signed = MAGIC + struct.pack(">I", len(header)) + header + ciphertext
    return signed + crypto.sign(signing_key, signed)


def parse_batch(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> BatchEnvelope:
    """Split a batch file into header, ciphertext and signature; nothing is verified yet."""
    if len(raw) > limits.compressed:
        raise TooLargeError(f"the batch is larger than {limits.compressed} bytes")
    prefix = len(MAGIC) + 4
    if len(raw) < prefix + crypto.SIGNATURE_BYTES or not raw.startswith(MAGIC):
        raise WireError("this is not a batch file", code="envelope_malformed")
    (header_len,) = struct.unpack(">I", raw[len(MAGIC):prefix])
    if header_len > MAX_HEADER_BYTES or prefix + header_len + crypto.SIGNATURE_BYTES > len(raw):
        raise WireError("the batch header is damaged", code="envelope_malformed")
    doc = _json_object(raw[prefix:prefix + header_len], "the batch header",
                       "envelope_malformed")
    _check_format(doc, BATCH_FORMAT)
    header = _header_from(doc)
    ciphertext = raw[prefix + header_len:-crypto.SIGNATURE_BYTES]
    if sha256_hex(ciphertext) != header.content_hash:
        raise WireError("the batch's content hash does not match its content",
                        code="content_hash_mismatch")
    return BatchEnvelope(header, ciphertext, raw[-crypto.SIGNATURE_BYTES:],
                         raw[:-crypto.SIGNATURE_BYTES])


def _header_from(doc: dict[str, Any]) -> BatchHeader:
    device_id, sequence, batch_id = doc.get("device_id"), doc.get("sequence"), doc.get("batch_id")
    created_at, content_hash = doc.get("created_at"), doc.get("content_hash")
    if not (isinstance(device_id, str) and _DEVICE_ID.fullmatch(device_id)
            and type(sequence) is int and 1 <= sequence < 2 ** 63 and is_uuid(batch_id)
            and is_iso_time(created_at) and isinstance(content_hash, str)
            and doc.get("compression") == "zlib"):
        raise WireError("the batch header lacks a valid device id, sequence, batch id, time, "
                        "content hash or compression", code="envelope_malformed")
    ephemeral_key = b64d(doc.get("ephemeral_key"), "the ephemeral key")
    nonce = b64d(doc.get("nonce"), "the nonce")
    # AES-GCM itself takes a nonce of 8 to 128 bytes; the protocol says 12, and a reader that
    # took any other would accept frames that other readers of the protocol refuse.
    if len(ephemeral_key) != crypto.KEY_BYTES or len(nonce) != crypto.NONCE_BYTES:
        raise WireError(f"the batch header's ephemeral key must be {crypto.KEY_BYTES} bytes "
                        f"and its nonce {crypto.NONCE_BYTES}", code="envelope_malformed")
    return BatchHeader(device_id, sequence, batch_id, created_at, ephemeral_key, nonce,
                       content_hash)


def verify_batch(envelope: BatchEnvelope, verify_key: crypto.Ed25519PublicKey) -> None:
    crypto.verify(verify_key, envelope.signature, envelope.signed_part, "the batch signature")


def open_batch(envelope: BatchEnvelope, key: crypto.X25519PrivateKey,
               limits: Limits = DEFAULT_LIMITS) -> BatchContent:
    """Decrypt, inflate (bounded) and parse a batch whose signature was verified."""
    h = envelope.header
    compressed = crypto.open_sealed(
        key, crypto.Sealed(h.ephemeral_key, h.nonce, envelope.ciphertext),
        batch_aad(h.device_id, h.sequence, h.batch_id))
    doc, interviews = read_content(decompress_bounded(compressed, limits.decompressed), limits)
    _check_format(doc, CONTENT_FORMAT)
    if (doc.get("device_id"), doc.get("sequence"), doc.get("batch_id")) != (
            h.device_id, h.sequence, h.batch_id):
        raise WireError("the batch content names another device, sequence or batch than its "
                        "header", code="content_mismatch")
    if interviews is None:
        raise WireError("the batch content has no list of interviews", code="content_malformed")
    return BatchContent(h.device_id, h.sequence, h.batch_id, interviews,
                        _chain_point(doc.get("audit_head"), "audit_head", hash_needed=True),
                        _chain_point(doc.get("audit_anchor"), "audit_anchor",
                                     hash_needed=False))


_HASH = re.compile(r"[0-9a-f]{64}")


def _chain_point(value: object, what: str, hash_needed: bool) -> ChainHead | None:
    if value is None:
        return None
    fields = value if isinstance(value, dict) else {}
    seq, digest = fields.get("seq"), fields.get("hash")
    hash_ok = (isinstance(digest, str) and _HASH.fullmatch(digest) is not None) or (
        digest is None and not hash_needed)
    if not (type(seq) is int and 1 <= seq < 2 ** 63 and hash_ok):
        raise WireError(f"the batch content's {what} needs a seq and a SHA-256 hash",
                        code="content_malformed")
    return ChainHead(seq, digest if isinstance(digest, str) else None)


# -- reading the content within the limits ------------------------------------------------------
#
# json.loads of the whole content would build every entry before anything could be counted:
# 6.5 KB inflating to two million ``{}`` cost central 1.7 GB. The content is read one value at
# a time instead: a scan over its strings and brackets (no Python object made) finds where each
# interview record ends and refuses as soon as a count, size or depth passes its limit; only a
# record within every limit is then parsed, on its own.

_MEMBERS = 16  # the content's own members are five; room for ones a later version adds
_MEMBER_VALUES, _MEMBER_DEPTH = 64, 4
_BRACKET_OR_QUOTE = re.compile(rb'["\[\]{}]')
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_SCALAR = re.compile(rb'-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null')
_SPACE = re.compile(rb"[ \t\n\r]*")


@dataclass(frozen=True)
class _Bound:
    """How far one value may reach: bytes, objects and lists in it, nesting levels."""

    size: int
    values: int
    depth: int
    refuse: Callable[[str], WireError]


def read_content(raw: bytes, limits: Limits) -> tuple[dict[str, Any], list[Any] | None]:
    """The content's members other than ``interviews``, and its interviews (None if it has
    none), read within ``limits``: more interviews than ``limits.interviews``, a record over
    its size, value count or depth, or an entry that is not an object refuses the batch whole,
    before any interview is looked at."""
    pos = _expect(raw, _skip(raw, 0), b"{")
    members: dict[str, Any] = {}
    interviews: list[Any] | None = None
    member = _Bound(MAX_HEADER_BYTES, _MEMBER_VALUES, _MEMBER_DEPTH, _malformed)
    pos = _skip(raw, pos)
    if raw[pos:pos + 1] == b"}":
        return members, _end(raw, pos + 1, interviews)
    while True:
        key, pos = _key(raw, pos)
        if key == "interviews" and interviews is None:
            interviews, pos = _interviews(raw, pos, limits)
        elif key == "interviews" or len(members) == _MEMBERS:
            raise _malformed("the batch content repeats its interviews or has too many members")
        else:
            end = _value_end(raw, pos, member)
            members[key] = _parse(raw[pos:end])
            pos = end
        pos = _skip(raw, pos)
        if raw[pos:pos + 1] == b"}":
            return members, _end(raw, pos + 1, interviews)
        pos = _skip(raw, _expect(raw, pos, b","))


def _interviews(raw: bytes, pos: int, limits: Limits) -> tuple[list[Any], int]:
    bound = _Bound(limits.record_bytes, limits.record_values, limits.record_depth,
                   lambda why: TooLargeError(f"an interview record {why}; the batch is refused "
                                             "whole", code="interview_too_large"))
    records: list[Any] = []
    pos = _skip(raw, _expect(raw, pos, b"["))
    if raw[pos:pos + 1] == b"]":
        return records, pos + 1
    while True:
        if len(records) == limits.interviews:
            raise TooLargeError(f"the batch holds more than {limits.interviews} interviews",
                                code="batch_too_many_interviews")
        if raw[pos:pos + 1] != b"{":
            raise _malformed("the batch's interviews are not a list of objects")
        end = _value_end(raw, pos, bound)
        records.append(_parse(raw[pos:end]))
        pos = _skip(raw, end)
        if raw[pos:pos + 1] == b"]":
            return records, pos + 1
        pos = _skip(raw, _expect(raw, pos, b","))


def record_beyond_limits(record: dict[str, Any], limits: Limits) -> str | None:
    """Why central would refuse a batch holding this record (its canonical JSON too large,
    too many objects and lists, too deep), or None: the workstation asks before it seals."""
    size = len(canonical_json(record))
    if size > limits.record_bytes:
        return f"is larger than {limits.record_bytes} bytes ({size})"
    values, depth = _shape(record)
    if depth > limits.record_depth:
        return f"nests deeper than {limits.record_depth} levels"
    if values > limits.record_values:
        return f"holds more than {limits.record_values} objects and lists"
    return None


def _shape(value: object) -> tuple[int, int]:
    """(objects and lists in ``value``, its nesting depth), as the scan counts them."""
    children = value.values() if isinstance(value, dict) else value \
        if isinstance(value, list) else None
    if children is None:
        return 0, 0
    values, depth = 1, 0
    for child in children:
        count, levels = _shape(child)
        values, depth = values + count, max(depth, levels)
    return values, depth + 1


def _value_end(raw: bytes, start: int, bound: _Bound) -> int:
    """Where the JSON value at ``start`` ends, found without building it; refused by
    ``bound`` as soon as it passes a limit. Its syntax is checked when it is parsed."""
    window = min(len(raw), start + bound.size)
    if raw[start:start + 1] == b'"':
        found = _STRING.match(raw, start, window)
        return found.end() if found else _past(raw, window, bound)
    if raw[start:start + 1] not in (b"{", b"["):
        scalar = _SCALAR.match(raw, start, window)
        if not scalar:
            raise _malformed("the batch content is not valid JSON")
        return scalar.end()
    level = values = 0
    pos = start
    while token := _BRACKET_OR_QUOTE.search(raw, pos, window):
        char = raw[token.start():token.start() + 1]
        pos = token.end()
        if char == b'"':
            string = _STRING.match(raw, token.start(), window)
            if not string:
                break
            pos = string.end()
        elif char in b"{[":
            level, values = level + 1, values + 1
            if level > bound.depth:
                raise bound.refuse(f"nests deeper than {bound.depth} levels")
            if values > bound.values:
                raise bound.refuse(f"holds more than {bound.values} objects and lists")
        else:
            level -= 1
            if level == 0:
                return pos
    return _past(raw, window, bound)


def _past(raw: bytes, window: int, bound: _Bound) -> int:
    if window < len(raw):
        raise bound.refuse(f"is larger than {bound.size} bytes")
    raise _malformed("the batch content ends in the middle of a value")


def _key(raw: bytes, pos: int) -> tuple[str, int]:
    found = _STRING.match(raw, pos, pos + MAX_HEADER_BYTES)
    if not found:
        raise _malformed("the batch content is not a JSON object with short member names")
    return _parse(found.group()), _skip(raw, _expect(raw, _skip(raw, found.end()), b":"))


def _parse(part: bytes) -> Any:
    try:
        return json.loads(part)
    except (UnicodeDecodeError, ValueError):
        raise _malformed("the batch content is not UTF-8 JSON") from None


def _skip(raw: bytes, pos: int) -> int:
    found = _SPACE.match(raw, pos)
    return found.end() if found else pos


def _expect(raw: bytes, pos: int, char: bytes) -> int:
    if raw[pos:pos + 1] != char:
        raise _malformed("the batch content is not a JSON object with a list of interviews")
    return pos + 1


def _end(raw: bytes, pos: int, interviews: list[Any] | None) -> list[Any] | None:
    if _skip(raw, pos) != len(raw):
        raise _malformed("the batch content has data after its end")
    return interviews


def _malformed(why: str) -> WireError:
    return WireError(why, code="content_malformed")


# -- interviews inside a batch ------------------------------------------------------------------

def is_uuid(value: object) -> TypeGuard[str]:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def is_iso_time(value: object) -> TypeGuard[str]:
    """ISO 8601 text that names a moment (``datetime.fromisoformat`` reads it)."""
    if not isinstance(value, str):
        return False
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def interview_problem(record: object) -> str | None:
    """Why an interview record cannot be stored, or None when it can."""
    if not isinstance(record, dict):
        return "the interview is not a JSON object"
    if not is_uuid(record.get("id")):
        return "the interview has no valid id (a lower-case UUID)"
    revision = record.get("revision")
    if type(revision) is not int or not 1 <= revision < 2 ** 31:
        return "the interview has no valid revision (a positive integer)"
    for name, longest in TEXT_FIELDS.items():
        value = record.get(name)
        if name == "outcome" and value is None:
            continue
        if not _short_text(value, longest):
            return f"the interview's {name} is missing, longer than {longest} or not plain text"
    if record.get("status") not in SENDABLE_STATUSES:
        return "only finalised or approved interviews are sent"
    if not isinstance(record.get("answers"), dict):
        return "the interview's answers are not a JSON object"
    if "notice_id" in record and not is_uuid(record["notice_id"]):
        return "the interview's notice_id is not a notice's id (a lower-case UUID)"
    audit = record.get("audit", [])
    if not isinstance(audit, list) or not all(_audit_ok(e) for e in audit):
        return "the interview's audit entries are malformed"
    try:
        canonical_json(record)  # central hashes and keeps it so: it must be writable
    except (UnicodeEncodeError, ValueError):
        return "the interview holds a number or text that canonical JSON cannot carry"
    return None


def _audit_ok(entry: object) -> bool:
    return (isinstance(entry, dict) and type(entry.get("seq")) is int
            and 1 <= entry["seq"] < 2 ** 63
            and isinstance(entry.get("hash"), str) and isinstance(entry.get("action"), str))


def _short_text(value: object, longest: int) -> bool:
    # NUL is refused here because PostgreSQL refuses it in text: a batch must not fail at
    # central's database over what can be said here, to the interview alone.
    return (isinstance(value, str) and 0 < len(value) <= longest and "\x00" not in value)


def interview_content_hash(record: dict[str, Any]) -> str:
    """The hash that decides duplicate versus conflict. Audit entries are left out: the same
    revision may travel again with more of the log (e.g. a later export)."""
    return sha256_hex(canonical_json({k: v for k, v in record.items() if k != "audit"}))


# -- receipts -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One reason central refused an interview: where (a question id, or ``""`` for the record
    itself), a stable code and words for people. Never the answer's value: it may be a
    victim's name."""

    question: str
    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"question": self.question, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class InterviewResult:
    interview_id: str
    revision: int | None
    result: str
    code: str
    message: str = ""
    # Audit entries central could not keep: it holds another entry under the same per-device
    # seq (docs/protocol.md §8.2). Written only when there are some, so receipts without any
    # stay byte for byte what they were.
    audit_refused: tuple[int, ...] = ()
    # Why a refused interview was refused, one element per problem; written only when there
    # are some, like ``audit_refused``.
    problems: tuple[Problem, ...] = ()

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"interview_id": self.interview_id, "revision": self.revision,
                               "result": self.result, "code": self.code,
                               "message": self.message}
        if self.audit_refused:
            doc["audit_refused"] = list(self.audit_refused)
        if self.problems:
            doc["problems"] = [p.to_json() for p in self.problems]
        return doc


CHAIN_RESULTS = ("confirmed", "refused")


@dataclass(frozen=True)
class ChainVerdict:
    """Central's word on the audit head a batch carried (docs/protocol.md §8.3): ``confirmed``
    or ``refused`` with a code (``audit_chain_backwards``, ``audit_chain_forked``), and the
    head central holds as confirmed for the device after this batch (None: none yet)."""

    result: str
    code: str
    confirmed: ChainHead | None

    def to_json(self) -> dict[str, Any]:
        return {"result": self.result, "code": self.code,
                "confirmed": self.confirmed.to_json() if self.confirmed else None}


@dataclass(frozen=True)
class Receipt:
    results: list[InterviewResult]
    audit_chain: ChainVerdict | None = None  # None from a central before the anchored chain


def build_receipt(*, batch_id: str, device_id: str, sequence: int, content_hash: str,
                  received_at: str, results: list[InterviewResult],
                  signing_key: crypto.Ed25519PrivateKey,
                  audit_chain: ChainVerdict | None = None) -> bytes:
    body: dict[str, Any] = {"format": RECEIPT_FORMAT, "batch_id": batch_id,
                            "device_id": device_id, "sequence": sequence,
                            "content_hash": content_hash, "received_at": received_at,
                            "results": [_bounded(r).to_json() for r in results]}
    if audit_chain is not None:  # absent for a batch without a head: receipts stay as they were
        body["audit_chain"] = audit_chain.to_json()
    body["signature"] = b64e(crypto.sign(signing_key, canonical_json(body)))
    return canonical_json(body)


def _bounded(result: InterviewResult) -> InterviewResult:
    """A result within the receipt's limits (docs/protocol.md §13): problems name question ids
    and schema paths a hostile record chose, so their number and length are capped."""
    problems = tuple(Problem(p.question[:MAX_PROBLEM_CHARS], p.code[:MAX_PROBLEM_CHARS],
                             p.message[:MAX_PROBLEM_CHARS])
                     for p in result.problems[:MAX_RESULT_PROBLEMS])
    return dataclasses.replace(result, message=result.message[:MAX_PROBLEM_CHARS],
                               problems=problems)


def verify_receipt(raw: bytes, verify_key: crypto.Ed25519PublicKey, *, batch_id: str,
                   content_hash: str) -> list[InterviewResult]:
    """The per-interview results of a receipt that central signed for exactly this batch.
    Anything else (an HTML page from a captive portal, a receipt for another batch) raises."""
    return read_receipt(raw, verify_key, batch_id=batch_id, content_hash=content_hash).results


def read_receipt(raw: bytes, verify_key: crypto.Ed25519PublicKey, *, batch_id: str,
                 content_hash: str) -> Receipt:
    """The whole of a receipt central signed for exactly this batch: results and, when the
    batch carried an audit head, central's verdict on it."""
    doc = _json_object(raw, "the receipt", "receipt_invalid")
    _check_format(doc, RECEIPT_FORMAT)
    signature = b64d(doc.pop("signature", None), "the receipt signature")
    crypto.verify(verify_key, signature, signed_bytes(doc, "the receipt", "receipt_invalid"),
                  "the receipt signature")
    if doc.get("batch_id") != batch_id or doc.get("content_hash") != content_hash:
        raise WireError("the receipt is for another batch", code="receipt_mismatch")
    return Receipt([_result_from(r) for r in doc.get("results", [])],
                   _verdict_from(doc.get("audit_chain")))


def _verdict_from(value: object) -> ChainVerdict | None:
    if value is None:
        return None
    fields = value if isinstance(value, dict) else {}
    result, code = fields.get("result"), fields.get("code")
    if result not in CHAIN_RESULTS or not isinstance(code, str):
        raise WireError("the receipt's audit chain verdict is malformed", code="receipt_invalid")
    try:
        confirmed = _chain_point(fields.get("confirmed"), "confirmed head", hash_needed=True)
    except WireError:
        raise WireError("the receipt's confirmed audit head is malformed",
                        code="receipt_invalid") from None
    return ChainVerdict(str(result), code, confirmed)


def _result_from(item: Any) -> InterviewResult:
    fields = item if isinstance(item, dict) else {}
    interview_id, revision, result = (fields.get("interview_id"), fields.get("revision"),
                                      fields.get("result"))
    audit_refused = fields.get("audit_refused", [])
    if not (isinstance(interview_id, str) and (revision is None or type(revision) is int)
            and result in RESULTS and isinstance(audit_refused, list)
            and all(type(seq) is int for seq in audit_refused)):
        raise WireError("the receipt lists a malformed result", code="receipt_invalid")
    return InterviewResult(interview_id, revision, str(result), fields.get("code", ""),
                           fields.get("message", ""), tuple(audit_refused),
                           _problems_from(fields.get("problems", [])))


def _problems_from(items: object) -> tuple[Problem, ...]:
    if not isinstance(items, list):
        raise WireError("the receipt lists malformed problems", code="receipt_invalid")
    found = []
    for item in items:
        fields = item if isinstance(item, dict) else {}
        question, code, message = (fields.get(k) for k in ("question", "code", "message"))
        if not (isinstance(question, str) and isinstance(code, str)
                and isinstance(message, str)):
            raise WireError("the receipt lists malformed problems", code="receipt_invalid")
        found.append(Problem(question, code, message))
    return tuple(found)


# -- refusals -----------------------------------------------------------------------------------

_NONCE = re.compile(r"[A-Za-z0-9_-]{16,128}")


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


def new_nonce() -> str:
    return crypto.new_token()


def valid_nonce(value: object) -> str | None:
    """The request's nonce if it is one, else None (an old client sends none)."""
    return value if isinstance(value, str) and _NONCE.fullmatch(value) else None


def build_refusal(code: str, message: str, nonce: str | None,
                  signing_key: crypto.Ed25519PrivateKey) -> dict[str, Any]:
    body: dict[str, Any] = {"format": REFUSAL_FORMAT, "error": code, "message": message,
                            "nonce": nonce}
    body["signature"] = b64e(crypto.sign(signing_key, canonical_json(body)))
    return body


def verify_refusal(doc: object, verify_key: crypto.Ed25519PublicKey, nonce: str) -> Refusal:
    """The refusal central signed for the request that carried ``nonce``. An unsigned one, or
    one signed for another request, raises: it may come from anything on the path."""
    if not isinstance(doc, dict):
        raise WireError("the refusal is not a JSON object", code="refusal_invalid")
    body = dict(doc)
    _check_format(body, REFUSAL_FORMAT)
    signature = b64d(body.pop("signature", None), "the refusal signature")
    crypto.verify(verify_key, signature, signed_bytes(body, "the refusal", "refusal_invalid"),
                  "the refusal signature")
    code, message = body.get("error"), body.get("message")
    if body.get("nonce") != nonce or not isinstance(code, str) or not isinstance(message, str):
        raise WireError("the refusal is for another request", code="refusal_mismatch")
    return Refusal(code, message)


# -- enrolment ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class EnrolRequest:
    code: str
    verify_key: bytes
    label: str


def build_enrol_request(code: str, signing_key: crypto.Ed25519PrivateKey, label: str = ""
                        ) -> dict[str, Any]:
    """The request proves it holds the private key by signing itself with it."""
    body = {"format": ENROL_REQUEST_FORMAT, "code": code, "label": label,
            "verify_key": b64e(crypto.public_bytes(signing_key))}
    return {**body, "signature": b64e(crypto.sign(signing_key, canonical_json(body)))}


def parse_enrol_request(doc: object) -> EnrolRequest:
    if not isinstance(doc, dict):
        raise WireError("the enrolment request is not a JSON object", code="request_malformed")
    body = dict(doc)
    _check_format(body, ENROL_REQUEST_FORMAT)
    signature = b64d(body.pop("signature", None), "the request signature")
    code, label = body.get("code"), body.get("label", "")
    if (not isinstance(code, str) or len(code) > 100 or not isinstance(label, str)
            or len(label) > 200 or "\x00" in label):
        raise WireError("the enrolment request needs a code and a short label",
                        code="request_malformed")
    raw_key = b64d(body.get("verify_key"), "the verify key")
    key = crypto.load_verify_key(raw_key)
    crypto.verify(key, signature, signed_bytes(body, "the enrolment request",
                                               "request_malformed"),
                  "the enrolment request signature")
    return EnrolRequest(code, raw_key, label)


@dataclass(frozen=True)
class EnrolResponse:
    device_id: str
    checkpoint: str
    encryption_key: bytes  # central's X25519 public key, batches are sealed to it
    verify_key: bytes  # central's Ed25519 public key, receipts are signed with it


def build_enrol_response(response: EnrolResponse) -> dict[str, Any]:
    return {"format": ENROL_RESPONSE_FORMAT, "device_id": response.device_id,
            "checkpoint": response.checkpoint,
            "encryption_key": b64e(response.encryption_key),
            "verify_key": b64e(response.verify_key)}


def parse_enrol_response(doc: object) -> EnrolResponse:
    if not isinstance(doc, dict):
        raise WireError("the enrolment response is not a JSON object", code="response_malformed")
    _check_format(doc, ENROL_RESPONSE_FORMAT)
    device_id, checkpoint = doc.get("device_id"), doc.get("checkpoint")
    if not (isinstance(device_id, str) and _DEVICE_ID.fullmatch(device_id)
            and isinstance(checkpoint, str)):
        raise WireError("the enrolment response lacks a device id or checkpoint",
                        code="response_malformed")
    encryption_key = b64d(doc.get("encryption_key"), "central's encryption key")
    verify_key = b64d(doc.get("verify_key"), "central's verify key")
    crypto.load_recipient_key(encryption_key)
    crypto.load_verify_key(verify_key)
    return EnrolResponse(device_id, checkpoint, encryption_key, verify_key)
