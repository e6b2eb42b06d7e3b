"""Required actions before an interview can be finalised (docs/questionnaire-standard.md §3), and
again before a supervisor changes the receiving organisation or approves it: the one home of these
rules for the engine, the store and the command line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from screening.questionnaire.messages import bilingual
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.questionnaire.scoring import (
    NO_INDICATORS,
    OUTCOME_RANK,
    PRESUMED,
    SUSPECTED,
    Assessment,
    outcome_label,
)

REFERRALS = frozenset({"referred_shelter", "referred_social_services",
                       "referred_child_protection", "referred_police_at_unit"})
CHILD_PROTECTION = "child_protection"  # the directory's type of a child protection unit
CONSENT_FREE_TYPES = frozenset({"police", CHILD_PROTECTION, "social_services"})


@dataclass(frozen=True, slots=True)
class ActionProblem:
    code: str  # stable: referral_required, organisation_required, ...
    question_id: str  # where the officer fixes it
    message: Mapping[str, str]
    blocking: bool = True  # False: shown, but does not stop finalisation
    item: int | None = None  # the entry (from 1) of a repeat it is about


def final_outcome(values: Mapping[str, Any], assessment: Assessment) -> str:
    """The officer's outcome when given, else the computed one."""
    chosen = values.get("officer_outcome")
    return chosen if chosen in OUTCOME_RANK else assessment.outcome


def required_actions(form: Form, values: Mapping[str, Any], assessment: Assessment,
                     reference: Reference | None) -> list[ActionProblem]:
    outcome = final_outcome(values, assessment)
    action = values.get("action_taken")
    organisation = values.get("referral_organisation")
    org = reference.organisations.get(organisation) if reference and organisation else None
    found: list[ActionProblem] = []

    def words(value: str) -> dict[str, str]:
        return {lang: outcome_label(form, value, lang) for lang in form.languages}

    if outcome in (PRESUMED, SUSPECTED):
        if action not in REFERRALS:
            found.append(_problem("referral_required", "action_taken", words(outcome)))
        elif not organisation:
            found.append(ActionProblem("organisation_required", "referral_organisation",
                                       bilingual("organisation_required")))
    found.extend(_child_rules(form, values, assessment, outcome, action, org, words))
    found.extend(_consent_rule(values, action, org))
    found.extend(_override_rule(values, assessment, words))
    found.extend(_organisation_fit(values, assessment, org, form))
    return found


def _problem(code: str, question: str, outcome_words: Mapping[str, str]) -> ActionProblem:
    message = {lang: bilingual(code, outcome=outcome_words.get(lang, ""))[lang]
               for lang in outcome_words}
    return ActionProblem(code, question, message)


def _child_rules(form: Form, values: Mapping[str, Any], assessment: Assessment, outcome: str,
                 action: Any, org: Any, words: Any) -> list[ActionProblem]:
    if not assessment.child:
        return []
    # Section D is skipped without consent to the interview; section A still says "alone".
    unaccompanied = (values.get("child_unaccompanied") == "yes"
                     or values.get("accompanied_by") == "alone")
    if not unaccompanied and outcome == NO_INDICATORS:
        return []
    if unaccompanied:
        why = bilingual("why_unaccompanied")
    else:
        why = {lang: bilingual("why_indicators", outcome=text)[lang]
               for lang, text in words(outcome).items()}
    if action != "referred_child_protection":
        message = {lang: bilingual("child_protection_required", why=why[lang])[lang]
                   for lang in why}
        return [ActionProblem("child_protection_required", "action_taken", message)]
    if org is None or org.type == CHILD_PROTECTION:
        return []
    # the referral names child protection, the organisation does not: the slip would hand the
    # child to the one and the statistics count the other
    message = {lang: bilingual("child_protection_organisation_required", why=why[lang],
                               organisation=org.name.get(lang, org.id))[lang] for lang in why}
    return [ActionProblem("child_protection_organisation_required", "referral_organisation",
                          message)]


def _consent_rule(values: Mapping[str, Any], action: Any, org: Any) -> list[ActionProblem]:
    to_shelter_or_ngo = action == "referred_shelter" or (
        org is not None and org.type not in CONSENT_FREE_TYPES)
    if action not in REFERRALS or not to_shelter_or_ngo:
        return []
    if values.get("consent_referral") == "yes":
        return []
    return [ActionProblem("consent_referral_required", "action_taken",
                          bilingual("consent_referral_required"))]


def _override_rule(values: Mapping[str, Any], assessment: Assessment,
                   words: Any) -> list[ActionProblem]:
    chosen = values.get("officer_outcome")
    if chosen not in OUTCOME_RANK or OUTCOME_RANK[chosen] >= OUTCOME_RANK[assessment.outcome]:
        return []
    officer, computed = words(chosen), words(assessment.outcome)
    message = {lang: bilingual("override_needs_approval", officer=officer[lang],
                               computed=computed[lang])[lang] for lang in officer}
    # Finalising is allowed (the reason is a required question); approval is the supervisor's.
    return [ActionProblem("override_needs_approval", "officer_outcome", message, blocking=False)]


def _organisation_fit(values: Mapping[str, Any], assessment: Assessment, org: Any,
                      form: Form) -> list[ActionProblem]:
    if org is None:
        return []
    found = []
    if assessment.child and not org.accepts_children:
        names = {lang: org.name.get(lang, org.id) for lang in form.languages}
        message = {lang: bilingual("organisation_not_for_children",
                                   organisation=names[lang])[lang] for lang in names}
        found.append(ActionProblem("organisation_not_for_children", "referral_organisation",
                                   message))
    if not assessment.child and values.get("sex") == "male" and not org.accepts_men:
        names = {lang: org.name.get(lang, org.id) for lang in form.languages}
        message = {lang: bilingual("organisation_not_for_men",
                                   organisation=names[lang])[lang] for lang in names}
        found.append(ActionProblem("organisation_not_for_men", "referral_organisation",
                                   message, blocking=False))
    return found
