"""The outcomes chart counts people: its axis has whole-number ticks, never 0.2 … 1."""

from __future__ import annotations

from screening.reports.chart import _count_axis


def test_small_counts_get_whole_number_ticks():
    assert _count_axis([[1, 0], [0, 0]]) == (1, 1)  # one interview: 0 and 1, nothing between
    assert _count_axis([[0, 0]]) == (1, 1)  # an empty quarter still draws an axis


def test_larger_counts_get_at_most_five_whole_steps():
    top, step = _count_axis([[7, 3], [12, 1]])  # stacked: bars of 19 and 4
    assert isinstance(step, int) and step == 4 and top == 20
    assert top // step <= 5 and top >= 19
