"""The wait after wrong passwords grows, is capped, and costs nothing for a typo or two."""

from __future__ import annotations

import itertools

from screening.store.throttle import FREE_TRIES, MAX_SECONDS, delay_after, remaining_wait


def test_the_first_tries_are_free():
    assert [delay_after(n) for n in range(FREE_TRIES)] == [0.0] * FREE_TRIES


def test_the_delay_grows_then_stops_growing():
    delays = [delay_after(n) for n in range(FREE_TRIES, FREE_TRIES + 20)]
    assert delays[0] > 0
    assert all(b >= a for a, b in itertools.pairwise(delays))
    assert delays[-1] == MAX_SECONDS


def test_the_remaining_wait_counts_down_from_the_last_failure():
    failures = FREE_TRIES + 1
    delay = delay_after(failures)
    assert remaining_wait(failures, 1000.0, 1000.0) == delay
    assert remaining_wait(failures, 1000.0, 1000.0 + delay) == 0.0
    assert remaining_wait(0, None, 5.0) == 0.0
