"""Who runs a ``screening-central`` command, for the staff audit, and the central it opens."""

from __future__ import annotations

import argparse
import getpass

from screening.central import settings
from screening.central.service import Central, open_central


def central_of(args: argparse.Namespace) -> Central:
    return open_central(settings.resolve(args.data_dir, args.db))


def name() -> str:
    """The login name, marked as the command line."""
    try:
        return f"{getpass.getuser()} (command line)"
    except (OSError, KeyError):
        return "command line"
