"""Which referrals an interview record makes: the primary one (``action_taken`` and
``referral_organisation``) and each item of the ``further_referrals`` group, one per
organisation, with the minimal facts a partner sees without consent. Pure: no SQL."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeGuard

from screening import lifecycle

# the primary referral's kind of help, by the action taken (the form's referral_type values)
ACTION_TYPES = {"referred_shelter": "shelter", "referred_social_services": "social_services",
                "referred_child_protection": "child_protection",
                "referred_police_at_unit": "police_anti_trafficking"}
NEEDS = ("medical", "psychological", "shelter", "legal")


@dataclass(frozen=True)
class Wanted:
    kind: str  # primary or further
    organisation: str
    referral_type: str | None
    urgent: bool

    @property
    def source_key(self) -> str:
        return f"checkpoint:{self.organisation}"


@dataclass(frozen=True)
class Person:
    """What a partner sees of the person without data-sharing consent (besides the case
    reference and the referral's urgency)."""

    needs: tuple[str, ...]
    data_sharing_consent: bool


def wanted(record: Mapping[str, Any]) -> list[Wanted]:
    """The referrals of an approved record, first mention of an organisation first; none for
    an interview not approved (a supervisor has not confirmed the choice)."""
    if record.get("status") != lifecycle.APPROVED:
        return []
    given = answers(record)
    action = given.get("action_taken")
    if action not in ACTION_TYPES:  # the form asks for referrals only after a referring action
        return []
    found: dict[str, Wanted] = {}
    primary = given.get("referral_organisation")
    if _id(primary):
        found[primary] = Wanted("primary", primary, ACTION_TYPES[action],
                                given.get("referral_urgent") == "yes")
    items = given.get("further_referrals")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        organisation = item.get("further_referral_organisation")
        if _id(organisation) and organisation not in found:
            kind = item.get("further_referral_type")
            found[organisation] = Wanted("further", organisation,
                                         kind if _id(kind) else None,
                                         item.get("further_referral_urgent") == "yes")
    return list(found.values())


def person(record: Mapping[str, Any]) -> Person:
    given = answers(record)
    return Person(tuple(n for n in NEEDS if given.get(f"needs_{n}") == "yes"),
                  given.get("consent_data_sharing") == "yes")


def answers(record: Mapping[str, Any]) -> Mapping[str, Any]:
    held = record.get("answers")
    return held if isinstance(held, dict) else {}


def _id(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and 0 < len(value) <= 100
