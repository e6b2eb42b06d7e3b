"""The day a shelter expects an accommodated person to leave (the shelter table's anticipated
length of stay): one column on each referral, the current state of its ``exit_expected``
events. Going up fills it from those events, so that going down and up again loses nothing
(the events are append-only and stay).

Revision ID: 0012
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# Lightweight tables rather than schema.py's: a migration must keep working as the schema grows.
_REFERRALS = sa.table("referrals", sa.column("id"), sa.column("exit_date"),
                      sa.column("expected_exit_date"))
_EVENTS = sa.table("referral_events", sa.column("id"), sa.column("referral_id"),
                   sa.column("event"), sa.column("day"))


def upgrade() -> None:
    op.add_column("referrals", sa.Column("expected_exit_date", sa.String(10)))
    bind = op.get_bind()
    newest: dict[int, str] = {}
    for referral_id, day in bind.execute(
            sa.select(_EVENTS.c.referral_id, _EVENTS.c.day)
            .where(_EVENTS.c.event == "exit_expected", _EVENTS.c.day.is_not(None))
            .order_by(_EVENTS.c.id)):
        newest[referral_id] = day
    for referral_id, day in newest.items():
        bind.execute(sa.update(_REFERRALS).where(_REFERRALS.c.id == referral_id,
                                                 _REFERRALS.c.exit_date.is_(None))
                     .values(expected_exit_date=day))


def downgrade() -> None:
    # not in batch mode: SQLite would copy the table and drop it, which the history's foreign
    # key refuses; it drops a plain column itself (3.35 on)
    op.drop_column("referrals", "expected_exit_date")
