"""The recovery code prints on one line whatever its letters: it is typed back from the sheet,
and a letter carried to the next line would read as a separate group."""

from __future__ import annotations

import datetime as dt

import pytest

from screening.crypto import RECOVERY_ALPHABET, new_recovery_code
from screening.reports.recovery_sheet import SheetFacts, build_recovery_sheet
from tests.unit.reports.helpers import text


# new codes each run; the ids stay the same, so every test worker collects the same tests
@pytest.mark.parametrize("code", ["-".join([letter * 5] * 8) for letter in "WMJ"]
                         + [new_recovery_code() for _ in range(5)],
                         ids=[*(f"{letter}-repeated" for letter in "WMJ"),
                              *(f"new-{n}" for n in range(1, 6))])
def test_the_code_stays_on_one_line(code):
    pdf = build_recovery_sheet(SheetFacts(code, "desk-1", "Rinas (TIA)", "drita",
                                          dt.date(2026, 12, 1)))
    assert set(code) <= set(RECOVERY_ALPHABET + "-")
    assert code in [line.strip() for line in text(pdf).splitlines()]
