"""Disclosure control benchmark: how long the audited suppression takes for a national report
of a quarter, a half-year and a year (three checkpoints, small quarters where most cells hold
1 to 4 people: the hard case), with every table (1-17 and the chart).

Run: .venv/bin/python bench/disclosure.py [INTERVIEWS_PER_QUARTER]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening.reports.disclosure import Protector  # noqa: E402
from screening.reports.period import parse_period  # noqa: E402
from tests.unit.reports.test_disclosure_attack import CHECKPOINTS, small_quarter  # noqa: E402


def main() -> None:
    per_quarter = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    rng = random.Random(3)
    facts = [f for q in (1, 2, 3, 4) for f in small_quarter(rng, 2026, q, per_quarter)]
    protector = Protector(facts, 5, CHECKPOINTS)
    for period in ("2026Q1", "2026H1", "2026"):
        started = time.perf_counter()
        report = protector.report(parse_period(period), None)
        took = time.perf_counter() - started
        hidden = sum(map(len, report.hidden.values()))
        cells = sum((len(t.rows) + 1) * (len(t.columns) + 1) for t in report.tables.values())
        print(f"{period:7} national, {per_quarter} interviews a quarter: {took:6.1f} s "
              f"(cumulative: reuses the reports already protected), {hidden}/{cells} cells "
              "hidden")


if __name__ == "__main__":
    main()
