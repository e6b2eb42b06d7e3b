"""Central's own assessment of each interview (computed outcome, profile, positive
dimensions) beside the facts it derives; every facts row is made stale, so central computes
them again, from the records it holds, the next time it opens (nothing else is changed: the
interviews already held are not judged again).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_COLUMNS = (("computed_outcome", 100), ("profile", 40), ("positive_dimensions", 200))


def upgrade() -> None:
    with op.batch_alter_table("case_facts") as table:
        for name, length in _COLUMNS:
            table.add_column(sa.Column(name, sa.String(length)))
    # Derived data: a revision no interview has (0) makes every row stale for facts.refresh.
    op.execute("UPDATE case_facts SET revision = 0")


def downgrade() -> None:
    with op.batch_alter_table("case_facts") as table:
        for name, _length in reversed(_COLUMNS):
            table.drop_column(name)
    op.execute("UPDATE case_facts SET revision = 0")
