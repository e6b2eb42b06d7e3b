"""The Responsible Authority's central service (DESIGN.md §5), installed with the ``central``
extra. Nothing in the workstation imports it."""
