"""``screening-central staff add|role|checkpoints``: staff accounts, their console role and the
checkpoints they are limited to (need-to-know), each change audited."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from screening.central.cli import operator
from screening.central.refusals import Refused
from screening.central.staff import accounts
from screening.errors import ScreeningError


def add_parsers(sub: argparse._SubParsersAction) -> None:
    staff = sub.add_parser("staff", help="central staff accounts")
    ssub = staff.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = ssub.add_parser("add", help="add a staff account (password from "
                          "SCREENING_CENTRAL_PASSWORD or asked twice)")
    add.add_argument("name")
    add.add_argument("--role", choices=accounts.ROLES, default="viewer",
                     help="console rights: viewer looks, admin also revokes and enrols, "
                     "caseworker does the Responsible Authority's case work, partner sees "
                     "its organisation's referrals, ministry only statistics (default viewer)")
    add.add_argument("--organisation", metavar="ID",
                     help="a partner's organisation: an id of the referral directory")
    add.add_argument("--checkpoint", metavar="CODE", action="append", default=[],
                     help="limit the account to this checkpoint's cases, batches, referrals, "
                     "notices and statistics (repeat for several; default: every checkpoint)")
    add.set_defaults(handler=staff_add)
    role = ssub.add_parser("role", help="change a staff account's console role")
    role.add_argument("name")
    role.add_argument("role", choices=accounts.ROLES)
    role.add_argument("--organisation", metavar="ID", help="for a partner: its organisation")
    role.set_defaults(handler=staff_role)
    limit = ssub.add_parser("checkpoints", help="limit a staff account to checkpoints, or "
                            "let it see every checkpoint again")
    limit.add_argument("name")
    chosen = limit.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--checkpoint", metavar="CODE", action="append", default=[],
                        help="a checkpoint the account sees (repeat for several)")
    chosen.add_argument("--all", action="store_true", help="every checkpoint (no limit)")
    limit.set_defaults(handler=staff_checkpoints)


def staff_add(args: argparse.Namespace) -> int:
    accounts.check_role(args.role, args.organisation)  # before asking for a password
    password = _new_password()
    central = operator.central_of(args)
    try:
        accounts.add(central.engine, args.name, password, args.role, by=operator.name(),
                     organisation=args.organisation, checkpoints=args.checkpoint)
    finally:
        central.close()
    bound = f" of {args.organisation}" if args.organisation else ""
    print(f"staff account {args.name!r} added ({args.role}{bound}), "
          f"{_sees(accounts.clean_checkpoints(args.checkpoint))}")
    return 0


def staff_checkpoints(args: argparse.Namespace) -> int:
    codes = () if args.all else accounts.clean_checkpoints(args.checkpoint)
    central = operator.central_of(args)
    try:
        changed = accounts.set_checkpoints(central.engine, args.name, codes,
                                           by=operator.name())
    finally:
        central.close()
    if not changed:
        raise Refused(f"no staff account {args.name!r}", code="staff_unknown")
    print(f"staff account {args.name!r} {_sees(codes)}")
    return 0


def _sees(codes: tuple[str, ...]) -> str:
    return f"sees only {', '.join(codes)}" if codes else "sees every checkpoint"


def staff_role(args: argparse.Namespace) -> int:
    central = operator.central_of(args)
    try:
        changed = accounts.set_role(central.engine, args.name, args.role, by=operator.name(),
                                    organisation=args.organisation)
    finally:
        central.close()
    if not changed:
        raise Refused(f"no staff account {args.name!r}", code="staff_unknown")
    print(f"staff account {args.name!r} is now {args.role}")
    return 0


def _new_password() -> str:
    password = os.environ.get("SCREENING_CENTRAL_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise ScreeningError("no password given: run the command in a terminal, or set "
                                 "SCREENING_CENTRAL_PASSWORD for a script; nothing was changed",
                                 code="password_missing")
        try:
            password = getpass.getpass("password: ")
            again = getpass.getpass("again: ")
        except EOFError:
            raise ScreeningError("the password was not typed; nothing was changed",
                                 code="password_missing") from None
        if again != password:
            raise ScreeningError("the two passwords differ; nothing was changed",
                                 code="password_mismatch")
    return password
