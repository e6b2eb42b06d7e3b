"""What the referral slip says, worked out from the interview before any layout.

Only the facts the receiving organisation needs are taken (docs/design.md §6: minimal personal
data): who the person is (name, date of birth or age, sex, nationality, language), why they are
referred and what they need; never the officer's notes, never the list of answers. Kept apart
from the layout so that tests can check the content exactly and the layout can change freely.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from screening.errors import NoReferralError
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.questionnaire.scoring import outcome_label
from screening.reports.answers import (
    checkpoint_name,
    choice_words,
    format_date,
    format_moment,
    organisation_name,
    signer,
    yes_no,
)
from screening.reports.casefile import (
    CaseFile,
    FurtherReferral,
    case_file_from,
    evaluate_interview,
    further_referrals_of,
)
from screening.reports.wording import LANGUAGES, WORDS, word

Bi = dict[str, str]  # language -> text


@dataclass(frozen=True)
class Receiver:
    name: Bi
    city: Bi
    address: str  # '' when the directory does not know it: the slip leaves a line to fill
    phone: str    # '' likewise; a phone number is never made up


@dataclass(frozen=True)
class SlipContent:
    case_reference: str
    qr_payload: str
    interview_time: str
    printed_at: str
    checkpoint: Bi
    officer: str   # the full name, else the login name marked as such
    approver: str  # likewise; '' until a supervisor has approved the interview
    person_name: str
    birth: Bi      # date of birth and age, or the estimated age, marked; '' when unknown
    sex: Bi
    nationality: Bi
    language: Bi
    receiver: Receiver
    urgent: bool
    further: list[FurtherReferral]  # the other organisations the person is referred to
    outcome: Bi
    dimensions: list[Bi]
    exploitation_type: Bi
    exploitation_country: Bi
    child: bool
    unaccompanied: Bi
    guardian: str
    guardian_relationship: Bi
    needs: list[Bi]
    consent_referral: Bi
    consent_data_sharing: Bi
    help_lines: list[tuple[str, Bi]]


def qr_payload(case_reference: str) -> str:
    """What the QR code holds: the case reference alone, so a scanner types it straight into
    the search box, and a lost slip's code reveals no more than the printed reference."""
    return case_reference


def slip_content(interview: Mapping[str, Any] | CaseFile, form: Form, reference: Reference,
                 *, printed_at: dt.datetime | None = None) -> SlipContent:
    """The slip's facts; raise :class:`NoReferralError` when the interview refers the person to
    no organisation."""
    record = case_file_from(interview)
    evaluation = evaluate_interview(record, form, reference)
    values = evaluation.values
    org_id = values.get("referral_organisation")
    if not org_id:
        raise NoReferralError(reference=record.case_reference)
    assessment = evaluation.assessment
    outcome = evaluation.final_outcome
    return SlipContent(
        case_reference=record.case_reference, qr_payload=qr_payload(record.case_reference),
        interview_time=format_moment(values.get("interview_started_at") or record.started_at),
        printed_at=format_moment(printed_at or dt.datetime.now()),
        checkpoint=_each(lambda lang: checkpoint_name(
            reference, values.get("checkpoint") or record.checkpoint, lang)),
        officer=signer(record.officer, record.officer_full_name),
        approver=signer(record.approved_by, record.approved_by_full_name),
        person_name=" ".join(n.strip() for n in (values.get("given_name") or "",
                                                 values.get("family_name") or "") if n.strip()),
        birth=_each(lambda lang: _birth(values, lang)),
        sex=_each(lambda lang: choice_words(form, "sex", values.get("sex"), lang)),
        nationality=_country(reference, values.get("nationality")),
        language=_each(lambda lang: _language(form, values, lang)),
        receiver=_receiver(reference, org_id),
        urgent=values.get("referral_urgent") == "yes",
        further=further_referrals_of(evaluation, reference, LANGUAGES),
        outcome=_each(lambda lang: outcome_label(form, outcome, lang) if outcome else ""),
        dimensions=[_dimension(form, d) for d in (assessment.positive_dimensions
                                                  if assessment else [])],
        exploitation_type=_each(lambda lang: choice_words(
            form, "activity_sector", _sectors(values), lang)),
        exploitation_country=_country(reference, values.get("country_of_exploitation")),
        child=values.get("treated_as_child") is True,
        unaccompanied=_each(lambda lang: yes_no(values.get("child_unaccompanied"), lang)),
        guardian=values.get("guardian_name") or "",
        guardian_relationship=_each(lambda lang: choice_words(
            form, "guardian_relationship", values.get("guardian_relationship"), lang)),
        needs=_needs(form, values),
        consent_referral=_consent(values.get("consent_referral")),
        consent_data_sharing=_consent(values.get("consent_data_sharing")),
        help_lines=[(line.number, dict(line.name)) for line in reference.help_lines_in_use()],
    )


