"""The central database's tables, as SQLAlchemy Core metadata (no ORM).

The Alembic migrations in ``migrations/versions`` create exactly these; a test checks that the
migrated database and this metadata agree."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

staff = Table(
    "staff", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)

# Only a hash of each code is kept: a copy of the database does not hand out enrolments.
enrolment_codes = Table(
    "enrolment_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("checkpoint", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_at", String(40)),
    Column("device_id", String(64)),
)

devices = Table(
    "devices", metadata,
    Column("id", String(64), primary_key=True),
    Column("checkpoint", String(100), nullable=False),
    Column("label", String(200), nullable=False),
    Column("verify_key", String(64), nullable=False, unique=True),
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
)

batches = Table(
    "batches", metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), ForeignKey("devices.id"), nullable=False),
    Column("sequence", BigInteger, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("received_at", String(40), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("via", String(10), nullable=False),  # "http" or "file"
    Column("receipt", LargeBinary, nullable=False),
    UniqueConstraint("device_id", "sequence", name="uq_batches_device_sequence"),
)

# The batch exactly as received, still sealed: evidence of what arrived and from whom.
batch_archive = Table(
    "batch_archive", metadata,
    Column("batch_id", String(36), ForeignKey("batches.id"), primary_key=True),
    Column("raw", LargeBinary, nullable=False),
)

interviews = Table(
    "interviews", metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), ForeignKey("devices.id"), nullable=False),
    Column("checkpoint", String(100), nullable=False),
    Column("form_id", String(100), nullable=False),
    Column("form_version", String(40), nullable=False),
    Column("status", String(40), nullable=False),
    Column("outcome", String(100)),
    Column("revision", Integer, nullable=False),
    Column("received_at", String(40), nullable=False),
)

interview_revisions = Table(
    "interview_revisions", metadata,
    Column("interview_id", String(36), ForeignKey("interviews.id"), primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("record", Text, nullable=False),
    Column("batch_id", String(36), ForeignKey("batches.id"), nullable=False),
)

audit_entries = Table(
    "audit_entries", metadata,
    Column("device_id", String(64), ForeignKey("devices.id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("interview_id", String(36)),
    Column("entry", Text, nullable=False),
    Column("batch_id", String(36), ForeignKey("batches.id"), nullable=False),
)
