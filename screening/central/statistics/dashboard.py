"""The Responsible Authority's dashboard: interviews per week per checkpoint and the outcomes
of a period, counted from central's facts (for staff: no disclosure control). Referrals by
status and overdue come from the case registry (its own issue) and are not counted here."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from screening.reports.statistics import OUTCOMES, Facts


@dataclass(frozen=True)
class Weekly:
    weeks: tuple[dt.date, ...]  # the Monday of each week of the period, oldest first
    checkpoints: tuple[str, ...]
    counts: dict[tuple[dt.date, str], int]
    outcomes: dict[str, int]

    def count(self, week: dt.date, checkpoint: str) -> int:
        return self.counts.get((week, checkpoint), 0)

    def week_total(self, week: dt.date) -> int:
        return sum(self.count(week, c) for c in self.checkpoints)


def weekly(facts: Iterable[Facts], start: dt.date, end: dt.date,
           checkpoints: Iterable[str]) -> Weekly:
    """Interviews of [start, end) by week (Monday) and checkpoint, and by outcome."""
    chosen = [f for f in facts if start <= f.interview_date < end]
    first = start - dt.timedelta(days=start.weekday())
    weeks = []
    monday = first
    while monday < end:
        weeks.append(monday)
        monday += dt.timedelta(days=7)
    counts = Counter((f.interview_date - dt.timedelta(days=f.interview_date.weekday()),
                      f.checkpoint or "") for f in chosen)
    codes = [c for c in checkpoints if any(code == c for _w, code in counts)]
    codes += sorted({code for _w, code in counts if code not in codes})
    outcomes = Counter(f.outcome for f in chosen if f.outcome)
    return Weekly(tuple(weeks), tuple(codes), dict(counts),
                  {o: outcomes.get(o, 0) for o in OUTCOMES})
