"""The staff console: staff roles and lockout, server-side console sessions, the console's
event log and the per-interview facts it filters cases and counts statistics on.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    staff_access = op.create_table(
        "staff_access",
        sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", sa.String(40)))
    # Accounts made before the console existed were made by whoever ran the command line,
    # who could revoke and enrol already: they keep those rights.
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM staff"))]
    if ids:
        op.bulk_insert(staff_access, [{"staff_id": i, "role": "admin", "failed_logins": 0,
                                       "locked_until": None} for i in ids])
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("agent_hash", sa.String(64), nullable=False),
        sa.Column("client_ip", sa.String(64)),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("last_seen_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False))
    op.create_index("ix_console_sessions_staff", "console_sessions", ["staff_id"])
    op.create_table(
        "console_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("staff", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(200)))
    op.create_table(
        "case_facts",
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id"),
                  primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("case_reference", sa.String(40), nullable=False),
        sa.Column("interview_date", sa.String(10)),
        sa.Column("checkpoint", sa.String(100)),
        sa.Column("child", sa.Boolean, nullable=False),
        sa.Column("outcome", sa.String(100)),
        sa.Column("action_taken", sa.String(100)),
        sa.Column("facts", sa.Text),
        sa.Column("problem", sa.String(300)))
    op.create_index("ix_case_facts_date", "case_facts", ["interview_date"])


def downgrade() -> None:
    op.drop_index("ix_case_facts_date", "case_facts")
    op.drop_table("case_facts")
    op.drop_table("console_events")
    op.drop_index("ix_console_sessions_staff", "console_sessions")
    op.drop_table("console_sessions")
    op.drop_table("staff_access")
