"""Who may see and change which referral: the Responsible Authority every one, a partner only
those addressed to its organisation — and of those, without the person's data-sharing consent,
only the minimal view. An account limited to checkpoints (``staff.scope``) sees only the
referrals of its checkpoints' interviews, whatever its role. The rights themselves are
``staff.auth.RIGHTS``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from screening.central.refusals import Refused
from screening.central.staff.auth import RIGHTS
from screening.central.staff.scope import Scope, scope_of

PARTNER = "partner"
# what a partner sees of a referral whatever the consent: no name, no answers
MINIMAL_FIELDS = ("id", "case_reference", "organisation", "referral_type", "urgent", "child",
                  "sex", "age_band", "needs", "status", "sent_at", "updated_at",
                  "admission_date", "exit_date", "expected_exit_date", "guardian_date",
                  "services", "previous_id", "data_sharing_consent")


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    organisation: str | None = None
    checkpoints: tuple[str, ...] = ()  # need-to-know; none: every checkpoint

    def may(self, right: str) -> bool:
        return right in RIGHTS.get(self.role, frozenset())

    @property
    def scope(self) -> Scope:
        return scope_of(self.checkpoints)

    @property
    def partner(self) -> bool:
        return self.role == PARTNER


def may_see(actor: Actor, referral: dict[str, Any]) -> bool:
    """``referral`` as read with its interview's ``checkpoint``."""
    if not actor.scope.allows(referral["checkpoint"]):
        return False
    if actor.partner:
        return bool(actor.organisation) and referral["organisation"] == actor.organisation
    return actor.may("see_referrals")


def may_see_person(actor: Actor, referral: dict[str, Any]) -> bool:
    """Whether the person's name and details may be shown beside the referral."""
    if actor.partner:
        return may_see(actor, referral) and bool(referral["data_sharing_consent"])
    return actor.may("see_cases")


def visible(actor: Actor, referral: dict[str, Any]) -> dict[str, Any]:
    """The referral as ``actor`` may see it (a partner: the minimal fields only)."""
    if not may_see(actor, referral):
        raise Refused("there is no such referral for your account", code="referral_unknown")
    if actor.partner:
        return {name: referral.get(name) for name in MINIMAL_FIELDS}
    return dict(referral)


def organisation_scope(actor: Actor) -> str | None:
    """The organisation a listing is limited to (a partner's own), or None for all."""
    if actor.partner:
        if not actor.organisation:
            raise Refused("this partner account is bound to no organisation; ask an "
                          "administrator", code="partner_unbound")
        return actor.organisation
    if not actor.may("see_referrals"):
        raise Refused("your account may not see referrals", code="referral_forbidden")
    return None
