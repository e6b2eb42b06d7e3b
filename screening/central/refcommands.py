"""``screening-central publish ...`` and ``screening-central matches ...``: the parsers and
what each command does (cli.py adds them with ``add_parsers``)."""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path
from typing import Any

from screening.central import matches, reference, settings
from screening.central.service import Central, open_central


def add_parsers(sub: argparse._SubParsersAction) -> None:
    _publish(sub)
    _matches(sub)


def _publish(sub: argparse._SubParsersAction) -> None:
    publish = sub.add_parser("publish", help="publish reference data to the workstations")
    psub = publish.add_subparsers(dest="action", metavar="ACTION", required=True)
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


def _matches(sub: argparse._SubParsersAction) -> None:
    found = sub.add_parser("matches", help="possible repeat victims, for staff to decide")
    msub = found.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = msub.add_parser("list", help="candidate matches (pending unless --status)")
    listing.add_argument("--status", choices=(*matches.STATUSES, "all"), default="pending")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=matches_list)
    for action, handler in (("confirm", matches_confirm), ("reject", matches_reject)):
        decide = msub.add_parser(action, help=f"{action} a candidate match")
        decide.add_argument("match_id", type=int)
        decide.add_argument("--by", default=None, help="who decides (default: the login name)")
        decide.set_defaults(handler=handler)


def _open(args: argparse.Namespace) -> Central:
    return open_central(settings.resolve(args.data_dir, args.db))


def publish_reference(args: argparse.Namespace) -> int:
    central = _open(args)
    try:
        row = reference.publish_reference_dir(central, Path(args.folder))
    finally:
        central.close()
    print(f"reference data is package v{row.version} (published {row.published_at})")
    return 0


def publish_form(args: argparse.Namespace) -> int:
    central = _open(args)
    try:
        row = reference.publish_form_file(central, Path(args.file))
    finally:
        central.close()
    print(f"form {row.name} version {row.label} is package v{row.version} "
          f"(published {row.published_at})")
    return 0


def publish_list(args: argparse.Namespace) -> int:
    central = _open(args)
    try:
        rows = reference.listing(central)
    finally:
        central.close()
    if args.json:
        print(json.dumps(rows, indent=2))
    for row in [] if args.json else rows:
        what = f"form {row['name']} {row['label']}" if row["kind"] == "form" else row["kind"]
        print(f"v{row['version']}  {row['published_at']}  {what}  by {row['published_by']}")
    return 0


def matches_list(args: argparse.Namespace) -> int:
    central = _open(args)
    try:
        found = matches.list_candidates(central, None if args.status == "all" else args.status)
    finally:
        central.close()
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False))
        return 0
    for item in found:
        print(_line(item))
    if not found:
        print(f"no {'' if args.status == 'all' else args.status + ' '}candidate matches")
    return 0


def _line(item: dict[str, Any]) -> str:
    sides = "  <->  ".join(_who(side) for side in item["interviews"])
    decided = f" by {item['decided_by']} {item['decided_at']}" if item["decided_by"] else ""
    return f"#{item['id']}  {item['status']}{decided}  {item['reason']}  {sides}"


def _who(side: dict[str, Any]) -> str:
    name = f"{side.get('given_name') or ''} {side.get('family_name') or ''}".strip() or "?"
    born = side.get("date_of_birth") or (f"age {side['age_estimate']}"
                                         if side.get("age_estimate") is not None else "-")
    return (f"{name} ({born}) {side.get('checkpoint', '?')} "
            f"{(side.get('interviewed_at') or '')[:10]} [{side['id'][:8]}]")


def matches_confirm(args: argparse.Namespace) -> int:
    return _decide(args, "confirmed")


def matches_reject(args: argparse.Namespace) -> int:
    return _decide(args, "rejected")


def _decide(args: argparse.Namespace, decision: str) -> int:
    central = _open(args)
    try:
        item = matches.decide(central, args.match_id, decision, args.by or _login())
    finally:
        central.close()
    print(_line(item))
    return 0


def _login() -> str:
    try:
        return f"{getpass.getuser()} (command line)"
    except (OSError, KeyError):
        return "command line"
