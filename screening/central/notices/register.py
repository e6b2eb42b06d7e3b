"""Recording notices at central: one added, or a CSV imported, each checked against the
reference data, and merged into an unlinked notice of the same person at the same checkpoint
expected within ``NOTICE_MERGE_DAYS`` of it. Every change is audited (the notice's id, never
a name)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from screening.central.cases.forms import standard_form
from screening.central.clock import utc_now
from screening.central.database import retry_on_conflict
from screening.central.notices import model
from screening.central.notices import queries as q
from screening.central.settings import NOTICE_MERGE_DAYS
from screening.central.staff import audit
from screening.central.staff.scope import EVERYWHERE, Scope

if TYPE_CHECKING:
    from screening.central.service import Central


@dataclass(frozen=True)
class Recorded:
    id: str
    merged: bool  # True: completed an earlier notice of the same person


def allowed(scope: Scope = EVERYWHERE) -> model.Allowed:
    """The checkpoints (of ``scope``), countries and organisations of the reference data
    central serves."""
    _form, reference = standard_form()
    return model.Allowed(frozenset(c for c in reference.checkpoints if scope.allows(c)),
                         reference.country_codes, frozenset(reference.organisations))


def add(central: Central, fields: dict[str, Any], *, by: str, scope: Scope = EVERYWHERE
        ) -> Recorded:
    """Check and record one notice; raises ``model.NoticeInvalid`` (also for a checkpoint
    outside ``scope``: an account limited to checkpoints records notices of those only)."""
    notice = model.build(fields, allowed(scope))
    return retry_on_conflict(central.engine, lambda conn: record(conn, notice, by))


def record(conn: Connection, notice: model.Notice, by: str) -> Recorded:
    """In the caller's transaction: merged into a notice of the same person, or added."""
    at = utc_now()
    earlier = _same_person(conn, notice)
    if earlier is not None:
        q.replace_merged(conn, model.merged(earlier, notice), at)
        audit.record(conn, by, "notice_merged", earlier.id)
        return Recorded(earlier.id, True)
    fresh = replace(notice, id=str(uuid.uuid4()))
    q.add(conn, fresh, at, by)
    audit.record(conn, by, "notice_added", fresh.id)
    return Recorded(fresh.id, False)


def _same_person(conn: Connection, notice: model.Notice) -> model.Notice | None:
    key = notice.person().name_key
    if key is None:
        return None
    day = dt.date.fromisoformat(notice.expected_date)
    span = dt.timedelta(days=NOTICE_MERGE_DAYS)
    for earlier in q.unlinked_near(conn, notice.checkpoint, key, (day - span).isoformat(),
                                   (day + span).isoformat()):
        if model.same_person(earlier, notice):
            return earlier
    return None


def listing(central: Central, checkpoint: str | None = None, since: str | None = None,
            scope: Scope = EVERYWHERE) -> list[dict[str, Any]]:
    """The notices (of one checkpoint, expected on or after ``since``), soonest first."""
    with central.engine.connect() as conn:
        rows = q.listing(conn, checkpoint, since, scope)
    return [_shown(r) for r in rows]


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    hidden = ("name_key", "birth_year")
    return {**{k: v for k, v in row.items() if k not in hidden},
            "notified_by": [n for n in row["notified_by"].split(",") if n]}
