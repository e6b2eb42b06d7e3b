"""Where central keeps things and the limits it enforces. Nothing happens at import."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from screening.sync.limits import Limits

APP_NAME = "ReturneeScreeningCentral"
ENROLMENT_CODE_HOURS = 24
# The longest an enrolment code may stay valid, from the console and the command line alike.
ENROLMENT_CODE_MAX_HOURS = 14 * 24
# How long central waits for the next part of a request (headers, body) before dropping it.
IDLE_SECONDS = 20
# The longest a workstation's receipt waits for its interviews to be compared with the others
# (repeat victims, notices' arrivals) after its batch is stored; the comparison goes on after.
DERIVED_WAIT_SECONDS = 60
# Advance notice of returns: a checkpoint's workstations get the notices expected from
# NOTICE_LATE_DAYS ago (a return is often a day or two late) to NOTICE_WINDOW_DAYS ahead; a
# notice still without an arrival once it has left that window is flagged at central.
NOTICE_WINDOW_DAYS = 7
NOTICE_LATE_DAYS = 2
# Two notices of one person at one checkpoint whose dates are this close are one return.
NOTICE_MERGE_DAYS = 3

# A referral is overdue when its organisation has not recorded receiving it this many hours
# after central got the approved interview, or, when urgent, not accepted it this many hours.
REFERRAL_RECEIVE_HOURS = 24
URGENT_ACCEPT_HOURS = 4


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_url: str
    limits: Limits = field(default_factory=Limits)
    idle_seconds: int = IDLE_SECONDS
    receive_hours: int = REFERRAL_RECEIVE_HOURS
    urgent_accept_hours: int = URGENT_ACCEPT_HOURS


def resolve(data_dir: str | os.PathLike[str] | None = None, db_url: str | None = None
            ) -> Settings:
    """``--data-dir``, else ``SCREENING_CENTRAL_HOME``, else the platform's data folder;
    ``--db``, else ``SCREENING_CENTRAL_DB``, else a SQLite file in the data folder."""
    folder = Path(data_dir or os.environ.get("SCREENING_CENTRAL_HOME") or _platform_dir())
    url = db_url or os.environ.get("SCREENING_CENTRAL_DB") or f"sqlite:///{folder / 'central.db'}"
    return Settings(folder, url, _limits(),
                    _int_env("SCREENING_CENTRAL_IDLE_SECONDS", IDLE_SECONDS),
                    _int_env("SCREENING_CENTRAL_RECEIVE_HOURS", REFERRAL_RECEIVE_HOURS),
                    _int_env("SCREENING_CENTRAL_URGENT_ACCEPT_HOURS", URGENT_ACCEPT_HOURS))


def _limits() -> Limits:
    """The limits of one batch (their home: ``screening/sync/limits.py``, which the
    workstation builds within); SCREENING_CENTRAL_MAX_BATCH / _MAX_CONTENT (bytes) lower them for
    tests (as SCREENING_CENTRAL_IDLE_SECONDS shortens the wait for a slow request)."""
    default = Limits()
    return dataclasses.replace(
        default, compressed=_int_env("SCREENING_CENTRAL_MAX_BATCH", default.compressed),
        decompressed=_int_env("SCREENING_CENTRAL_MAX_CONTENT", default.decompressed))


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() and int(value) > 0 else default


def _platform_dir() -> Path:
    import platformdirs  # late: only commands that touch data need it

    return Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
