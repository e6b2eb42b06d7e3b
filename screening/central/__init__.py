"""The Responsible Authority's central service (docs/design.md §5), installed with the ``central``
extra. Nothing in the workstation imports it."""
