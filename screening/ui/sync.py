"""Talking to central from the desktop client, never in the officer's way.

Every few minutes (and on "Sync now") a sync runs on its own thread with its own store
connection: queue what is finished, send the outbox, record the receipts. No network, no
problem: the interviews wait in the outbox and the next try sends them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from screening.errors import ScreeningError
from screening.ui.dialogs import error_words
from screening.ui.runner import Runner

if TYPE_CHECKING:
    from screening.store.session import StoreSession
    from screening.sync.status import SyncStatus

INTERVAL_MINUTES = 5


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    failed = Signal(str)  # a sync that did not reach central, in words
    reached = Signal()  # a sync went through

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session: StoreSession | None = None
        self.status: SyncStatus | None = None
        self.running = False
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MINUTES * 60_000)
        self.timer.timeout.connect(self.sync_now)

    def attach(self, session: StoreSession | None) -> None:
        """Follow the logged-in session (None when logged out: no sync without a session)."""
        self.session = session
        if session is None:
            self.timer.stop()
            return
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        from screening.sync.status import read_status  # a session's module: after login

        self._in_sync_thread(read_status, self._show)

    def sync_now(self) -> None:
        if self.session is None or self.running:
            return
        if self.status is not None and not self.status.enrolled:
            return  # nothing to talk to yet; enrolment starts it
        self.running = True

        def work(companion: StoreSession) -> SyncStatus:
            from screening.sync import service
            from screening.sync.status import read_status, record_success

            service.sync_now(companion)
            record_success(companion)
            companion.purge_expired()  # acknowledged interviews past retention lose their data
            return read_status(companion)

        self._in_sync_thread(work, self._synced, self._sync_failed)

    def enrol(self, server: str, code: str, ca_file: Path | None,
              on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
        """On the store thread with the supervisor's own session: the audit log names who
        enrolled the workstation. The supervisor is in the dialog, so no answer waits."""
        session = self.session
        if session is None:
            return

        def work() -> SyncStatus:
            from screening.sync import service
            from screening.sync.status import read_status

            service.enroll(session, server, code, ca_file)
            return read_status(session)

        def done(status: SyncStatus) -> None:
            self._show(status)
            on_done(status)
            self.sync_now()

        self.runner.store(work, done, on_error)

    def export(self, dest: Path, on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None]) -> None:
        def work(companion: StoreSession) -> Any:
            from screening.sync import service

            return service.export(companion, dest)

        self._in_sync_thread(work, on_done, on_error)

    def _in_sync_thread(self, work: Callable[[StoreSession], Any],
                        on_done: Callable[[Any], None],
                        on_error: Callable[[BaseException], None] | None = None) -> None:
        session = self.session
        if session is None:
            return

        def job() -> Any:
            companion = session.sync_companion()
            try:
                return work(companion)
            finally:
                companion.close()

        self.runner.sync(job, on_done, on_error or self._sync_failed)

    def _synced(self, status: SyncStatus) -> None:
        self.running = False
        self.last_error = ""
        self._show(status)
        self.reached.emit()

    def _sync_failed(self, error: BaseException) -> None:
        self.running = False
        self.last_error = error_words(error) if isinstance(error, ScreeningError) \
            else str(error)
        self.failed.emit(self.last_error)
        self.refresh()  # what the failed try queued now waits in the outbox: show it

    def _show(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
