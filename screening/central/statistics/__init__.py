"""The quarterly statistics on central's data: the report PDF and its CSV tables."""
