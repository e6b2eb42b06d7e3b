"""The Responsible Authority's case registry: referrals and their append-only events, the
revision each approved interview's referrals were made from, formal identification, follow-up
contacts, and the organisation a partner's account is bound to.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

APPEND_ONLY = ("referral_events", "identifications")


def upgrade() -> None:
    op.add_column("staff_access", sa.Column("organisation", sa.String(100), nullable=True))
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id"),
                  nullable=False),
        sa.Column("source_key", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("organisation", sa.String(100), nullable=False),
        sa.Column("referral_type", sa.String(40)),
        sa.Column("urgent", sa.Boolean, nullable=False),
        sa.Column("child", sa.Boolean, nullable=False),
        sa.Column("sex", sa.String(20)),
        sa.Column("age_band", sa.String(10)),
        sa.Column("needs", sa.String(200)),
        sa.Column("data_sharing_consent", sa.Boolean, nullable=False),
        sa.Column("previous_id", sa.Integer, sa.ForeignKey("referrals.id")),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("sent_at", sa.String(40), nullable=False),
        sa.Column("received_at", sa.String(40)),
        sa.Column("accepted_at", sa.String(40)),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("admission_date", sa.String(10)),
        sa.Column("exit_date", sa.String(10)),
        sa.Column("guardian_date", sa.String(10)),
        sa.Column("services", sa.String(200)),
        sa.UniqueConstraint("interview_id", "source_key", name="uq_referrals_source"))
    op.create_index("ix_referrals_organisation", "referrals", ["organisation", "status"])
    op.create_index("ix_referrals_status", "referrals", ["status"])
    op.create_table(
        "referral_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("referral_id", sa.Integer, sa.ForeignKey("referrals.id"), nullable=False),
        sa.Column("event", sa.String(30), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("reason", sa.String(500)),
        sa.Column("day", sa.String(10)))
    op.create_index("ix_referral_events_referral", "referral_events", ["referral_id"])
    op.create_table(
        "referral_sources",
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id"),
                  primary_key=True),
        sa.Column("revision", sa.Integer, nullable=False))
    op.create_table(
        "identifications",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id"),
                  nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("decided_on", sa.String(10), nullable=False),
        sa.Column("basis", sa.String(1000), nullable=False),
        sa.Column("victim_witness", sa.String(10), nullable=False),
        sa.Column("reflection_period", sa.String(20)),
        sa.Column("residence_permit", sa.String(20)),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False))
    op.create_index("ix_identifications_interview", "identifications", ["interview_id"])
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("interview_id", sa.String(36), sa.ForeignKey("interviews.id"),
                  nullable=False),
        sa.Column("contact_date", sa.String(10), nullable=False),
        sa.Column("organisation", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(1000), nullable=False),
        sa.Column("next_date", sa.String(10)),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False))
    op.create_index("ix_follow_ups_interview", "follow_ups", ["interview_id"])
    for table in APPEND_ONLY:
        _append_only(table)


def _append_only(table: str) -> None:
    """History is never rewritten: the database itself refuses UPDATE and DELETE."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$ BEGIN "
                   f"RAISE EXCEPTION '{table} is append-only'; END $$ LANGUAGE plpgsql")
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()")
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in APPEND_ONLY:
        if postgres:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
            op.execute(f"DROP FUNCTION {table}_append_only()")
    op.drop_index("ix_follow_ups_interview", "follow_ups")
    op.drop_table("follow_ups")
    op.drop_index("ix_identifications_interview", "identifications")
    op.drop_table("identifications")
    op.drop_table("referral_sources")
    op.drop_index("ix_referral_events_referral", "referral_events")
    op.drop_table("referral_events")
    op.drop_index("ix_referrals_status", "referrals")
    op.drop_index("ix_referrals_organisation", "referrals")
    op.drop_table("referrals")
    op.drop_column("staff_access", "organisation")
