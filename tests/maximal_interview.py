"""The longest interview a person can enter: every indicator 'yes', names of 300 characters in
Greek, Cyrillic and Arabic, every free-text box filled to the limit. Documents must still be made
from it: a long interview is exactly the one a victim's case file needs."""

from __future__ import annotations

from typing import Any

from screening.questionnaire.values import TEXT_LIMIT
from tests.answer_sets import INDICATOR_IDS, OBSERVATIONS, child_answers, with_yes

GREEK = "Αλέξανδρος-Παπαδόπουλος"
CYRILLIC = "Анастасия-Владимировна"
ARABIC = "عبدالرحمن"
NAME_LENGTH = 300
GIVEN_NAME = (f"{GREEK} {CYRILLIC} " * 20)[:NAME_LENGTH].strip()
FAMILY_NAME = (f"{CYRILLIC} {ARABIC} {GREEK} " * 20)[:NAME_LENGTH].strip()
NOTES_MARKER = "OFFICER-NOTES-NEVER-ON-THE-SLIP"
# One answer per line, the worst case for a table row: thousands of lines would not fit a page.
LINES = "\n".join(f"line {n}: the person said more about what happened" for n in range(70))
FREE_TEXT = ("Words of the person, written down as said, over and over. " * 80)[:TEXT_LIMIT]


def long_text(marker: str = "") -> str:
    return (marker + " " + FREE_TEXT)[:TEXT_LIMIT]


def maximal_answers(**overrides: Any) -> dict[str, Any]:
    """A child (uncertain age), unaccompanied, every indicator and observation 'yes', referred
    to child protection; every free-text box full."""
    answers = with_yes(child_answers(
        given_name=GIVEN_NAME, family_name=FAMILY_NAME, other_names=long_text("other names"),
        sex="female", date_of_birth="2010-02-01", age_uncertain="yes", nationality="GR",
        accompanied_by="alone", child_unaccompanied="yes", child_guardian_present="no",
        interview_language="other", interview_language_other=long_text("Ελληνικά"),
        id_document_type="passport", id_document_number=long_text("AB"),
        document_held_by="another_person", home_municipality=long_text("Δήμος"),
        education_level=None, languages=long_text("Ελληνικά, русский, العربية"),
        promised_activity=LINES, countries_transited=["MK", "RS", "HU", "AT", "DE", "IT"],
        activity_sector=["agriculture", "construction", "domestic_work", "hospitality",
                         "manufacturing", "sexual_services", "begging", "criminal_activity",
                         "cannabis_cultivation", "other"],
        country_of_exploitation="IT", safe_place_to_stay="no", current_threats="yes",
        debt_outstanding="yes", officer_notes=long_text(NOTES_MARKER),
        officer_outcome="presumed_victim", action_taken="referred_child_protection",
        referral_organisation="child_protection_units", referral_urgent="yes",
        previously_returned="yes", previously_assisted_as_victim="yes",
        child_family_suspected="yes", child_attending_school_before_departure="no",
        child_return_under_greece_agreement="yes",
        # questionnaire 2026.2: every new fact too
        advance_notice="yes", advance_notice_by=["readmission_authorities", "consulate", "iom",
                                                 "ngo", "other"],
        met_on_arrival_by=["police", "social_services", "child_protection", "iom", "ngo"],
        consent_follow_up="yes", safe_contact=long_text("Θεία, +30 210 000 0000"),
        recruitment_channel=["online_social_media", "acquaintance", "family", "partner",
                             "agency", "other"],
        recruiter_relationship="intimate_partner",
        exploitation_type=["sexual", "forced_labour", "forced_begging", "forced_criminality",
                           "forced_marriage", "other"],
        exploitation_periods=[
            {"exploitation_period_country": country, "exploitation_period_start": start,
             "exploitation_period_end": end}
            for country, start, end in (("GR", "2024-03-01", "2024-09-30"),
                                        ("MK", "2024-10-01", "2025-01-31"),
                                        ("IT", "2025-02-01", "2026-06-15"))],
        accompanying_children="no", pregnant="yes", police_cooperation_willing="unknown",
        further_referrals=[
            {"further_referral_organisation": "nrcvt", "further_referral_type": "shelter",
             "further_referral_urgent": "yes"},
            {"further_referral_organisation": "state_social_services",
             "further_referral_type": "social_services", "further_referral_urgent": "yes"}],
        reflection_period_explained="yes", residence_permit_explained="yes"),
        *INDICATOR_IDS, *OBSERVATIONS, "needs_medical", "needs_psychological", "needs_shelter",
        "needs_legal", "fears_returning_home", "interpreter_used")
    answers.pop("guardian_name", None)
    answers.pop("guardian_relationship", None)
    answers = {k: v for k, v in answers.items() if v is not None}
    answers.update(overrides)
    return answers
