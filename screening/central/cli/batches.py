"""``screening-central interviews list`` (what arrived, no answers) and ``import FILE`` (a batch
from removable media, with the same checks as an upload)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from screening.central.batches import queries
from screening.central.batches.ingest import ingest
from screening.central.cli import operator
from screening.errors import ScreeningError
from screening.sync import wire


def add_parsers(sub: argparse._SubParsersAction) -> None:
    interviews = sub.add_parser("interviews", help="interviews held")
    isub = interviews.add_subparsers(dest="action", metavar="ACTION", required=True)
    ilist = isub.add_parser("list", help="list interviews (no answers)")
    ilist.add_argument("--json", action="store_true")
    ilist.set_defaults(handler=interviews_list)
    imp = sub.add_parser("import", help="ingest a batch file from removable media")
    imp.add_argument("file")
    imp.set_defaults(handler=import_file)


def interviews_list(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        with central.engine.connect() as conn:
            rows = queries.listing(conn)
    finally:
        central.close()
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for row in rows:
            print(f"{row['id']}  {row['checkpoint']}  rev {row['revision']}  {row['status']}  "
                  f"{row['outcome'] or '-'}")
    return 0


def import_file(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        raw = _read(Path(args.file), central.settings.limits.compressed)
        receipt = json.loads(ingest(central, raw, via="file"))
    finally:
        central.close()
    counts: dict[str, int] = {}
    for result in receipt["results"]:
        counts[result["result"]] = counts.get(result["result"], 0) + 1
        if result["result"] == "refused":
            print(f"refused {result['interview_id']}: {result['code']}")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "no interviews"
    print(f"batch {receipt['batch_id']} (device {receipt['device_id']}, "
          f"#{receipt['sequence']}) accepted: {summary}")
    return 0


def _read(path: Path, limit: int) -> bytes:
    try:
        if path.stat().st_size > limit:
            raise wire.TooLargeError(f"{path} is larger than {limit} bytes")
        return path.read_bytes()
    except OSError as error:
        raise ScreeningError(f"cannot read {path}: {error.strerror}", code="file_unreadable"
                             ) from None
