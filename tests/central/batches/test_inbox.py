"""What the batch inbox computes: the sequence numbers missing before each batch."""

from __future__ import annotations

from screening.central.batches.inbox import missing_runs


def test_missing_runs():
    assert missing_runs([1, 2, 5, 6, 9]) == {5: (3, 4), 9: (7, 8)}
    assert missing_runs([2]) == {2: (1, 1)}
    assert missing_runs([]) == {}
