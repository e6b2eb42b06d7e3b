"""The follower that compares interviews after their batch commits (batches/derived.py), with
real threads: callers at once share rounds instead of queueing one each, every caller returns
only after a round that began after its call, a failing round neither kills the follower nor
leaves a caller waiting, and a caller's wait is bounded. On a real central (SQLite and
PostgreSQL), two interviews of one person are paired before the receipt comes back."""

from __future__ import annotations

import threading

from screening.central.batches import derived
from screening.central.batches.ingest import ingest
from screening.central.repeats import candidates
from tests.unit.sync.batches import interview


class Rounds:
    """Work that records when each round began and is held until released."""

    def __init__(self) -> None:
        self.began: list[int] = []
        self.release = threading.Event()
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self) -> None:
        with self.lock:
            self.began.append(self.calls)  # how many calls had been made when it began
        self.release.wait(timeout=30)


def test_callers_at_once_share_rounds_and_each_waits_for_one_begun_after_it():
    work = Rounds()
    follower = derived.Follower(work)
    finished: list[int] = []
    first = threading.Thread(target=lambda: finished.append(follower.catch_up(30)))
    first.start()
    while not work.began:  # the first round is under way, holding the next callers back
        threading.Event().wait(0.01)
    others = [threading.Thread(target=lambda: finished.append(follower.catch_up(30)))
              for _ in range(10)]
    for thread in others:
        thread.start()
    work.release.set()
    for thread in [first, *others]:
        thread.join(timeout=30)
    assert finished == [True] * 11
    assert len(work.began) == 2  # eleven callers, two rounds: not eleven on one lock


def test_a_failing_round_releases_its_callers_and_the_next_round_runs():
    attempts: list[int] = []

    def fails_once() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("database gone")

    follower = derived.Follower(fails_once)
    assert follower.catch_up(10) is True
    assert follower.catch_up(10) is True
    assert len(attempts) == 2


def test_a_caller_waits_no_longer_than_its_bound():
    work = Rounds()
    follower = derived.Follower(work)
    assert follower.catch_up(0.2) is False  # the round goes on; the receipt does not wait
    work.release.set()
    assert follower.catch_up(10) is True


def test_the_receipt_comes_back_with_the_pair_already_made(central, station):
    ingest(central, station.batch([interview(), interview()]))
    assert len(candidates.list_candidates(central)) == 1
    ingest(central, station.batch([interview()]))  # the third pairs with both, once each
    assert len(candidates.list_candidates(central)) == 3
