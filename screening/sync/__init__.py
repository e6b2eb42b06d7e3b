"""Sync between a checkpoint workstation and central (docs/design.md §5). ``wire`` and ``crypto``
are shared with central; nothing else here may be imported by it."""
