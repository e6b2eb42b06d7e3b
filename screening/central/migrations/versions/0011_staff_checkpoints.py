"""Staff scoped by need-to-know: the checkpoints a staff account is limited to, one row each.
An account with no row sees every checkpoint, so every existing account keeps working as
before.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_checkpoints",
        sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), primary_key=True),
        sa.Column("checkpoint", sa.String(100), primary_key=True))


def downgrade() -> None:
    op.drop_table("staff_checkpoints")
