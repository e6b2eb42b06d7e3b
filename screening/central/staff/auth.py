"""Staff login for the console: Argon2id passwords, lockout, server-side sessions bound to the
browser that logged in, CSRF tokens and roles.

- A session cookie holds a random token; the database keeps only its SHA-256, so a copy of the
  database logs nobody in. Logging in always makes a new session (the old one, if any, is
  deleted): a token planted before login is worth nothing after it.
- A session is bound to the User-Agent seen at login (and, when ``bind_ip`` is set, to the client
  address). A cookie replayed from another browser kills the session.
- Every POST carries the session's CSRF token (the login form: a token in a short-lived cookie,
  double-submit); a missing or wrong token is refused with 403 before anything happens.
- Lockout, in the database (a restart does not unlock it). Every attempt is counted *before*
  its password is checked, in the transaction that reads the lock (the account's row is
  locked while it is counted), so 30 guesses sent at once get ``LOCK_AFTER`` checks, exactly
  as 30 in a row would. After ``LOCK_AFTER`` wrong passwords in a row a viewer's account is
  locked for ``LOCK_MINUTES``; an administrator's only for ``ADMIN_DELAY_SECONDS``: anyone can
  type an administrator's name, and a hard lock would let them keep every administrator out
  (during an incident, when they are needed), while a delay still holds a guesser to a few
  tries a minute. Each source address also has its own budget (``SOURCE_LOCK_AFTER`` failed
  attempts on any names, kept in memory): one address spraying names is stopped for
  ``LOCK_MINUTES`` without locking anyone out elsewhere. Refusals of a locked account are
  recorded (``login_locked``). Unknown names cost the same Argon2 work.
"""

from __future__ import annotations

import collections
import datetime as dt
import threading
import time
import weakref
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine

from screening import crypto
from screening.central.staff import queries
from screening.central.staff.audit import record, record_alone
from screening.central.staff.scope import Scope, scope_of

LOCK_AFTER = 5
LOCK_MINUTES = 15
ADMIN_DELAY_SECONDS = 60
SOURCE_LOCK_AFTER = 20
IDLE_MINUTES = 30
LIFETIME_HOURS = 12
TOUCH_SECONDS = 30  # the idle clock is moved on at most this often (a write per page is waste)
# What each role may see and do. The Responsible Authority's own staff look at everything
# (viewer); admins also run the service; case workers do the case work. A partner sees only its
# organisation's referrals (screening.central.referrals.access); a ministry only statistics;
# consular staff abroad see and record notices of returns.
_LOOK = frozenset({"see_operations", "see_cases", "see_statistics", "see_referrals",
                   "see_notices"})
_CASEWORK = frozenset({"record_referral", "rerefer", "identify", "follow_up", "record_notice"})
RIGHTS = {"viewer": _LOOK,
          "admin": _LOOK | _CASEWORK | {"revoke_device", "create_code", "decide_match"},
          "caseworker": _LOOK | _CASEWORK | {"decide_match"},
          "partner": frozenset({"partner_inbox", "record_referral"}),
          "ministry": frozenset({"see_statistics"}),
          "consular": frozenset({"see_notices", "record_notice"})}


@dataclass(frozen=True)
class Staff:
    name: str
    role: str
    csrf_token: str
    token_hash: str
    language: str | None = None  # the console's language the account chose; None: not yet
    organisation: str | None = None  # a partner's organisation (referral directory id)
    checkpoints: tuple[str, ...] = ()  # need-to-know: the checkpoints it sees; none: all

    def may(self, right: str) -> bool:
        return right in RIGHTS.get(self.role, frozenset())

    @property
    def scope(self) -> Scope:
        return scope_of(self.checkpoints)


class LoginRefused(Exception):
    """Wrong name or password, or the account is locked (the message does not say which)."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


token_hash = crypto.sha256_hex
agent_hash = crypto.sha256_hex


def login(engine: Engine, name: str, password: str, *, user_agent: str,
          client_ip: str | None, old_token: str | None = None,
          language: str | None = None) -> tuple[str, Staff]:
    """Check the password and open a session: (cookie token, staff). ``language``, when the
    login page was switched to one, becomes the account's choice."""
    name, now = name.strip()[:100], _now()
    sources = _sources_of(engine)
    if not sources.take(client_ip or ""):
        record_alone(engine, name or "-", "login_locked", "source")
        raise LoginRefused
    with engine.connect() as conn:
        found = queries.account(conn, name) if name else None
    tries = _take_try(engine, found, now) if found else 0
    ok = crypto.verify_staff_password(found.password_hash if found else None, password[:1024])
    if found is None or not ok:
        if found is not None:
            _failed(engine, found, tries, now)
        raise LoginRefused
    sources.forget(client_ip or "")
    with engine.begin() as conn:
        queries.set_access(conn, found.id, failed_logins=0, unlock=True)
        if language:
            queries.set_language(conn, found.id, language)
        if old_token:
            queries.delete_session(conn, token_hash(old_token))
        token, csrf = crypto.new_token(), crypto.new_token()
        queries.add_session(conn, token_hash=token_hash(token), staff_id=found.id,
                            csrf_token=csrf, agent_hash=agent_hash(user_agent),
                            client_ip=client_ip, now=_iso(now),
                            expires_at=_iso(now + dt.timedelta(hours=LIFETIME_HOURS)))
        record(conn, name, "login")
        limited = queries.checkpoints_of(conn, found.id)
    return token, Staff(found.name, found.role, csrf, token_hash(token),
                        language or found.language, found.organisation, limited)


