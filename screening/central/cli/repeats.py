"""``screening-central matches list|confirm|reject``: possible repeat victims, decided by staff
(each decision audited)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from screening.central.cli import operator
from screening.central.repeats import candidates


def add_parsers(sub: argparse._SubParsersAction) -> None:
    found = sub.add_parser("matches", help="possible repeat victims, for staff to decide")
    msub = found.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = msub.add_parser("list", help="candidate matches (pending unless --status)")
    listing.add_argument("--status", choices=(*candidates.STATUSES, "all"), default="pending")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=matches_list)
    for action, handler in (("confirm", matches_confirm), ("reject", matches_reject)):
        decide = msub.add_parser(action, help=f"{action} a candidate match")
        decide.add_argument("match_id", type=int)
        decide.add_argument("--by", default=None, help="who decides (default: the login name)")
        decide.set_defaults(handler=handler)


def matches_list(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        found = candidates.list_candidates(central, None if args.status == "all" else args.status)
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
    central = operator.central_of(args)
    try:
        item = candidates.decide(central, args.match_id, decision, args.by or operator.name())
    finally:
        central.close()
    print(_line(item))
    return 0
