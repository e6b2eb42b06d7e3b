"""Approved interviews with referrals, as a workstation sends them, for the registry tests."""

from __future__ import annotations

import uuid
from typing import Any

from screening.central.batches.ingest import ingest
from screening.central.service import Central
from tests.answer_sets import child_answers, with_yes
from tests.central.console.helpers import adult, interview_record
from tests.unit.sync.batches import Workstation

FURTHER = [{"further_referral_organisation": "nrcvt", "further_referral_type": "shelter",
            "further_referral_urgent": "yes"},
           {"further_referral_organisation": "different_equal",
            "further_referral_type": "psychological_support", "further_referral_urgent": "no"}]


def referred_adult(**overrides: Any) -> dict[str, Any]:
    """A man at risk referred to social services (urgent) and, further, to two others."""
    return adult(**{"officer_outcome": "at_risk", "action_taken": "referred_social_services",
                    "referral_organisation": "state_social_services", "referral_urgent": "yes",
                    "further_referrals": FURTHER, "needs_medical": "yes", **overrides})


def referred_child(**overrides: Any) -> dict[str, Any]:
    """A 16-year-old girl referred to child protection."""
    return with_yes(child_answers(officer_outcome="suspected_victim",
                                  action_taken="referred_child_protection",
                                  referral_organisation="child_protection_units",
                                  referral_urgent="no", **overrides), "ind_recruit_violence")


def approved(answers: dict[str, Any], *, revision: int = 1, interview_id: str | None = None,
             seq: int | None = None) -> dict[str, Any]:
    record = interview_record(answers, revision=revision,
                              interview_id=interview_id or str(uuid.uuid4()),
                              seq=seq if seq is not None else uuid.uuid4().int % 10**9)
    record["status"] = "approved"
    return record


def send(central: Central, station: Workstation, *records: dict[str, Any]) -> None:
    ingest(central, station.batch(list(records)))
