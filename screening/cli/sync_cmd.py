"""``screening enroll`` and ``screening sync``: this workstation and central."""

from __future__ import annotations

import argparse
from pathlib import Path

from screening.cli.store_cmd import add_command, open_session
from screening.sync import service
from screening.sync.outbox import refusal_reason


def register(commands: argparse._SubParsersAction) -> None:
    enroll = add_command(commands, "enroll", "enrol this workstation with central using a "
                         "one-time code from central staff (supervisors only)", run_enroll,
                         who="SUPERVISOR")
    enroll.add_argument("--server", required=True, metavar="URL",
                        help="central's address, e.g. https://central.example:8443")
    enroll.add_argument("--code", required=True, metavar="CODE", help="the enrolment code")
    enroll.add_argument("--ca", type=Path, metavar="FILE",
                        help="central's private CA certificate (PEM) to trust")
    enroll.add_argument("--label", default="", help="a name for this workstation at central")
    sync = add_command(commands, "sync", "send finished interviews to central now, or write "
                       "them to removable media with --export (supervisors only)", run_sync,
                       who="SUPERVISOR")
    sync.add_argument("--export", type=Path, metavar="DIR",
                      help="write the pending batches as files into DIR instead of sending")


def run_enroll(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        me = service.enroll(session, args.server, args.code, args.ca, args.label)
    print(f"enrolled with {me.server_url} as device {me.device_id}")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        if args.export is not None:
            written = service.export(session, args.export)
            print(f"{len(written)} batch file(s) written to {args.export}; take them to "
                  "central ('screening-central import FILE'). They stay pending here until "
                  "central's receipt comes back with the next sync.")
            return 0
        report = service.sync_now(session)
        purged = session.purge_expired()
    print(f"{len(report.acknowledged)} batch(es) acknowledged by central")
    for result in report.refused_interviews:
        print(f"refused by central: interview {result.interview_id}: {result.code}: "
              f"{refusal_reason(result.to_json(), getattr(args, 'messages_lang', 'en'))}")
    if report.quarantined:
        print(f"{len(report.quarantined)} batch(es) quarantined; see the outbox")
    set_aside = getattr(report, "set_aside", 0)
    if set_aside:
        print(f"{set_aside} batch(es) in the outbox were refused by central for good; their "
              "interviews are not at central: ask IT support")
    held_back = getattr(report, "held_back", [])
    for interview_id in held_back:
        print(f"not sent: interview {interview_id} is larger than central accepts in one "
              "record; ask IT support")
    reference = getattr(report, "reference", None)
    for line in (reference.applied if reference else []):
        print(f"from central: {line}")
    for line in (reference.refused if reference else []):
        print(f"refused from central (the previous version is kept): {line}")
    for line in getattr(report, "untrusted", []):
        print(f"refused on this workstation's disk: {line}")
    expected = getattr(report, "expected", None)
    if expected is not None and expected.held is not None:
        print(f"{expected.held} expected arrival(s) from central")
    elif expected is not None:
        print(f"expected arrivals not updated: {expected.refused}")
    if purged:
        print(f"{len(purged)} acknowledged interview(s) past the retention period were purged")
    failed = set_aside or held_back or report.quarantined or report.refused_interviews
    return 1 if failed else 0
