"""Runs core work off the UI thread, in the style of Anki's ``CollectionOp``.

Store work goes to one dedicated thread: the encrypted connection is opened there (key
derivation included) and every later call reuses it, so SQLite's thread affinity holds and calls
stay in order. PDF building and other CPU work go to a small general pool. Results and errors come
back on the UI thread through a queued signal; the UI never blocks on disk, KDF or PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

# each executor: its threads at most and their name; made on the first job (the login window
# shows before concurrent.futures is imported, bench/startup.py)
_EXECUTORS = {"store": 1, "work": 2, "sync": 1}


class _Relay(QObject):
    done = Signal(object, object, object)  # callback, result, error

    @Slot(object, object, object)
    def deliver(self, callback: Callable[[Any, BaseException | None], None], result: Any,
                error: BaseException | None) -> None:
        callback(result, error)


class Runner:
    """Submit ``work`` and get ``on_done(result)`` / ``on_error(error)`` on the UI thread."""

    def __init__(self) -> None:
        # "store" keeps SQLite's thread; "work" is the general pool; the network waits on
        # "sync", never in front of an answer being saved
        self._executors: dict[str, ThreadPoolExecutor] = {}
        self._closed = False
        self._relay = _Relay()
        self._relay.done.connect(self._relay.deliver)
        self.pending = 0
        # Called for errors nobody asked to handle; the application shows them in a dialog.
        self.on_unhandled: Callable[[BaseException], None] | None = None

    def store(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> Future:
        return self._submit(self._executor("store"), work, on_done, on_error)

    def background(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
                   on_error: Callable[[BaseException], None] | None = None) -> Future:
        return self._submit(self._executor("work"), work, on_done, on_error)

    def sync(self, work: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None) -> Future:
        return self._submit(self._executor("sync"), work, on_done, on_error)

    def _executor(self, name: str) -> ThreadPoolExecutor:
        executor = self._executors.get(name)
        if executor is None:
            if self._closed:
                raise RuntimeError("cannot schedule new futures after shutdown")
            from concurrent.futures import ThreadPoolExecutor

            executor = self._executors[name] = ThreadPoolExecutor(
                max_workers=_EXECUTORS[name], thread_name_prefix=name)
        return executor

    def _submit(self, executor: ThreadPoolExecutor, work: Callable[[], Any],
                on_done: Callable[[Any], None] | None,
                on_error: Callable[[BaseException], None] | None) -> Future:
        self.pending += 1

        def finish(result: Any, error: BaseException | None) -> None:
            self.pending -= 1
            if error is None:
                if on_done is not None:
                    on_done(result)
            elif on_error is not None:
                on_error(error)
            elif self.on_unhandled is not None:
                self.on_unhandled(error)

        def job() -> Any:
            try:
                result = work()
            except BaseException as error:  # handed to the UI thread, never lost
                self._relay.done.emit(finish, None, error)
                raise
            self._relay.done.emit(finish, result, None)
            return result

        return executor.submit(job)

    def shutdown(self) -> None:
        """Finish queued store work (an answer being saved) before the application exits."""
        self._closed = True
        executors = self._executors
        if "work" in executors:
            executors["work"].shutdown(wait=True, cancel_futures=True)
        if "sync" in executors:  # central hears again next time
            executors["sync"].shutdown(wait=False, cancel_futures=True)
        if "store" in executors:
            executors["store"].shutdown(wait=True)
