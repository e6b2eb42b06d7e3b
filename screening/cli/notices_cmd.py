"""``screening notices list``: the checkpoint's expected arrivals, as central last sent them
(any account; names only on the terminal that asked)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json

from screening.cli.store_cmd import add_command, add_group, open_session
from screening.store import notices


def register(commands: argparse._SubParsersAction) -> None:
    group = add_group(commands, "notices", "the arrivals central notified for this checkpoint")
    listing = add_command(group, "list", "list the expected arrivals (synced from central)",
                          run_list)
    listing.add_argument("--json", action="store_true", help="as JSON, for other programs")


def run_list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        found = notices.expected(session.conn, dt.date.today())
        issued = notices.issued_at(session.conn)
    if args.json:
        print(json.dumps([dataclasses.asdict(n) for n in found], indent=2, ensure_ascii=False))
        return 0
    for arrival in found:
        facts = arrival.facts
        born = facts.get("date_of_birth") or (f"age {facts['age']}" if facts.get("age")
                                              is not None else "-")
        flags = "".join((" victim suspected" if facts.get("victim_suspected") else "",
                         " child suspected" if facts.get("child_suspected") else ""))
        print(f"{arrival.expected_date}  {arrival.name} ({born})  "
              f"{facts.get('travel') or '-'}  from {facts.get('coming_from') or '?'}  "
              f"notified by {','.join(facts.get('notified_by', []))}{flags}")
    if not found:
        print("no expected arrivals" + ("" if issued else " (none received from central yet: "
                                        "sync first)"))
    return 0
