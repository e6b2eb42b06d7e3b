"""Possible repeat victims: the matching rule, the candidate pairs staff confirm or reject, and
which interviews the statistics count as repeats."""
