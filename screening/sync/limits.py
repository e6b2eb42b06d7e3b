"""How much one batch may hold: the one home of the numbers the workstation builds batches
within and central refuses batches beyond (docs/protocol.md §13).

Sized from a real batch, with headroom: a real interview record is about 3–5 KB of canonical
JSON holding fewer than a dozen objects and lists, nested four deep, and the workstation sends
200 in a batch (about 1 MB). Central decodes the content one record at a time and stops at the
first record or count over a limit, before any per-interview work, so a small batch that would
inflate to millions of entries costs it almost nothing (``wire.open_batch``)."""

from __future__ import annotations

from dataclasses import dataclass

# The batch file as uploaded (the request body).
MAX_COMPRESSED_BYTES = 20 * 1024 * 1024
# The content once inflated: 1,000 real records are about 5 MB.
MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024
# Interviews in one batch: five times what the workstation puts in one.
MAX_BATCH_INTERVIEWS = 1000
# One interview record's canonical JSON: some fifty times a real one (long notes fit).
MAX_RECORD_BYTES = 256 * 1024
# Objects and lists in one record: repeat groups and a long audit trail fit; a record of
# 100,000 ``{}`` does not (each costs central far more memory than its two bytes).
MAX_RECORD_VALUES = 2000
# Nesting depth of one record (the record itself is level 1; a real one reaches 4).
MAX_RECORD_DEPTH = 16
# The workstation's batches: what it puts in one, and the room it leaves below the inflated
# limit for the content's own members.
BATCH_INTERVIEWS = 200
CONTENT_MARGIN_BYTES = 64 * 1024


@dataclass(frozen=True)
class Limits:
    compressed: int = MAX_COMPRESSED_BYTES
    decompressed: int = MAX_DECOMPRESSED_BYTES
    interviews: int = MAX_BATCH_INTERVIEWS
    record_bytes: int = MAX_RECORD_BYTES
    record_values: int = MAX_RECORD_VALUES
    record_depth: int = MAX_RECORD_DEPTH


DEFAULT = Limits()


# A receipt holds one result per interview; a refused one names at most this many problems,
# each question and message cut to this length (they may echo a hostile record's keys).
MAX_RESULT_PROBLEMS = 20
MAX_PROBLEM_CHARS = 200
