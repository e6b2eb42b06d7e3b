"""All SQL of the central service, one module per table group (ODK Central's habit)."""
