"""An interview's life, in one place for the workstation, the documents and central.

    draft ──finalise──▶ finalised ──approve──▶ approved
      ▲                    │
      └── returned_for_correction ◀──return──┘   (corrected, then finalised again)

Every module that asks "may this still be edited?", "does it count in the statistics?" or
"may it travel to central?" asks here, so that the answers cannot drift apart."""

from __future__ import annotations

DRAFT = "draft"
FINALISED = "finalised"
RETURNED = "returned_for_correction"
APPROVED = "approved"

STATUSES = (DRAFT, FINALISED, RETURNED, APPROVED)
# the officer may still change the answers
EDITABLE = (DRAFT, RETURNED)
# a draft is not yet an interview anyone vouches for; it counts once the officer finalises it
COUNTED = (FINALISED, APPROVED, RETURNED)
# what a workstation sends to central (a returned interview waits for its correction)
SENDABLE = (FINALISED, APPROVED)

# the audit actions after which an interview stands finalised (typed in, or imported from paper)
FINALISING_ACTIONS = ("interview_finalised", "interview_imported")


def is_editable(status: str) -> bool:
    return status in EDITABLE


def finalised_at(status: str, trail: list[tuple[str, str]]) -> str:
    """When the interview was last finalised, from its audit trail of (action, at) in order;
    empty while it is being edited (a correction makes the earlier finalisation void)."""
    if is_editable(status):
        return ""
    times = [at for action, at in trail if action in FINALISING_ACTIONS]
    return times[-1] if times else ""
