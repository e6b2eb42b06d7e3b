"""``screening-central notices add|import|list|links|confirm|reject``: advance notice of
returns (docs/notices.md). Names are printed to the terminal that asked, never to a log."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from screening.central.cli import operator
from screening.central.notices import csvimport, linking, model, register


def add_parsers(sub: argparse._SubParsersAction) -> None:
    notices = sub.add_parser("notices", help="advance notice of returns")
    nsub = notices.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = nsub.add_parser("add", help="record an expected return (merged into an earlier "
                          "notice of the same person)")
    add.add_argument("--checkpoint", required=True, metavar="CODE")
    add.add_argument("--expected", required=True, metavar="DATE", help="YYYY-MM-DD")
    add.add_argument("--given-name", required=True)
    add.add_argument("--family-name", required=True)
    add.add_argument("--date-of-birth", metavar="DATE")
    add.add_argument("--age", metavar="YEARS", help="when the date of birth is not known")
    add.add_argument("--sex", choices=model.SEXES)
    add.add_argument("--nationality", metavar="CC", help="ISO 3166 code, e.g. AL")
    add.add_argument("--travel", metavar="FLIGHT", help="the flight or the crossing")
    add.add_argument("--coming-from", metavar="CC", help="the country of return, e.g. DE")
    add.add_argument("--notified-by", required=True, metavar="KIND",
                     help=f"one or more (comma separated) of {', '.join(model.NOTIFIERS)}")
    add.add_argument("--victim-suspected", action="store_true")
    add.add_argument("--child-suspected", action="store_true")
    add.add_argument("--meet", metavar="ORGANISATION",
                     help="who should meet the person: an id of the referral directory")
    add.add_argument("--note")
    add.add_argument("--by", help="who records it (default: the login name)")
    add.set_defaults(handler=notices_add)
    imp = nsub.add_parser("import", help="record the notices of a CSV file (docs/notices.md)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--by", help="who records them (default: the login name)")
    imp.set_defaults(handler=notices_import)
    listing = nsub.add_parser("list", help="the notices recorded")
    listing.add_argument("--checkpoint", metavar="CODE")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=notices_list)
    links = nsub.add_parser("suggestions", help="interviews that may be a notice's arrival")
    links.add_argument("--json", action="store_true")
    links.set_defaults(handler=notices_suggestions)
    for action, handler in (("confirm", notices_confirm), ("reject", notices_reject)):
        decide = nsub.add_parser(action, help=f"{action} a suggested arrival")
        decide.add_argument("suggestion_id", type=int)
        decide.add_argument("--by", help="who decides (default: the login name)")
        decide.set_defaults(handler=handler)


def notices_add(args: argparse.Namespace) -> int:
    fields = {"checkpoint": args.checkpoint, "expected_date": args.expected,
              "given_name": args.given_name, "family_name": args.family_name,
              "date_of_birth": args.date_of_birth, "age": args.age, "sex": args.sex,
              "nationality": args.nationality, "travel": args.travel,
              "coming_from": args.coming_from, "notified_by": args.notified_by,
              "victim_suspected": "yes" if args.victim_suspected else "",
              "child_suspected": "yes" if args.child_suspected else "",
              "meet_organisation": args.meet, "note": args.note}
    central = operator.central_of(args)
    try:
        done = register.add(central, fields, by=args.by or operator.name())
    finally:
        central.close()
    print(f"notice {done.id} {'completed (same person)' if done.merged else 'recorded'}")
    return 0


def notices_import(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        done = csvimport.import_file(central, args.file, by=args.by or operator.name())
    finally:
        central.close()
    print(f"{done.added} notices recorded, {done.merged} merged into earlier notices of the "
          "same person")
    return 0


def notices_list(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        found = register.listing(central, args.checkpoint)
    finally:
        central.close()
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False))
        return 0
    for item in found:
        print(_line(item))
    if not found:
        print("no notices")
    return 0


def _line(item: dict[str, Any]) -> str:
    born = item["date_of_birth"] or (f"age {item['age']}" if item["age"] is not None else "-")
    linked = f"  arrived: {item['interview_id'][:8]} ({item['link']})" if item["interview_id"] \
        else ""
    return (f"{item['id'][:8]}  {item['expected_date']}  {item['checkpoint']}  "
            f"{item['given_name']} {item['family_name']} ({born})  "
            f"{','.join(item['notified_by'])}{linked}")


def notices_suggestions(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        found = linking.pending(central)
    finally:
        central.close()
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False))
        return 0
    for item in found:
        print(f"#{item['id']}  notice {item['notice_id'][:8]}  interview "
              f"{item['case_reference'] or item['interview_id']}  {item['reason']}")
    if not found:
        print("no suggested arrivals")
    return 0


def notices_confirm(args: argparse.Namespace) -> int:
    return _decide(args, "confirmed")


def notices_reject(args: argparse.Namespace) -> int:
    return _decide(args, "rejected")


def _decide(args: argparse.Namespace, decision: str) -> int:
    central = operator.central_of(args)
    try:
        linking.decide(central, args.suggestion_id, decision, args.by or operator.name())
    finally:
        central.close()
    print(f"suggestion #{args.suggestion_id} {decision}")
    return 0