def _each(make: Callable[[str], str]) -> Bi:
    return {lang: make(lang) for lang in LANGUAGES}


def _birth(values: Mapping[str, Any], lang: str) -> str:
    """'01.02.2010 (16 years old)', or '16 years old (estimated age)': never an unmarked guess."""
    age = values.get("age_years")
    years = (word("years_old", lang).format(n=int(age))
             if isinstance(age, int | float) and not isinstance(age, bool) else "")
    born = values.get("date_of_birth")
    if isinstance(born, dt.date):
        head, notes = format_date(born), [years] if years else []
    elif years:
        head, notes = years, [word("age_estimated", lang)]
    else:
        return ""
    if values.get("age_uncertain") == "yes":
        notes.append(word("age_uncertain", lang))
    return f"{head} ({', '.join(notes)})" if notes else head


def _language(form: Form, values: Mapping[str, Any], lang: str) -> str:
    chosen = values.get("interview_language")
    spoken = values.get("interview_language_other") if chosen == "other" else \
        choice_words(form, "interview_language", chosen, lang)
    others = values.get("languages") or ""
    return "; ".join(_short(t) for t in (spoken or "", others) if t.strip())


def _short(text: str, limit: int = 90) -> str:
    # free text typed by the officer: enough to find an interpreter, never a page of notes
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _receiver(reference: Reference, org_id: str) -> Receiver:
    organisation = reference.organisations.get(org_id)
    name = _each(lambda lang: organisation_name(reference, org_id, lang))
    if organisation is None:  # not in this directory version: name it, invent nothing
        return Receiver(name, _each(lambda lang: ""), "", "")
    city = _each(lambda lang: organisation.city.get(lang) or "")
    return Receiver(name, city, organisation.address.strip(), organisation.phone.strip())


def _dimension(form: Form, dimension_id: str) -> Bi:
    labels = form.dimension(dimension_id).label
    return _each(lambda lang: f"{dimension_id} — {labels.get(lang) or dimension_id}")


def _sectors(values: Mapping[str, Any]) -> list[str]:
    # "did not work" is no type of exploitation: leave it out rather than print it as one
    return [s for s in values.get("activity_sector") or () if s != "none"]


def _country(reference: Reference, code: str | None) -> Bi:
    return _each(lambda lang: reference.country_name(code, lang) if code else "")


def _needs(form: Form, values: Mapping[str, Any]) -> list[Bi]:
    needs = []
    for question in form.questions.values():
        if question.id.startswith("needs_") and values.get(question.id) == "yes":
            key = f"need_{question.id}"
            needs.append(dict(WORDS[key]) if key in WORDS else dict(question.label))
    if values.get("safe_place_to_stay") == "no":
        needs.append(dict(WORDS["need_no_safe_place"]))
    return needs


def _consent(value: Any) -> Bi:
    return _each(lambda lang: yes_no(value, lang) or word("not_recorded", lang))
