"""Advance notice of returns: the notices and the interviews suggested as their arrivals.

Revision ID: 0009
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("checkpoint", sa.String(100), nullable=False),
        sa.Column("expected_date", sa.String(10), nullable=False),
        sa.Column("given_name", sa.String(150), nullable=False),
        sa.Column("family_name", sa.String(150), nullable=False),
        sa.Column("date_of_birth", sa.String(10)),
        sa.Column("age", sa.Integer),
        sa.Column("sex", sa.String(20)),
        sa.Column("nationality", sa.String(2)),
        sa.Column("travel", sa.String(100)),
        sa.Column("coming_from", sa.String(2)),
        sa.Column("notified_by", sa.String(200), nullable=False),
        sa.Column("victim_suspected", sa.Boolean, nullable=False),
        sa.Column("child_suspected", sa.Boolean, nullable=False),
        sa.Column("meet_organisation", sa.String(100)),
        sa.Column("note", sa.String(500)),
        sa.Column("name_key", sa.String(300)),
        sa.Column("birth_year", sa.Integer),
        sa.Column("merged", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id")),
        sa.Column("link", sa.String(20)),
        sa.Column("linked_at", sa.String(40)),
        sa.Column("linked_by", sa.String(100)),
    )
    op.create_index("ix_notices_checkpoint_date", "notices", ["checkpoint", "expected_date"])
    # name first: merging and linking look a person up by name at one checkpoint, and this
    # index must beat (checkpoint, expected_date), which holds every notice of that day
    op.create_index("ix_notices_name_key", "notices", ["name_key", "checkpoint", "expected_date"])
    op.create_table(
        "notice_suggestions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("notice_id", sa.String(36), sa.ForeignKey("notices.id"), nullable=False),
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id"),
                  nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("found_at", sa.String(40), nullable=False),
        sa.Column("decided_by", sa.String(100)),
        sa.Column("decided_at", sa.String(40)),
        sa.UniqueConstraint("notice_id", "interview_id", name="uq_notice_suggestions_pair"),
    )


def downgrade() -> None:
    op.drop_table("notice_suggestions")
    op.drop_index("ix_notices_name_key", "notices")
    op.drop_index("ix_notices_checkpoint_date", "notices")
    op.drop_table("notices")
