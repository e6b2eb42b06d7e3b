"""Batches from the workstations: the upload API, the ingest (every check before one
transaction), the merge of each interview, the inbox staff read, and their SQL."""
