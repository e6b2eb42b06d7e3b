"""What central derives from interviews after their batch has committed: the repeat-victim
candidates and the notices' arrivals (``repeats.candidates.refresh``,
``notices.linking.refresh``), made current by one round at a time per central process that
serves every batch committed before it began.

Each round compares the interviews not compared yet, whoever stored them, under one lock
across central's processes (two refreshes side by side would each miss the pair of one
interview from each). When every ingest ran its own round, twenty workstations syncing at once
queued forty rounds on that lock, one after another, each answer waiting for all those before
it (docs/central.md, "Twenty workstations at once"). Here an ingest asks its process's
follower for a round that begins after its commit and waits for it; the batches committed
meanwhile share the next round, so a workstation waits for at most the round under way and
its own, and the receipt still comes back only once its interviews are compared (the pages
read what a sync just sent). A round that fails is logged and retried by the next batch or
the next start of central; the wait is bounded, and a receipt is never withheld for it."""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from screening.central.notices import linking as notice_links
from screening.central.repeats import candidates
from screening.central.settings import DERIVED_WAIT_SECONDS
from screening.errors import ScreeningError

log = logging.getLogger("screening.central")


class Follower:
    """Rounds of ``work`` in one thread at a time; ``catch_up`` returns once a round that
    began after the call has ended (or after ``timeout`` seconds)."""

    def __init__(self, work: Callable[[], None]) -> None:
        self._work = work
        self._changed = threading.Condition()
        self._asked = 0  # calls of catch_up so far
        self._served = 0  # every call up to this one was served by a round that has ended
        self._running = False

    def catch_up(self, timeout: float = DERIVED_WAIT_SECONDS) -> bool:
        """False when the round did not end within ``timeout`` (it goes on regardless)."""
        with self._changed:
            self._asked += 1
            mine = self._asked
            if not self._running:
                self._running = True
                threading.Thread(target=self._rounds, name="central-derived",
                                 daemon=True).start()
            return self._changed.wait_for(lambda: self._served >= mine, timeout)

    def _rounds(self) -> None:
        while True:
            with self._changed:
                if self._served >= self._asked:
                    self._running = False
                    return
                upto = self._asked  # every call so far committed before this round begins
            try:
                self._work()
            except Exception as error:  # never let the thread die with callers waiting
                log.warning("derived data deferred: %s", type(error).__name__)
            with self._changed:
                self._served = upto
                self._changed.notify_all()


def refresh(engine: Engine) -> None:
    """One round: the batch is stored and its receipt signed, so a failure to compare its
    interviews must not turn that into an error. The next ingest, or opening central,
    compares them."""
    try:
        candidates.refresh(engine)
    except (ScreeningError, SQLAlchemyError) as error:
        log.warning("repeat-victim matching deferred: %s", type(error).__name__)
    try:
        notice_links.refresh(engine)
    except (ScreeningError, SQLAlchemyError) as error:
        log.warning("linking notices deferred: %s", type(error).__name__)


_FOLLOWERS: weakref.WeakKeyDictionary[Engine, Follower] = weakref.WeakKeyDictionary()
_FOLLOWERS_LOCK = threading.Lock()


def follower_of(engine: Engine) -> Follower:
    """The one follower of this central process's database."""
    with _FOLLOWERS_LOCK:
        found = _FOLLOWERS.get(engine)
        if found is None:
            held = weakref.ref(engine)  # the follower must not keep its engine alive

            def work() -> None:
                alive = held()
                if alive is not None:
                    refresh(alive)

            found = _FOLLOWERS[engine] = Follower(work)
        return found
