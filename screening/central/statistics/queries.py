"""SQL on the quarterly statistics: the countable facts of a quarter's interviews."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from screening.central.schema import case_facts
from screening.central.staff.scope import EVERYWHERE, Scope


def quarter_facts(conn: Connection, start: str, end: str, scope: Scope = EVERYWHERE
                  ) -> dict[str, dict[str, Any]]:
    """The countable facts of the interviews started in [start, end), by interview id, of
    ``scope``'s checkpoints only: a limited account's figures never hold another's."""
    f = case_facts.c
    return {row.interview_id: json.loads(row.facts) for row in conn.execute(
        select(f.interview_id, f.facts).where(f.facts.is_not(None), f.interview_date >= start,
                                              f.interview_date < end,
                                              scope.on_interview(f.interview_id)))}
