"""Reference data published to the workstations, and possible repeat victims.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_packages",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("published_at", sa.String(40), nullable=False),
        sa.Column("published_by", sa.String(100), nullable=False))
    op.create_table(
        "match_keys",
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id"),
                  primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("interviewed_at", sa.String(40), nullable=False),
        sa.Column("document_key", sa.String(100)),
        sa.Column("name_key", sa.String(300)),
        sa.Column("birth_date", sa.String(10)),
        sa.Column("birth_year", sa.Integer))
    op.create_index("ix_match_keys_document_key", "match_keys", ["document_key"])
    op.create_index("ix_match_keys_name_key", "match_keys", ["name_key"])
    op.create_table(
        "match_candidates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("interview_a", sa.String(36), sa.ForeignKey("interviews.id"),
                  nullable=False),
        sa.Column("interview_b", sa.String(36), sa.ForeignKey("interviews.id"),
                  nullable=False),
        sa.Column("reason", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("found_at", sa.String(40), nullable=False),
        sa.Column("decided_by", sa.String(100)),
        sa.Column("decided_at", sa.String(40)),
        sa.UniqueConstraint("interview_a", "interview_b", name="uq_match_candidates_pair"))


def downgrade() -> None:
    op.drop_table("match_candidates")
    op.drop_index("ix_match_keys_name_key", "match_keys")
    op.drop_index("ix_match_keys_document_key", "match_keys")
    op.drop_table("match_keys")
    op.drop_table("reference_packages")
