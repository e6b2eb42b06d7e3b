"""``screening-central keys rotate``: re-seal victims' data under a new data key."""

from __future__ import annotations

import argparse

from screening.central import atrest, rotation
from screening.central.cli import operator


def add_parsers(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="central's data key (victims' data sealed at rest)")
    ksub = keys.add_subparsers(dest="action", metavar="ACTION", required=True)
    rotate = ksub.add_parser("rotate", help="seal everything again under a new data key and "
                             "drop the old key from the key file")
    rotate.set_defaults(handler=keys_rotate)


def keys_rotate(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        kid, count = rotation.rotate(central, operator.name())
        source = atrest.attached(central.engine)
    finally:
        central.close()
    print(f"{count} value(s) sealed again under data key {kid}")
    print(f"the key file {source.source if source else ''} now holds only that key: back it "
          "up now, apart from the database backups")
    return 0
