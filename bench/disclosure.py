"""Disclosure control benchmark: how long the audited suppression takes for a national report
of a quarter, a half-year and a year (three checkpoints, small quarters where most cells hold
1 to 4 people: the hard case), with every table (1-17 and the chart).

Each period is protected from scratch (a new Protector: nothing reused from the period
before), so a half-year's figure includes its quarters and a year's its halves and quarters,
as a request for that report alone costs. With ``--baseline REV`` the same reports are made,
in the same run, by the disclosure control of git revision REV (its disclosure.py and
audit.py), and the ratio is printed: the machine is shared, so only a ratio measured in one
run means much. (A baseline from before the linked checkpoint periods does less work: it
protects a checkpoint's half-year against that checkpoint's quarters only.)

Run: .venv/bin/python bench/disclosure.py [INTERVIEWS_PER_QUARTER] [--baseline REV]
     [--periods 2026Q1,2026H1,2026]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening.reports import disclosure  # noqa: E402
from screening.reports.period import parse_period  # noqa: E402
from tests.unit.reports.test_disclosure_attack import CHECKPOINTS, small_quarter  # noqa: E402


def baseline(revision: str, folder: Path) -> ModuleType:
    """disclosure.py of ``revision``, importing the audit.py of the same revision."""
    def source(path: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), "show", f"{revision}:{path}"],
                              check=True, capture_output=True, text=True).stdout

    (folder / "baseline_audit.py").write_text(source("screening/reports/audit.py"))
    text = source("screening/reports/disclosure.py").replace(
        "from screening.reports.audit import", "from baseline_audit import")
    (folder / "baseline_disclosure.py").write_text(text)
    sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location("baseline_disclosure",
                                                  folder / "baseline_disclosure.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["baseline_disclosure"] = module
    spec.loader.exec_module(module)
    return module


def measure(module: ModuleType, facts: list, period: str) -> tuple[float, float, int, int]:
    protector = module.Protector(facts, 5, CHECKPOINTS)
    wall, cpu = time.perf_counter(), time.process_time()
    report = protector.report(parse_period(period), None)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    hidden = sum(map(len, report.hidden.values()))
    cells = sum((len(t.rows) + 1) * (len(t.columns) + 1) for t in report.tables.values())
    return wall, cpu, hidden, cells


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("per_quarter", nargs="?", type=int, default=30)
    parser.add_argument("--baseline", metavar="REV")
    parser.add_argument("--periods", default="2026Q1,2026H1,2026")
    args = parser.parse_args()
    rng = random.Random(3)
    facts = [f for q in (1, 2, 3, 4) for f in small_quarter(rng, 2026, q, args.per_quarter)]
    with tempfile.TemporaryDirectory() as folder:
        old = baseline(args.baseline, Path(folder)) if args.baseline else None
        for period in args.periods.split(","):
            wall, cpu, hidden, cells = measure(disclosure, facts, period)
            line = (f"{period:7} national, {args.per_quarter} interviews a quarter: "
                    f"{wall:6.1f} s ({cpu:6.1f} s CPU), {hidden}/{cells} cells hidden")
            if old is not None:
                old_wall, old_cpu, old_hidden, _ = measure(old, facts, period)
                line += (f"; {args.baseline}: {old_wall:6.1f} s ({old_cpu:6.1f} s CPU), "
                         f"{old_hidden} hidden; {old_cpu / cpu:4.1f}x less CPU")
            print(line, flush=True)


if __name__ == "__main__":
    main()
