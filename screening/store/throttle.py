"""The growing wait after wrong passwords. Pure arithmetic: the caller supplies the clock."""

from __future__ import annotations

FREE_TRIES = 3  # a typo or two costs nothing
BASE_SECONDS = 2.0
MAX_SECONDS = 300.0


def delay_after(failures: int) -> float:
    """Seconds an account must wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return min(MAX_SECONDS, BASE_SECONDS * 2 ** (failures - FREE_TRIES))


def remaining_wait(failures: int, last_failure: float | None, now: float) -> float:
    if last_failure is None:
        return 0.0
    return max(0.0, last_failure + delay_after(failures) - now)
