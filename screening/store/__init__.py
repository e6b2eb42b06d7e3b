"""The encrypted checkpoint database (docs/design.md §4)."""
