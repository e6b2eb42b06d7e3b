"""The protector's audit keeps whole solutions between rounds (screening/reports/audit.Store):
each must be a solution of everything published, or the audit would clear a count on a false
witness."""

from __future__ import annotations

import random

from screening.reports.disclosure import Attack, Protector, exposed
from screening.reports.period import parse_period
from tests.unit.reports.test_disclosure_attack import CHECKPOINTS, K, small_quarter


def test_the_kept_solutions_are_whole_solutions_of_everything_published():
    rng = random.Random(5)
    facts = small_quarter(rng, 2026, 3, 12) + small_quarter(rng, 2026, 4, 10)
    protector = Protector(facts, K, CHECKPOINTS)
    half = parse_period("2026H2")
    protector.report(half, None)
    attack = Attack(protector.families[(half, None)], K)
    assert attack.store is not None, "the true counts must check with every equation"
    assert exposed(attack) == []  # as protected: nothing weak
    assert attack.store.found, "the audit kept no solution"
    published = attack.system()
    for x in attack.store.found:
        assert all(value >= 0 and value == round(value) for value in x)
        assert all(x[v] == value for v, value in published.known.items())
        for terms, constant in published.system.equations:
            assert abs(sum(c * x[v] for v, c in terms.items()) - constant) < 1e-6