def _take_try(engine: Engine, found: queries.Account, now: dt.datetime) -> int:
    """Count this attempt before its password is checked (the lock and the count in one
    transaction); refuse it, recorded, when the account is locked or its tries are used up
    by attempts still being checked (or by checks a crash cut short: then it is locked)."""
    with engine.begin() as conn:
        tries, locked_until = queries.take_try(conn, found.id, _iso(now))
        locked = locked_until is not None and locked_until > _iso(now)
        if not locked and tries > LOCK_AFTER:
            _lock(conn, found, now)
        if locked or tries > LOCK_AFTER:
            record(conn, found.name, "login_locked")
    if locked or tries > LOCK_AFTER:  # after the commit: the refusal stays recorded
        raise LoginRefused
    return tries


def _failed(engine: Engine, found: queries.Account, tries: int, now: dt.datetime) -> None:
    with engine.begin() as conn:
        if tries >= LOCK_AFTER:
            _lock(conn, found, now)
        record(conn, found.name, "account_locked" if tries >= LOCK_AFTER else "login_failed")


def _lock(conn: Connection, found: queries.Account, now: dt.datetime) -> None:
    hold = dt.timedelta(seconds=ADMIN_DELAY_SECONDS) if found.role == "admin" else \
        dt.timedelta(minutes=LOCK_MINUTES)
    queries.set_access(conn, found.id, failed_logins=0, locked_until=_iso(now + hold))


@dataclass
class _Sources:
    """Failed attempts per source address in the last ``LOCK_MINUTES`` (one central process;
    counted when taken, so parallel attempts cannot overshoot)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    tries: dict[str, collections.deque[float]] = field(default_factory=dict)

    def take(self, source: str) -> bool:
        now = time.monotonic()
        with self.lock:
            for key in [k for k, q in self.tries.items() if q[-1] < now - LOCK_MINUTES * 60]:
                del self.tries[key]  # bounded: only addresses seen in the window are kept
            seen = self.tries.setdefault(source, collections.deque())
            if len(seen) >= SOURCE_LOCK_AFTER:
                return False
            seen.append(now)
            return True

    def forget(self, source: str) -> None:
        with self.lock:
            self.tries.pop(source, None)


_SOURCES: weakref.WeakKeyDictionary[Engine, _Sources] = weakref.WeakKeyDictionary()
_SOURCES_LOCK = threading.Lock()


def _sources_of(engine: Engine) -> _Sources:
    with _SOURCES_LOCK:
        return _SOURCES.setdefault(engine, _Sources())


def current(engine: Engine, token: str | None, *, user_agent: str, client_ip: str | None,
            bind_ip: bool = False) -> Staff | None:
    """The staff member of a session cookie, or None (a session used from another browser is
    deleted on the spot)."""
    if not token or len(token) > 200:
        return None
    digest, now = token_hash(token), _now()
    with engine.begin() as conn:
        row = queries.session(conn, digest)
        if row is None:
            return None
        idle = _iso(now - dt.timedelta(minutes=IDLE_MINUTES))
        stolen = not crypto.same_secret(row.agent_hash, agent_hash(user_agent)) or (
            bind_ip and row.client_ip != client_ip)
        if stolen or row.expires_at <= _iso(now) or row.last_seen_at < idle:
            queries.delete_session(conn, digest)
            if stolen:
                record(conn, row.name, "session_killed_other_browser")
            return None
        if row.last_seen_at < _iso(now - dt.timedelta(seconds=TOUCH_SECONDS)):
            queries.touch_session(conn, digest, _iso(now))
        # read with every request: a limit changed applies at the next page, not next login
        limited = queries.checkpoints_of(conn, row.staff_id)
    return Staff(row.name, row.role, row.csrf_token, digest, row.language, row.organisation,
                 limited)


def logout(engine: Engine, staff: Staff) -> None:
    now = _iso(_now())
    with engine.begin() as conn:
        queries.delete_session(conn, staff.token_hash)
        record(conn, staff.name, "logout")
        queries.delete_expired_sessions(
            conn, now, _iso(_now() - dt.timedelta(minutes=IDLE_MINUTES)))


def choose_language(engine: Engine, staff: Staff, language: str) -> None:
    """Remember the console's language for the account of ``staff`` (every later login)."""
    with engine.begin() as conn:
        found = queries.staff_id(conn, staff.name)
        if found is not None:
            queries.set_language(conn, found, language)


def csrf_ok(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and crypto.same_secret(str(expected), str(given))

