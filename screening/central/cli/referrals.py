"""``screening-central referrals list|record``: the case registry's referrals for central staff
and scripts. ``record`` acts as a named staff account (``--as``), with that account's rights:
a partner only on its organisation's referrals, the re-referral only by the Responsible
Authority; each event audited under that name."""

from __future__ import annotations

import argparse
import json
from typing import Any

from screening.central.cli import operator
from screening.central.referrals import lifecycle, registry
from screening.central.referrals.access import Actor
from screening.central.refusals import Refused
from screening.central.staff import queries as staff

FIELDS = ("id", "case_reference", "organisation", "status", "updated_at", "urgent", "kind",
          "previous_id", "sent_at")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    found = sub.add_parser("referrals", help="the referrals of approved interviews and what "
                           "became of them")
    rsub = found.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = rsub.add_parser("list", help="referrals, the most recently changed first")
    listing.add_argument("--organisation", metavar="ID",
                         help="only those addressed to this organisation of the directory")
    listing.add_argument("--status", choices=lifecycle.STATUSES)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=referrals_list)
    record = rsub.add_parser("record", help="record what happened to a referral")
    record.add_argument("referral_id", type=int, metavar="REFERRAL_ID")
    record.add_argument("--event", required=True, choices=lifecycle.EVENTS)
    record.add_argument("--reason", default="", help="why (needed to decline, close or "
                        "re-refer); for a service, a note")
    record.add_argument("--date", help="the day it happened, as 2026-12-02 (arrival, "
                        "admission, exit, services, guardian; default today); exit_expected: the "
                        "day the person is expected to leave, which may be ahead")
    record.add_argument("--organisation", metavar="ID",
                        help="re_referred: the organisation the person is referred to now")
    record.add_argument("--as", dest="staff", required=True, metavar="STAFF",
                        help="the staff account that records it")
    record.set_defaults(handler=referrals_record)


def referrals_list(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        rows, _total = registry.listing(central.engine, Actor(operator.name(), "admin"),
                                        organisation=args.organisation, status=args.status)
    finally:
        central.close()
    shown = [{name: row.get(name) for name in FIELDS} for row in rows]
    if args.json:
        print(json.dumps(shown, indent=2, ensure_ascii=False))
        return 0
    for row in shown:
        print(_line(row))
    if not shown:
        print("no referrals" + (f" that are {args.status}" if args.status else ""))
    return 0


def _line(row: dict[str, Any]) -> str:
    urgent = " URGENT" if row["urgent"] else ""
    after = f" (re-referral of #{row['previous_id']})" if row["previous_id"] else ""
    return (f"#{row['id']}  {row['case_reference'] or '?'}  {row['organisation']}  "
            f"{row['status']}{urgent}  {row['updated_at']}{after}")


def referrals_record(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        with central.engine.connect() as conn:
            account = staff.account(conn, args.staff)
            limited = staff.checkpoints_of(conn, account.id) if account else ()
        if account is None:
            raise Refused(f"no staff account {args.staff!r}; add it with screening-central "
                          "staff add", code="staff_unknown")
        actor = Actor(account.name, account.role, account.organisation, limited)
        after = registry.record(central.engine, args.referral_id,
                                registry.Step(args.event, args.reason, args.date,
                                              args.organisation), actor)
    finally:
        central.close()
    print(_line({name: after.get(name) for name in FIELDS}))
    return 0
