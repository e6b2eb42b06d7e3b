"""``screening-central publish reference|form|list``: reference data for the workstations
(each publication audited as the login name running the command)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from screening.central.cli import operator
from screening.central.reference import publish


def add_parsers(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("publish", help="publish reference data to the workstations")
    psub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    folder = psub.add_parser("reference", help="the reference folder (checkpoints, referral "
                             "directory, help lines, countries), e.g. forms/reference")
    folder.add_argument("folder")
    folder.set_defaults(handler=publish_reference)
    form = psub.add_parser("form", help="a questionnaire version (checked before publishing)")
    form.add_argument("file")
    form.set_defaults(handler=publish_form)
    listing = psub.add_parser("list", help="what has been published")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=publish_list)


def publish_reference(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        row = publish.publish_reference_dir(central, Path(args.folder), by=operator.name())
    finally:
        central.close()
    print(f"reference data is package v{row.version} (published {row.published_at})")
    return 0


def publish_form(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        row = publish.publish_form_file(central, Path(args.file), by=operator.name())
    finally:
        central.close()
    print(f"form {row.name} version {row.label} is package v{row.version} "
          f"(published {row.published_at})")
    return 0


def publish_list(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        rows = publish.listing(central)
    finally:
        central.close()
    if args.json:
        print(json.dumps(rows, indent=2))
    for row in [] if args.json else rows:
        what = f"form {row['name']} {row['label']}" if row["kind"] == "form" else row["kind"]
        print(f"v{row['version']}  {row['published_at']}  {what}  by {row['published_by']}")
    return 0
