"""Complete answer sets for the standard form, shared by tests and benchmarks."""

from __future__ import annotations

import datetime as dt
from typing import Any

INTERVIEW_TIME = dt.datetime(2026, 7, 1, 10, 0)
# the version of forms/returnee_screening.yaml (tests/unit/questionnaire/test_form_versions.py
# checks it): store tests start their interviews on it
BUNDLED = ("returnee_screening", "2026.2")

INDICATOR_IDS = [
    "ind_deceived_nature_of_job", "ind_deceived_conditions", "ind_deceived_wages",
    "ind_deceived_documents_or_status", "ind_deceived_marriage_or_adoption",
    "ind_deceived_education", "ind_recruit_violence", "ind_recruit_abduction_or_sale",
    "ind_recruit_documents_taken", "ind_recruit_debt", "ind_recruit_threats",
    "ind_recruit_isolation", "ind_vuln_family_situation", "ind_vuln_economic",
    "ind_vuln_irregular_status", "ind_vuln_lack_of_education_or_language",
    "ind_vuln_emotional_dependency", "ind_vuln_past_abuse", "ind_excessive_hours",
    "ind_low_or_no_pay", "ind_bad_living_conditions", "ind_hazardous_work",
    "ind_no_respect_of_contract", "ind_no_education_access", "ind_documents_confiscated",
    "ind_debt_bondage", "ind_confined_or_watched", "ind_violence", "ind_threats_of_violence",
    "ind_forced_tasks_or_clients", "ind_forced_crime", "ind_threat_of_denunciation",
    "ind_wages_withheld", "ind_violence_on_family", "ind_threat_to_inform_family",
    "ind_dest_dependency_on_exploiters", "ind_dest_unknown_language_or_area",
    "ind_dest_irregular_status", "ind_dest_family_pressure", "ind_dest_economic_pressure",
]
INDICATOR_IDS_2026_1 = list(INDICATOR_IDS)
# 2026.2 asks sexual violence apart from physical violence (ind_violence).
INDICATOR_IDS.insert(INDICATOR_IDS.index("ind_violence") + 1, "ind_sexual_violence")
NEW_IN_2026_2 = frozenset(INDICATOR_IDS) - frozenset(INDICATOR_IDS_2026_1)
OBSERVATIONS = ["obs_injuries", "obs_fearful_or_anxious", "obs_scripted_answers",
                "obs_controlling_companion", "obs_no_control_of_documents"]


def adult_no_indicators(**overrides: Any) -> dict[str, Any]:
    """An adult man returned from Greece, every indicator answered 'no', ready to finalise."""
    answers: dict[str, Any] = {
        "checkpoint": "KKV", "interview_started_at": INTERVIEW_TIME.isoformat(),
        "return_mode": "deported", "returned_from": "GR", "transport": "land",
        "interview_language": "sq", "interpreter_used": "no", "accompanied_by": "alone",
        "private_setting": "yes", "same_sex_interviewer_offered": "yes",
        "consent_interview": "yes", "consent_referral": "yes", "consent_data_sharing": "yes",
        "info_leaflet_given": "yes",
        "given_name": "Arben", "family_name": "Hoxha", "sex": "male",
        "date_of_birth": "1990-05-01", "age_uncertain": "no", "nationality": "AL",
        "departure_date": "2025-03-01", "months_abroad": 15, "travel_organised_by": "self",
        "country_of_exploitation": "GR", "activity_sector": ["agriculture"],
        "how_it_ended": "deported", "current_threats": "no", "debt_outstanding": "no",
        "safe_place_to_stay": "yes", "needs_medical": "no", "needs_psychological": "no",
        "needs_shelter": "no", "needs_legal": "no", "fears_returning_home": "no",
        "officer_outcome": "no_indicators", "action_taken": "information_given_only",
    }
    answers.update({name: "no" for name in INDICATOR_IDS + OBSERVATIONS})
    answers.update(overrides)
    return answers


def child_answers(**overrides: Any) -> dict[str, Any]:
    """A 16-year-old girl with her mother, no indicators."""
    answers = adult_no_indicators(
        given_name="Elira", sex="female", date_of_birth="2010-02-01", accompanied_by="family",
        child_unaccompanied="no", child_guardian_present="yes", guardian_name="Drita Hoxha",
        guardian_relationship="mother", child_return_under_greece_agreement="no",
        activity_sector=["none"])
    answers.update(overrides)
    return answers


def for_2026_1(answers: dict[str, Any]) -> dict[str, Any]:
    """The same answers for the frozen questionnaire 2026.1, which lacks the newer questions."""
    return {name: value for name, value in answers.items() if name not in NEW_IN_2026_2}


def with_yes(answers: dict[str, Any], *names: str) -> dict[str, Any]:
    return {**answers, **{name: "yes" for name in names}}
