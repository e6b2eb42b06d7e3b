"""Cases: the facts each interview gives (refreshed at ingest), the form central reads them
with, the interview record PDF, and their SQL."""
