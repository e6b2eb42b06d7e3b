"""Advance notice of returns: who is expected at which checkpoint and when, recorded at central
(by staff or a CSV import), merged when two notices name one person, sent down to that
checkpoint's workstations, and linked to the interview of the person who arrived."""
