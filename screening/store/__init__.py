"""The encrypted checkpoint database (DESIGN.md §4)."""
