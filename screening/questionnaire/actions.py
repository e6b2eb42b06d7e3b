"""Required actions before an interview can be finalised (docs/questionnaire-standard.md §3), and
again before a supervisor changes the receiving organisation or approves it: the one home of these
rules for the engine, the store and the command line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from screening.questionnaire.messages import bilingual
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Organisation, Reference
from screening.questionnaire.scoring import (
    NO_INDICATORS,
    OUTCOME_RANK,
    PRESUMED,
    SUSPECTED,
    Assessment,
    outcome_label,
)
from screening.questionnaire.values import in_item

REFERRALS = frozenset({"referred_shelter", "referred_social_services",
                       "referred_child_protection", "referred_police_at_unit"})
CHILD_PROTECTION = "child_protection"  # the directory's type of a child protection unit
CONSENT_FREE_TYPES = frozenset({"police", CHILD_PROTECTION, "social_services"})
FURTHER = "further_referrals"  # 2026.2: referrals beyond the primary one, each with its type
# The help a referral asks for, as the primary referral's action names it
KIND_OF_ACTION = {"referred_shelter": "shelter", "referred_social_services": "social_services",
                  "referred_child_protection": "child_protection",
                  "referred_police_at_unit": "police_anti_trafficking"}
# Kinds of help only one type of organisation in the directory gives; health, legal aid,
# psychological support and "other" come from any of them.
GIVEN_BY = {"shelter": frozenset({"shelter"}), "social_services": frozenset({"social_services"}),
            CHILD_PROTECTION: frozenset({CHILD_PROTECTION}),
            "police_anti_trafficking": frozenset({"police"})}
URGENT_AFTER_SEXUAL_VIOLENCE = frozenset({"health"})  # the form's urgent-care path


@dataclass(frozen=True, slots=True)
class ActionProblem:
    code: str  # stable: referral_required, organisation_required, ...
    question_id: str  # where the officer fixes it
    message: Mapping[str, str]
    blocking: bool = True  # False: shown, but does not stop finalisation
    item: int | None = None  # the entry (from 1) of a repeat it is about


@dataclass(frozen=True, slots=True)
class Referral:
    """One referral the interview records: the primary one (``action_taken`` and
    ``referral_organisation``) or an entry of ``further_referrals``. The §3 rules read these,
    so every referral is judged the same way."""

    kind: str | None  # shelter, social_services, child_protection, police_anti_trafficking, ...
    organisation: Organisation | None  # the directory's entry; None when not chosen
    urgent: Any
    question_id: str  # where the officer fixes it
    item: int | None = None  # the entry of further_referrals; None for the primary referral


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
    primary = primary_referral(values, reference)
    if action in REFERRALS:
        found.extend(_consent_rule(form, values, primary))
    found.extend(_override_rule(values, assessment, words))
    found.extend(_organisation_fit(form, values, assessment,
                                   replace(primary, question_id="referral_organisation")))
    earlier = [primary]
    for referral in further_referrals(values, reference):
        found.extend(_further_rules(form, values, assessment, referral, earlier))
        earlier.append(referral)
    return found


def primary_referral(values: Mapping[str, Any], reference: Reference | None) -> Referral:
    """The referral ``action_taken`` and ``referral_organisation`` record."""
    organisation = values.get("referral_organisation")
    org = reference.organisations.get(organisation) \
        if reference is not None and isinstance(organisation, str) else None
    return Referral(KIND_OF_ACTION.get(values.get("action_taken") or ""), org,
                    values.get("referral_urgent"), "action_taken")


def further_referrals(values: Mapping[str, Any], reference: Reference | None) -> list[Referral]:
    """The entries of ``further_referrals`` as answered (already parsed: the types are right,
    the organisations in the directory)."""
    items = values.get(FURTHER)
    if not isinstance(items, list):
        return []
    directory = reference.organisations if reference is not None else {}
    return [Referral(item.get("further_referral_type"),
                     directory.get(str(item.get("further_referral_organisation"))),
                     item.get("further_referral_urgent"), FURTHER, index)
            for index, item in enumerate(items, start=1) if isinstance(item, dict)]


def _further_rules(form: Form, values: Mapping[str, Any], assessment: Assessment,
                   referral: Referral, earlier: list[Referral]) -> list[ActionProblem]:
    """What the primary referral's rules say of an entry, and what only an entry can get
    wrong: a type the organisation does not give, the same help from the same organisation
    twice."""
    found = [*_consent_rule(form, values, referral),
             *_organisation_fit(form, values, assessment, referral)]
    org = referral.organisation
    if org is None:
        return found
    givers = GIVEN_BY.get(referral.kind or "")
    if givers is not None and org.type not in givers:
        kinds = {lang: form.choice_label("referral_type", referral.kind or "", lang)
                 for lang in form.languages}
        found.append(_about(form, referral, "referral_type_mismatch", kind=kinds))
    if any(other.organisation is not None and other.organisation.id == org.id
           and other.kind == referral.kind for other in earlier):
        found.append(_about(form, referral, "referral_repeated"))
    if referral.kind in URGENT_AFTER_SEXUAL_VIOLENCE and referral.urgent != "yes" \
            and values.get("ind_sexual_violence") == "yes":
        found.append(_about(form, referral, "referral_urgent_required"))
    return found


def _about(form: Form, referral: Referral, code: str, *, blocking: bool = True,
           **words: Mapping[str, str]) -> ActionProblem:
    """The message ``code`` about ``referral``, naming its organisation, and for an entry of
    further_referrals, the entry ("Further referral 2: ...")."""
    org = referral.organisation
    message = {}
    for lang in form.languages:
        name = org.name.get(lang, org.id) if org is not None else ""
        text = bilingual(code, organisation=name,
                         **{key: value.get(lang, "") for key, value in words.items()})[lang]
        message[lang] = text
    if referral.item is not None:
        message = in_item(form.questions[FURTHER], referral.item, message)
    return ActionProblem(code, referral.question_id, message, blocking, referral.item)


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


def _consent_rule(form: Form, values: Mapping[str, Any],
                  referral: Referral) -> list[ActionProblem]:
    org = referral.organisation
    to_shelter_or_ngo = referral.kind == "shelter" or (
        org is not None and org.type not in CONSENT_FREE_TYPES)
    if not to_shelter_or_ngo or values.get("consent_referral") == "yes":
        return []
    return [_about(form, referral, "consent_referral_required")]


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


def _organisation_fit(form: Form, values: Mapping[str, Any], assessment: Assessment,
                      referral: Referral) -> list[ActionProblem]:
    if referral.organisation is None:
        return []
    org = referral.organisation
    found = []
    if assessment.child and not org.accepts_children:
        found.append(_about(form, referral, "organisation_not_for_children"))
    if not assessment.child and values.get("sex") == "male" and not org.accepts_men:
        found.append(_about(form, referral, "organisation_not_for_men", blocking=False))
    return found
