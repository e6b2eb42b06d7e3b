"""The audit heads central confirmed per device: the anchor of each workstation's audit chain
(docs/protocol.md §8.3). Numbered 0008 and chained after 0005 here; the lead re-chains it
after 0006 and 0007 at merge.

Revision ID: 0008
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_heads",
        sa.Column("device_id", sa.String(64), sa.ForeignKey("devices.id"), primary_key=True),
        sa.Column("batch_sequence", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("batch_id", sa.String(36), sa.ForeignKey("batches.id"), nullable=False))
    op.create_index("ix_audit_heads_seq", "audit_heads", ["device_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_heads_seq", "audit_heads")
    op.drop_table("audit_heads")
