"""Documents benchmark: referral slip generation time and the quarterly report for 100,000
interviews, with peak memory.

Targets (issue 4): slip median at most 50 ms after warm-up; quarterly report for 100,000
interviews at most 3 s.
Run: .venv/bin/python bench/reports.py [INTERVIEWS]
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening import config  # noqa: E402
from screening.questionnaire.loader import load_form  # noqa: E402
from screening.questionnaire.reference import load_reference  # noqa: E402
from screening.reports.quarterly import build_quarterly_report  # noqa: E402
from screening.reports.slip import build_slip  # noqa: E402
from screening.reports.statistics import Facts  # noqa: E402
from tests.answer_sets import adult_no_indicators, with_yes  # noqa: E402

SECTORS = ["agriculture", "construction", "hospitality", "sexual_services", "begging", "none"]


def slip_timings(form, reference, runs: int = 30) -> list[float]:
    answers = with_yes(adult_no_indicators(action_taken="referred_shelter",
                                           referral_organisation="nrcvt",
                                           referral_urgent="yes", officer_outcome="at_risk"),
                       "ind_low_or_no_pay")
    interview = {"id": "bench", "case_reference": "TIA-2026-00001", "checkpoint": "TIA",
                 "officer": "Bench Officer", "started_at": "2026-07-01T10:00",
                 "status": "finalised", "answers": answers}
    build_slip(interview, form, reference)  # warm-up: font loading, form caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_slip(interview, form, reference)
        times.append(time.perf_counter() - start)
    return times


def random_facts(count: int, reference) -> list[Facts]:
    rng = random.Random(4)
    checkpoints = list(reference.checkpoints)
    common = ["AL", "GR", "IT", "GB", "DE", "FR", "XK", "MK", "VN", "TR"]
    countries = [*common, *rng.sample(sorted(reference.countries), 60)]
    outcomes = ["no_indicators"] * 6 + ["at_risk"] * 3 + ["suspected_victim", "presumed_victim"]
    start = dt.date(2026, 7, 1)
    return [Facts(start + dt.timedelta(days=rng.randrange(92)), rng.choice(checkpoints),
                  rng.random() < 0.15, rng.choice(["female", "male", "male", "not_stated"]),
                  rng.randrange(6, 70), rng.choice(outcomes),
                  rng.choice(["referred_shelter", "information_given_only", "no_action"]),
                  rng.choice(countries), rng.choice(countries),
                  tuple(rng.sample(SECTORS, rng.choice([1, 1, 1, 2]))),
                  rng.choice(["yes", "no", "unknown"]), rng.choice(countries), "deported")
            for _ in range(count)]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    form = load_form(config.standard_form_path())
    reference = load_reference(config.forms_dir() / "reference")
    times = slip_timings(form, reference)
    print(f"referral slip: median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms over {len(times)} runs (target <= 50 ms)")
    facts = random_facts(count, reference)
    for k in (None, 5):
        start = time.perf_counter()
        pdf = build_quarterly_report(facts, "2026Q3", form, reference, suppress_below=k)
        elapsed = time.perf_counter() - start
        label = f"suppression k={k}" if k else "no suppression"
        print(f"quarterly report, {count:,} interviews, {label}: {elapsed:.2f} s, "
              f"{len(pdf) / 1024:.0f} KiB (target <= 3 s)")
    # traced separately: tracemalloc slows Python down several times over
    tracemalloc.start()
    build_quarterly_report(facts, "2026Q3", form, reference, suppress_below=5)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"quarterly report peak memory (Python allocations while building): "
          f"{peak / 2**20:.1f} MiB; process peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB "
          f"(including the {count:,} facts)")


if __name__ == "__main__":
    main()
