"""Workstations: enrolment with a one-time code (and its API), revocation, what staff see of
them, and their SQL."""
