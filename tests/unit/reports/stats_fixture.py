"""A hand-counted set of 44 interviews in 2026Q3 (and 3 outside it) for the statistics tests.

Each block is ``n`` identical interviews, so every expected count in test_statistics.py can be
checked by adding up a few block sizes by hand (the sums are written there).
"""

from __future__ import annotations

import datetime as dt

from screening.reports.statistics import Facts

# n, date, checkpoint, child, sex, age, outcome, action, nationality,
# country of exploitation, sectors, previously assisted, returned from, return mode
BLOCKS = [
    ("B1", 6, "2026-07-01", "TIA", False, "male", 30, "no_indicators", "information_given_only",
     "AL", None, (), None, "GB", "deported"),
    ("B2", 5, "2026-08-15", "TIA", False, "female", 27, "at_risk", "information_given_only",
     "AL", "GB", ("hospitality",), "no", "GB", "readmission"),
    ("B3", 3, "2026-09-30", "TIA", False, "female", 20, "presumed_victim", "referred_shelter",
     "AL", "GB", ("sexual_services",), "no", "GB", "deported"),
    ("B4", 2, "2026-07-20", "TIA", False, "female", 24, "suspected_victim",
     "referred_police_at_unit", "AL", "IT", ("sexual_services", "hospitality"), "yes", "IT",
     "voluntary_return"),
    ("B5", 7, "2026-07-10", "KKV", False, "male", 40, "no_indicators", "no_action",
     "AL", None, (), None, "GR", "deported"),
    ("B6", 4, "2026-08-01", "KKV", False, "male", 35, "suspected_victim",
     "referred_social_services", "AL", "GR", ("agriculture",), "no", "GR", "deported"),
    ("B7", 3, "2026-08-02", "KKV", True, "male", 15, "suspected_victim",
     "referred_child_protection", "AL", "GR", ("begging",), "no", "GR", "escorted_return"),
    ("B8", 1, "2026-09-05", "KKV", True, "female", 13, "presumed_victim",
     "referred_child_protection", "AL", "GR", ("begging",), "yes", "GR", "escorted_return"),
    ("B9", 4, "2026-07-25", "KPS", False, "male", 50, "at_risk", "information_given_only",
     "AL", None, ("construction",), None, "GR", "deported"),
    ("B10", 2, "2026-08-20", "KPS", False, "male", 19, "suspected_victim",
     "referred_police_at_unit", "XK", "GR", ("construction",), "unknown", "GR", "readmission"),
    ("B11", 3, "2026-09-10", "DRS", False, "female", 33, "no_indicators",
     "information_given_only", "AL", None, (), None, "IT", "voluntary_return"),
    ("B12", 2, "2026-09-11", "DRS", False, "not_stated", 45, "suspected_victim",
     "referred_shelter", "AL", "IT", ("domestic_work",), "no", "IT",
     "assisted_voluntary_return"),
    ("B13", 1, "2026-09-12", "DRS", False, None, None, "at_risk", None,
     None, None, (), None, None, None),
    ("B14", 1, "2026-07-30", "TIA", True, "female", 16, "suspected_victim",
     "referred_child_protection", "VN", "GB", ("cannabis_cultivation",), "no", "GB",
     "deported"),
    # outside 2026Q3: never counted
    ("O1", 2, "2026-06-30", "TIA", False, "male", 30, "no_indicators", "no_action",
     "AL", None, (), None, "GR", "deported"),
    ("O2", 1, "2026-10-01", "KKV", True, "female", 12, "presumed_victim",
     "referred_child_protection", "AL", "GR", ("begging",), "no", "GR", "escorted_return"),
]
IN_QUARTER = 44


def fixture_facts() -> list[Facts]:
    facts = []
    for (_, n, day, checkpoint, child, sex, age, outcome, action, nationality, country,
         sectors, previously, returned_from, mode) in BLOCKS:
        facts += [Facts(dt.date.fromisoformat(day), checkpoint, child, sex, age, outcome, action,
                        nationality, country, sectors, previously, returned_from, mode)] * n
    return facts
