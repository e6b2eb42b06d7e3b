"""Questionnaire engine benchmark: load+validate time of the standard form and full evaluations
per second (navigation + validation + scoring) on one core.

Targets (issue 2): load under 150 ms; at least 5,000 full evaluations per second.
Run: .venv/bin/python bench/questionnaire.py [EVALUATIONS]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screening.questionnaire import schema  # noqa: E402
from screening.questionnaire.evaluation import evaluate  # noqa: E402
from screening.questionnaire.loader import load_form  # noqa: E402
from screening.questionnaire.navigation import section_progress, visible_questions  # noqa: E402
from screening.questionnaire.reference import load_reference  # noqa: E402
from tests.answer_sets import (  # noqa: E402
    INDICATOR_IDS,
    INTERVIEW_TIME,
    OBSERVATIONS,
    adult_no_indicators,
    child_answers,
)

FORM = ROOT / "forms" / "returnee_screening.yaml"


def time_load(runs: int = 15) -> tuple[float, float]:
    """Cold (first load in the process, schema compiled) and warm median, in ms."""
    schema._validator.cache_clear()
    schema.form_schema.cache_clear()
    start = time.perf_counter()
    load_form(FORM)
    cold = (time.perf_counter() - start) * 1000
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        load_form(FORM)
        warm.append((time.perf_counter() - start) * 1000)
    return cold, statistics.median(warm)


def answer_sets(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    sets = []
    for index in range(count):
        base = child_answers() if index % 4 == 0 else adult_no_indicators()
        for name in INDICATOR_IDS + OBSERVATIONS:
            base[name] = rng.choice(("yes", "no", "no", "no", "unknown"))
        sets.append(base)
    return sets


def full_evaluation(form, reference, answers) -> int:
    evaluation = evaluate(form, answers, reference=reference, now=INTERVIEW_TIME)
    shown = visible_questions(evaluation)
    section_progress(evaluation)
    return len(shown) + len(evaluation.missing_required) + (evaluation.can_finalise and 1)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    cold, warm = time_load()
    print(f"load+validate standard form: cold {cold:.1f} ms, warm median {warm:.1f} ms "
          f"(target < 150 ms; cold/target = {cold / 150:.2f})")
    form = load_form(FORM)
    reference = load_reference(ROOT / "forms" / "reference")
    sets = answer_sets(count)
    for answers in sets[:200]:  # warm-up
        full_evaluation(form, reference, answers)
    start = time.process_time()
    for answers in sets:
        full_evaluation(form, reference, answers)
    elapsed = time.process_time() - start
    rate = count / elapsed
    print(f"full evaluations (navigation + validation + scoring): {rate:,.0f}/s on one core, "
          f"{elapsed / count * 1e6:.0f} µs each over {count} varied answer sets "
          f"(target ≥ 5,000/s; rate/target = {rate / 5000:.2f})")
    outcomes: dict[str, int] = {}
    for answers in sets[:1000]:
        outcome = evaluate(form, answers, reference=reference, now=INTERVIEW_TIME).outcome
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(f"outcome mix of the first 1,000 sets: {dict(sorted(outcomes.items()))}")


if __name__ == "__main__":
    main()
