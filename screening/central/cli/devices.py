"""``screening-central enrolment-code`` and ``devices list|revoke`` (codes and revocations are
audited as the login name running the command)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from screening.central.cli import operator
from screening.central.devices import enrolment, overview, revocation


def add_parsers(sub: argparse._SubParsersAction) -> None:
    code = sub.add_parser("enrolment-code", help="print a one-time code to enrol a workstation")
    code.add_argument("checkpoint")
    code.add_argument("--hours", type=float, default=24.0, help="valid for (default 24)")
    code.set_defaults(handler=enrolment_code)
    devices = sub.add_parser("devices", help="enrolled workstations")
    dsub = devices.add_subparsers(dest="action", metavar="ACTION", required=True)
    dlist = dsub.add_parser("list", help="list workstations, with sequence gaps")
    dlist.add_argument("--json", action="store_true")
    dlist.set_defaults(handler=devices_list)
    revoke = dsub.add_parser("revoke", help="refuse every later batch of a workstation")
    revoke.add_argument("device_id")
    revoke.set_defaults(handler=devices_revoke)


def enrolment_code(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        code = enrolment.new_code(central, args.checkpoint, args.hours, by=operator.name())
    finally:
        central.close()
    print(f"enrolment code for {args.checkpoint}: {code}")
    print(f"valid once, for {args.hours:g} hour(s)")
    return 0


def devices_list(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        with central.engine.connect() as conn:
            found = overview.workstations(conn)
    finally:
        central.close()
    rows = [_row(d) for d in sorted(found, key=lambda d: (d["enrolled_at"], d["id"]))]
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for row in rows:
            state = f"revoked {row['revoked_at']}" if row["revoked_at"] else "active"
            gap = f", {row['missing_batches']} batch(es) missing" if row["missing_batches"] else ""
            print(f"{row['id']}  {row['checkpoint']}  {state}  "
                  f"batches {row['batches']} up to #{row['last_sequence']}{gap}")
    return 0


def _row(device: dict[str, Any]) -> dict[str, Any]:
    return {"id": device["id"], "checkpoint": device["checkpoint"], "label": device["label"],
            "enrolled_at": device["enrolled_at"], "revoked_at": device["revoked_at"],
            "batches": int(device["batches"]), "last_sequence": int(device["highest"]),
            "missing_batches": device["missing"]}


def devices_revoke(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        changed = revocation.revoke(central, args.device_id, by=operator.name())
    finally:
        central.close()
    print(f"device {args.device_id} revoked" if changed
          else f"device {args.device_id} was already revoked")
    return 0
