"""The store's commands: ``init``, ``recover``, ``users``, ``interviews``, ``audit`` and
``backup``. Passwords come from ``SCREENING_PASSWORD`` (a new one from
``SCREENING_NEW_PASSWORD``), else a prompt that does not echo."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from screening import config
from screening.errors import AnswersError, ScreeningError
from screening.store.session import StoreSession
from screening.sync import referralstatus
from screening.sync.forms import central_key, workstation_catalogue

PASSWORD_ENV = "SCREENING_PASSWORD"
NEW_PASSWORD_ENV = "SCREENING_NEW_PASSWORD"
RECOVERY_ENV = "SCREENING_RECOVERY_CODE"


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="PATH", help="the workstation's data folder "
                        "(default: SCREENING_HOME, else the user data folder)")


def register(commands: argparse._SubParsersAction) -> None:
    _register_init(commands)
    _register_users(commands)
    _register_interviews(commands)
    _register_audit(commands)
    backup = add_command(commands, "backup", "make an encrypted copy that opens with the same "
                      "accounts", run_backup, who="SUPERVISOR")
    backup.add_argument("dest", metavar="DEST", type=Path, help="a new or empty folder")


def add_command(parent: argparse._SubParsersAction, name: str, text: str, handler: Any,
             who: str | None = "USER") -> argparse.ArgumentParser:
    command = parent.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
    # also accepted after the command; SUPPRESS keeps a global --data-dir from being overwritten
    command.add_argument("--data-dir", metavar="PATH", default=argparse.SUPPRESS,
                         help="the workstation's data folder (as before the command)")
    if who:
        command.add_argument("--as", dest="as_user", metavar=who, required=True,
                             help="the account doing this (its password is asked for)")
    command.set_defaults(handler=handler)
    return command


def add_group(commands: argparse._SubParsersAction, name: str,
           text: str) -> argparse._SubParsersAction:
    group = commands.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
    group.set_defaults(handler=lambda args: group.print_help() or 2)
    return group.add_subparsers(dest=f"{name}_command", metavar="ACTION")


def _register_init(commands: argparse._SubParsersAction) -> None:
    init = add_command(commands, "init", "create this workstation's encrypted store and its "
                    "first supervisor", run_init, who=None)
    init.add_argument("--checkpoint", required=True, metavar="CODE")
    init.add_argument("--user", required=True, metavar="NAME")
    recover = add_command(commands, "recover", "set a new password for a supervisor with the "
                       "recovery code", run_recover, who=None)
    recover.add_argument("--user", required=True, metavar="SUPERVISOR")


def _register_users(commands: argparse._SubParsersAction) -> None:
    users = add_group(commands, "users", "manage the accounts of this workstation")
    add = add_command(users, "add", "add an account", run_users_add, who="SUPERVISOR")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=("officer", "supervisor"))
    add.add_argument("--full-name", metavar="TEXT", help="the person's full name, as the "
                     "referral slip prints it (the login name is no name)")
    full = add_command(users, "full-name", "record the full name of an account (yours, or as a "
                       "supervisor anyone's); an empty TEXT clears it", run_users_full_name)
    full.add_argument("name", metavar="NAME")
    full.add_argument("full_name", metavar="TEXT")
    add_command(users, "list", "list the accounts", run_users_list, who="SUPERVISOR")
    disable = add_command(users, "disable", "disable an account", run_users_disable,
                       who="SUPERVISOR")
    disable.add_argument("name", metavar="NAME")
    passwd = add_command(users, "passwd", "change your password, or (a supervisor) set another "
                      "account's forgotten one", run_users_passwd)
    passwd.add_argument("name", metavar="NAME", nargs="?")
    rekey = add_command(users, "rekey", "give an officer's interviews (or, without NAME, "
                        "every officer's) new data keys, so that old key slots and old backups "
                        "open nothing written since", run_users_rekey, who="SUPERVISOR")
    rekey.add_argument("name", metavar="NAME", nargs="?")


def _register_interviews(commands: argparse._SubParsersAction) -> None:
    interviews = add_group(commands, "interviews", "enter, list, show and review interviews")
    imp = add_command(interviews, "import", "enter interviews captured on paper (a JSON list of "
                   "answer objects)", run_interviews_import)
    imp.add_argument("file", metavar="FILE.json", type=Path)
    listing = add_command(interviews, "list", "list interviews, newest first", run_interviews_list)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--search", metavar="NAME",
                         help="only names in which each word of this begins a word")
    listing.add_argument("--limit", type=int, default=100, help="at most this many (100)")
    show = add_command(interviews, "show", "show one interview as JSON", run_interviews_show)
    show.add_argument("id", metavar="ID", help="the interview's id or case reference")
    approve = add_command(interviews, "approve", "approve a finalised interview, optionally "
                          "choosing the receiving organisation first (the rules of the "
                          "questionnaire's §3 still apply)", run_interviews_approve,
                          who="SUPERVISOR")
    approve.add_argument("id", metavar="ID", help="the interview's id or case reference")
    approve.add_argument("--organisation", metavar="ID",
                         help="the receiving organisation's id in the referral directory")
    send_back = add_command(interviews, "return", "return a finalised interview to its officer "
                            "for correction", run_interviews_return, who="SUPERVISOR")
    send_back.add_argument("id", metavar="ID", help="the interview's id or case reference")
    send_back.add_argument("--comment", metavar="TEXT", required=True,
                           help="what the officer must correct")


def _register_audit(commands: argparse._SubParsersAction) -> None:
    audit = add_group(commands, "audit", "check the audit log and the database")
    add_command(audit, "verify", "walk the audit chain and check the database's integrity",
             run_audit_verify, who="SUPERVISOR")


# ----- passwords and sessions ----------------------------------------------------------------

def _secret(env: str, prompt: str, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    try:
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Repeat it: ") != first:
            raise ScreeningError(code="mismatch")
    except EOFError:
        raise ScreeningError(code="no_password", env=env) from None
    return first


def data_dir_of(args: argparse.Namespace) -> Path:
    return config.data_dir(getattr(args, "data_dir", None))


def open_session(args: argparse.Namespace) -> StoreSession:
    password = _secret(PASSWORD_ENV, f"Password for {args.as_user}: ")
    session = StoreSession.login(data_dir_of(args), args.as_user, password)
    for alert in session.alerts:  # audited too; said here so that a person sees it
        print(f"warning: {alert}", file=sys.stderr)
    # finalise, print and count each interview with its own form version, downloaded or not
    session.forms = workstation_catalogue(session.paths.root, central_key(session))
    return session


# ----- handlers ------------------------------------------------------------------------------

def run_init(args: argparse.Namespace) -> int:
    password = _secret(PASSWORD_ENV, f"New password for {args.user}: ", confirm=True)
    session, code = StoreSession.initialise(data_dir_of(args), args.checkpoint, args.user,
                                            password)
    session.close()
    print(f"Created the store for checkpoint {args.checkpoint} in {session.paths.root}\n"
          f"Supervisor account: {session.account.name}\n\n"
          "RECOVERY CODE — shown this once only. Print it or write it down, seal it and lock\n"
          "it away. It opens the store if every supervisor password is forgotten.\n\n"
          f"    {code}\n")
    return 0


def run_recover(args: argparse.Namespace) -> int:
    code = _secret(RECOVERY_ENV, "Recovery code: ")
    password = _secret(NEW_PASSWORD_ENV, f"New password for {args.user}: ", confirm=True)
    with StoreSession.recover(data_dir_of(args), code, args.user, password) as session:
        print(f"New password set for {session.account.name}")
    return 0


def run_users_add(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        password = _secret(NEW_PASSWORD_ENV, f"Password for the new account {args.name}: ",
                           confirm=True)
        account = session.add_user(args.name, args.role, password, full_name=args.full_name)
    print(f"added {account.role} {account.name}" + (f" ({account.full_name})"
                                                    if account.full_name else ""))
    return 0


def run_users_full_name(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        account = session.set_full_name(args.name, args.full_name)
    print(f"full name of {account.name}: {account.full_name}" if account.full_name
          else f"full name of {account.name} cleared; documents print the login name")
    return 0


def run_users_list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        for account in session.list_users():
            state = "disabled" if account.disabled else "active"
            print(f"{account.name}\t{account.role}\t{state}\tsince {account.created_at[:10]}"
                  f"\t{account.full_name or '(no full name)'}")
    return 0


def run_users_disable(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        session.disable_user(args.name)
    print(f"disabled {args.name}")
    return 0


def run_users_passwd(args: argparse.Namespace) -> int:
    current = _secret(PASSWORD_ENV, f"Password for {args.as_user}: ")
    with StoreSession.login(data_dir_of(args), args.as_user, current) as session:
        target = args.name or session.account.name
        new = _secret(NEW_PASSWORD_ENV, f"New password for {target}: ", confirm=True)
        if target.lower() == session.account.name:
            session.change_password(current, new)
        else:
            session.reset_password(target, new)
    print(f"password changed for {target}")
    return 0


def run_users_rekey(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        done = session.rekey(args.name)
    print(f"new data keys for {done.officers} account(s); {done.records} interview(s) "
          "sealed again")
    if done.kept_back:
        print(f"{done.kept_back} key(s) kept: interviews under them open to no key this "
              "session holds; a supervisor who holds them can run this again")
    return 0


def run_interviews_import(args: argparse.Namespace) -> int:
    records = _read_records(args.file)
    failed = 0
    with open_session(args) as session:
        for index, record in enumerate(records):
            try:
                interview_id = session.import_finalised(record)
            except ScreeningError as error:
                failed += 1
                print(f"record {index}: not imported: {error.message}")
            else:
                print(f"record {index}: imported as {interview_id}")
    print(f"imported {len(records) - failed} of {len(records)} record(s)")
    return 1 if failed else 0


def run_interviews_list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        found = session.list_interviews(search=args.search, limit=args.limit)
    if args.json:
        print(json.dumps([_with_reference(s) for s in found], ensure_ascii=False, indent=2))
        return 0
    for s in found:
        print(f"{s.case_reference or '-':<17} {s.id}  {s.updated_at[:16]}  {s.status:<24} "
              f"{s.outcome or '-':<28} {s.officer:<12} {s.display_name}")
    return 0


def run_interviews_show(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        record = session.find_interview(args.id)
        # what central's registry said at the last sync (none before one brought it)
        statuses = referralstatus.of_interview(session.conn, record.id)
    shown = _with_reference(record)
    shown["referral_statuses"] = [dataclasses.asdict(s) for s in statuses]
    print(json.dumps(shown, ensure_ascii=False, indent=2))
    return 0


def run_interviews_approve(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        record = session.find_interview(args.id)
        if args.organisation:
            session.choose_organisation(record.id, args.organisation.strip())
        session.approve(record.id)
        organisation = session.get_interview(record.id).answers.get("referral_organisation")
    print(f"approved {record.case_reference}" + (f"; referred to {organisation}"
                                                 if organisation else ""))
    return 0


def run_interviews_return(args: argparse.Namespace) -> int:
    comment = args.comment.strip()
    if not comment:
        raise ScreeningError(code="comment_missing")
    with open_session(args) as session:
        record = session.find_interview(args.id)
        session.return_for_correction(record.id, comment)
    print(f"returned {record.case_reference} to {record.officer} for correction")
    return 0


def _with_reference(record: Any) -> dict[str, Any]:
    # the reference is derived, not stored, so asdict() alone would leave it out
    return {"case_reference": record.case_reference, **dataclasses.asdict(record)}


def run_audit_verify(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        report = session.verify_audit()
        problems = session.integrity_problems()
    if report.intact:
        anchored = (f", up to entry {report.anchored.seq} as central confirmed it"
                    if report.anchored else ", not yet confirmed by central")
        print(f"audit log intact: {report.entries} entries{anchored}")
    else:
        print(f"audit log BROKEN at entry {report.first_broken}: {report.reason}")
    for problem in problems:
        print(f"database integrity: {problem}")
    if not problems:
        print("database integrity: ok")
    return 0 if report.intact and not problems else 1


def run_backup(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        dest = session.backup(args.dest)
    print(f"encrypted backup written to {dest}")
    return 0


def _read_records(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswersError(code="file_missing", path=path) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise AnswersError(code="json_file_invalid", path=path, detail=error) from None
    except OSError as error:
        raise AnswersError(code="file_unreadable", path=path, reason=error.strerror) from None
    if not isinstance(data, list):
        raise AnswersError(code="json_not_list", path=path, found=type(data).__name__)
    return data
