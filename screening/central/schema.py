"""The central database's tables, as SQLAlchemy Core metadata (no ORM).

The Alembic migrations in ``migrations/versions`` create exactly these; a test checks that the
migrated database and this metadata agree."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
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
    Column("language", String(5)),  # the console's language chosen (migration 0004); NULL: none
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

# The audit heads central confirmed for each device (migration 0008), one per batch that
# carried a head central confirmed; the device's last confirmed head is the highest seq.
audit_heads = Table(
    "audit_heads", metadata,
    Column("device_id", String(64), ForeignKey("devices.id"), primary_key=True),
    Column("batch_sequence", BigInteger, primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("batch_id", String(36), ForeignKey("batches.id"), nullable=False),
    Index("ix_audit_heads_seq", "device_id", "seq"),
)

# -- the staff console (migration 0002) -------------------------------------------------------

# A staff account's role ("viewer" or "admin") and lockout; no row means "viewer".
staff_access = Table(
    "staff_access", metadata,
    Column("staff_id", Integer, ForeignKey("staff.id"), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("failed_logins", Integer, nullable=False),
    Column("locked_until", String(40)),
    # a partner's organisation, an id of the referral directory (migration 0006)
    Column("organisation", String(100)),
)

# The checkpoints a staff account is limited to (need-to-know, migration 0011): none means
# every checkpoint, as for every account before the limit existed.
staff_checkpoints = Table(
    "staff_checkpoints", metadata,
    Column("staff_id", Integer, ForeignKey("staff.id"), primary_key=True),
    Column("checkpoint", String(100), primary_key=True),
)

# Server-side console sessions. Only a hash of the cookie's token is kept.
console_sessions = Table(
    "console_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("agent_hash", String(64), nullable=False),  # the browser that logged in
    Column("client_ip", String(64)),
    Column("created_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Index("ix_console_sessions_staff", "staff_id"),
)

# Who did what in the console (logins, revocations, codes, documents downloaded).
console_events = Table(
    "console_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("staff", String(100), nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", String(200)),
)

# What the case list filters on and the statistics count, derived from an interview's current
# revision by the questionnaire engine (recomputed when a newer revision arrives).
case_facts = Table(
    "case_facts", metadata,
    Column("interview_id", String(36), ForeignKey("interviews.id"), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("case_reference", String(40), nullable=False),
    Column("interview_date", String(10)),
    Column("checkpoint", String(100)),
    Column("child", Boolean, nullable=False),
    Column("outcome", String(100)),
    Column("action_taken", String(100)),
    Column("facts", Text),  # the statistics.Facts fields as JSON; NULL when not countable
    Column("problem", String(300)),  # why not countable
    # central's own assessment of the answers (migration 0004), beside the record's as sent:
    # the computed outcome, the profile and the positive dimensions ("D1,D3")
    Column("computed_outcome", String(100)),
    Column("profile", String(40)),
    Column("positive_dimensions", String(200)),
    Index("ix_case_facts_date", "interview_date"),
)

# -- reference data and repeat-victim matching (migration 0003) ---------------------------------

# What central publishes to the workstations, as served: ``document`` is the signed JSON of
# screening.sync.packages. ``version`` is monotonic over every kind (a pull asks "since N").
reference_packages = Table(
    "reference_packages", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),  # "form", "reference" or "revocations"
    Column("name", String(100), nullable=False),  # the form id, or the kind
    Column("label", String(40), nullable=False),  # the form version, or ""
    Column("payload_hash", String(64), nullable=False),
    Column("document", Text, nullable=False),
    Column("published_at", String(40), nullable=False),
    Column("published_by", String(100), nullable=False),
)

# The normalised identity of each interview's current revision, kept so that a new interview
# is compared by index lookups rather than by reading every record again.
match_keys = Table(
    "match_keys", metadata,
    Column("interview_id", String(36), ForeignKey("interviews.id"), primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("interviewed_at", String(40), nullable=False),
    Column("document_key", String(100)),
    Column("name_key", String(300)),
    Column("birth_date", String(10)),
    Column("birth_year", Integer),
    Index("ix_match_keys_document_key", "document_key"),
    Index("ix_match_keys_name_key", "name_key"),
)

# Possible repeat victims: two interviews that may be the same person, for staff to decide.
# ``interview_a`` < ``interview_b``, so a pair is stored once.
match_candidates = Table(
    "match_candidates", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("interview_a", String(36), ForeignKey("interviews.id"), nullable=False),
    Column("interview_b", String(36), ForeignKey("interviews.id"), nullable=False),
    Column("reason", String(40), nullable=False),
    Column("status", String(20), nullable=False),  # pending, confirmed, rejected
    Column("found_at", String(40), nullable=False),
    Column("decided_by", String(100)),
    Column("decided_at", String(40)),
    UniqueConstraint("interview_a", "interview_b", name="uq_match_candidates_pair"),
)

# -- advance notice of returns (migration 0009) --------------------------------------------------

# An expected return. ``notified_by`` is a comma list of the form's advance_notice_by values;
# ``name_key``/``birth_year`` are repeats.matching's keys, for merging and linking by index.
# ``interview_id`` is the interview of the person who arrived, once linked (``link``: "started"
# from the notice at the workstation, or "confirmed" by staff from a suggestion).
notices = Table(
    "notices", metadata,
    Column("id", String(36), primary_key=True),
    Column("checkpoint", String(100), nullable=False),
    Column("expected_date", String(10), nullable=False),
    # given_name, family_name, date_of_birth, travel and note, sealed (atrest.seal_notice)
    Column("person", Text, nullable=False),
    Column("age", Integer),
    Column("sex", String(20)),
    Column("nationality", String(2)),
    Column("coming_from", String(2)),
    Column("notified_by", String(200), nullable=False),
    Column("victim_suspected", Boolean, nullable=False),
    Column("child_suspected", Boolean, nullable=False),
    Column("meet_organisation", String(100)),
    Column("name_key", String(300)),  # a keyed digest (atrest.DataKeys.name_digest)
    Column("birth_year", Integer),
    Column("merged", Integer, nullable=False),  # how many later notices were merged into it
    Column("created_at", String(40), nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("interview_id", String(36), ForeignKey("interviews.id")),
    Column("link", String(20)),
    Column("linked_at", String(40)),
    Column("linked_by", String(100)),
    Index("ix_notices_checkpoint_date", "checkpoint", "expected_date"),
    Index("ix_notices_name_key", "name_key", "checkpoint", "expected_date"),
)

# An interview that may be the person of a notice, for staff to confirm or reject.
notice_suggestions = Table(
    "notice_suggestions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("notice_id", String(36), ForeignKey("notices.id"), nullable=False),
    Column("interview_id", String(36), ForeignKey("interviews.id"), nullable=False),
    Column("reason", String(40), nullable=False),
    Column("status", String(20), nullable=False),  # pending, confirmed, rejected
    Column("found_at", String(40), nullable=False),
    Column("decided_by", String(100)),
    Column("decided_at", String(40)),
    UniqueConstraint("notice_id", "interview_id", name="uq_notice_suggestions_pair"),
)

# -- the case registry (migration 0006) ----------------------------------------------------------

# One referral of an approved interview: the primary one, each further one, and each
# re-referral (``previous_id`` is the declined one it replaces). ``source_key`` makes the
# checkpoint's referrals idempotent ("checkpoint:<organisation>"; a re-referral:
# "rereferral:<previous id>"). The columns after ``status`` are the current state of the
# append-only ``referral_events``; the minimal facts a partner sees without consent are kept
# here, so that its inbox never reads an interview record.
referrals = Table(
    "referrals", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("interview_id", String(36), ForeignKey("interviews.id"), nullable=False),
    Column("source_key", String(120), nullable=False),
    Column("kind", String(20), nullable=False),  # primary, further, rereferral
    Column("organisation", String(100), nullable=False),
    Column("referral_type", String(40)),
    Column("urgent", Boolean, nullable=False),
    Column("child", Boolean, nullable=False),
    Column("sex", String(20)),
    Column("age_band", String(10)),
    Column("needs", String(200)),  # "medical,shelter"
    Column("data_sharing_consent", Boolean, nullable=False),
    Column("previous_id", Integer, ForeignKey("referrals.id")),
    Column("status", String(20), nullable=False),
    Column("sent_at", String(40), nullable=False),
    Column("received_at", String(40)),
    Column("accepted_at", String(40)),
    Column("updated_at", String(40), nullable=False),
    Column("admission_date", String(10)),
    Column("exit_date", String(10)),
    Column("guardian_date", String(10)),
    Column("services", String(200)),  # "medical,legal"
    Column("expected_exit_date", String(10)),  # migration 0012: while still accommodated
    UniqueConstraint("interview_id", "source_key", name="uq_referrals_source"),
    Index("ix_referrals_organisation", "organisation", "status"),
    Index("ix_referrals_status", "status"),
)

# Every step of a referral, append-only (a trigger refuses UPDATE and DELETE): who, when,
# why, and the day it happened (arrival, admission, exit) as told.
referral_events = Table(
    "referral_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("referral_id", Integer, ForeignKey("referrals.id"), nullable=False),
    Column("event", String(30), nullable=False),
    Column("at", String(40), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("reason", String(500)),
    Column("day", String(10)),
    Index("ix_referral_events_referral", "referral_id"),
)

# Which revision of each approved interview its referrals were made from.
referral_sources = Table(
    "referral_sources", metadata,
    Column("interview_id", String(36), ForeignKey("interviews.id"), primary_key=True),
    Column("revision", Integer, nullable=False),
)

# The Responsible Authority's formal identification of a case, append-only: the newest row is
# the case's status; the earlier ones its history.
identifications = Table(
    "identifications", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("interview_id", String(36), ForeignKey("interviews.id"), nullable=False),
    Column("status", String(30), nullable=False),  # identified_victim, potential_victim, ...
    Column("decided_on", String(10), nullable=False),
    Column("basis", String(1000), nullable=False),
    Column("victim_witness", String(10), nullable=False),  # yes, no, unknown
    Column("reflection_period", String(20)),  # foreign nationals: granted, refused, ...
    Column("residence_permit", String(20)),  # applied, granted, refused
    Column("recorded_at", String(40), nullable=False),
    Column("recorded_by", String(100), nullable=False),
    Index("ix_identifications_interview", "interview_id"),
)

# Follow-up contacts after the shelter: the basis of post-shelter monitoring.
follow_ups = Table(
    "follow_ups", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("interview_id", String(36), ForeignKey("interviews.id"), nullable=False),
    Column("contact_date", String(10), nullable=False),
    Column("organisation", String(100), nullable=False),
    Column("outcome", String(1000), nullable=False),
    Column("next_date", String(10)),
    Column("recorded_at", String(40), nullable=False),
    Column("recorded_by", String(100), nullable=False),
    Index("ix_follow_ups_interview", "interview_id"),
)
