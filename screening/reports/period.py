"""The period a statistics report covers: a quarter (``2026Q3``), a half-year (``2026H2``) or a
year (``2026``). A period is a run of whole quarters, so a half-year or a year report is the
cell-by-cell sum of its quarters' reports (which the disclosure control relies on)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from screening.errors import PeriodError, QuarterError

QUARTER, HALF, YEAR = "quarter", "half", "year"
_LENGTH = {QUARTER: 1, HALF: 2, YEAR: 4}  # in quarters
_LETTER = {QUARTER: "Q", HALF: "H"}
_PERIOD = re.compile(r"\s*(\d{4})\s*(?:([QqHh])\s*(\d))?\s*")


@dataclass(frozen=True, slots=True)
class Period:
    year: int
    number: int  # the quarter 1–4, the half 1–2; 1 for a year
    kind: str = QUARTER

    @property
    def first_quarter(self) -> int:
        return (self.number - 1) * _LENGTH[self.kind] + 1

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.first_quarter - 2, 1)

    @property
    def end(self) -> dt.date:
        """The first day after the period."""
        last = self.first_quarter + _LENGTH[self.kind] - 1
        return dt.date(self.year + 1, 1, 1) if last == 4 else dt.date(self.year, 3 * last + 1, 1)

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day < self.end

    def __str__(self) -> str:
        return str(self.year) if self.kind == YEAR else \
            f"{self.year}{_LETTER[self.kind]}{self.number}"

    def quarters(self) -> tuple[Period, ...]:
        """The quarters the period is made of, in order."""
        return tuple(Period(self.year, q) for q in
                     range(self.first_quarter, self.first_quarter + _LENGTH[self.kind]))

    def halves(self) -> tuple[Period, ...]:
        """The half-years a year is made of (none for a quarter or a half-year)."""
        return (Period(self.year, 1, HALF), Period(self.year, 2, HALF)) \
            if self.kind == YEAR else ()

    def last_quarter(self) -> Period:
        return self.quarters()[-1]


def quarters_before(quarter: Period, count: int) -> list[Period]:
    """``count`` quarters ending with ``quarter``, oldest first."""
    index = quarter.year * 4 + quarter.first_quarter - 1
    return [Period(i // 4, i % 4 + 1) for i in range(index - count + 1, index + 1)]


def parse_period(text: str) -> Period:
    """'2026Q3', '2026H2' or '2026' -> the period; anything else raises :class:`PeriodError`."""
    match = _PERIOD.fullmatch(text) if isinstance(text, str) else None
    if match is None or not 1900 <= int(match[1]) <= 9999:
        raise PeriodError(code="period_invalid", text=text)
    year, letter, number = int(match[1]), (match[2] or "").upper(), match[3]
    if not letter:
        return Period(year, 1, YEAR)
    kind = QUARTER if letter == "Q" else HALF
    if not 1 <= int(number) <= 4 // _LENGTH[kind]:
        raise PeriodError(code="period_invalid", text=text)
    return Period(year, int(number), kind)


def parse_quarter(text: str) -> Period:
    """'2026Q3' -> the third quarter of 2026; anything else raises :class:`QuarterError`."""
    try:
        period = parse_period(text)
    except PeriodError:
        period = None
    if period is None or period.kind != QUARTER:
        raise QuarterError(text=text)
    return period
