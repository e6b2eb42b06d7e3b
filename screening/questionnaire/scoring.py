"""The indicator scoring and decision rule of docs/questionnaire-standard.md §2, with its
explanation."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from screening.questionnaire.expr.ast import references
from screening.questionnaire.expr.compiler import Context
from screening.questionnaire.expr.parser import parse
from screening.questionnaire.messages import say
from screening.questionnaire.model import Form

NO_INDICATORS, AT_RISK, SUSPECTED, PRESUMED = (
    "no_indicators", "at_risk", "suspected_victim", "presumed_victim")
OUTCOME_RANK = {NO_INDICATORS: 0, AT_RISK: 1, SUSPECTED: 2, PRESUMED: 3}


@dataclass(frozen=True, slots=True)
class FiredIndicator:
    id: str
    dimension: str
    strength: str  # S | M | W


@dataclass(frozen=True, slots=True)
class DimensionResult:
    id: str
    strong: int
    medium: int
    weak: int
    rule: str | None  # which combination made it positive: 2S, SM, SW, 3M, 2MW; None if not

    @property
    def positive(self) -> bool:
        return self.rule is not None

    @property
    def fired(self) -> int:
        return self.strong + self.medium + self.weak


@dataclass(frozen=True, slots=True)
class Assessment:
    profile: str
    child: bool
    fired: tuple[FiredIndicator, ...]
    dimensions: tuple[DimensionResult, ...]
    observations: tuple[str, ...]  # ids of officer observations answered yes
    risk_factors: tuple[str, ...]  # ids of risk-factor questions answered yes
    outcome: str
    step: int
    reasons: tuple[str, ...]  # step 2 and 3: which conditions held (keys of the messages)
    # the child rule read a calculated value (the age) that could not be worked out
    child_undetermined: bool = False

    @property
    def positive_dimensions(self) -> list[str]:
        return sorted(d.id for d in self.dimensions if d.positive)


def dimension_rule(strong: int, medium: int, weak: int) -> str | None:
    """Which combination makes a dimension positive, or None (docs/questionnaire-standard.md §2)."""
    if strong >= 2:
        return "2S"
    if strong >= 1 and medium >= 1:
        return "SM"
    if strong >= 1 and weak >= 1:
        return "SW"
    if medium >= 3:
        return "3M"
    if medium >= 2 and weak >= 1:
        return "2MW"
    return None


def assess(form: Form, values: Mapping[str, Any], context: Context) -> Assessment:
    roles = form.assessment
    child = bool(roles and values.get(roles.child_question) is True)
    sexual = bool(roles and roles.sexual_exploitation
                  and roles.sexual_exploitation(values, context) is True)
    profile = "child" if child else "adult_sexual" if sexual else "adult_labour"
    fired = tuple(
        FiredIndicator(q.id, tag.dimension, tag.strengths[profile])
        for q in form.indicators if (tag := q.indicator) is not None and values.get(q.id) == "yes")
    dimensions = tuple(_dimension(d.id, fired) for d in form.dimensions)
    observations = tuple(q.id for q in form.observations if values.get(q.id) == "yes")
    risks = tuple(q.id for q in form.risk_factors if values.get(q.id) == "yes")
    outcome, step, reasons = _decide(form, child, fired, dimensions, observations, risks)
    return Assessment(profile, child, fired, dimensions, observations, risks, outcome, step,
                      reasons, child_undetermined(form, values))


def child_undetermined(form: Form, values: Mapping[str, Any]) -> bool:
    """Whether the child rule had to decide without a value it reads: a calculation (the age)
    that gave nothing, because no valid date of birth or estimate was given."""
    roles = form.assessment
    question = form.questions.get(roles.child_question) if roles else None
    expression = question.source.get("calculation") if question else None
    if not isinstance(expression, str):
        return False
    return any(form.questions[name].type == "calculate" and values.get(name) is None
               for name in _reads(expression) if name in form.questions)


@functools.cache
def _reads(expression: str) -> frozenset[str]:
    return frozenset(references(parse(expression)))


def _dimension(dimension_id: str, fired: tuple[FiredIndicator, ...]) -> DimensionResult:
    strengths = [f.strength for f in fired if f.dimension == dimension_id]
    counts = (strengths.count("S"), strengths.count("M"), strengths.count("W"))
    return DimensionResult(dimension_id, *counts, dimension_rule(*counts))


def _decide(form: Form, child: bool, fired: tuple[FiredIndicator, ...],
            dimensions: tuple[DimensionResult, ...], observations: tuple[str, ...],
            risks: tuple[str, ...]) -> tuple[str, int, tuple[str, ...]]:
    positive = {d.id for d in dimensions if d.positive}
    elements = {element: {d.id for d in form.dimensions if d.element == element} & positive
                for element in ("recruitment", "exploitation", "means")}
    if elements["recruitment"] and elements["exploitation"] and (child or elements["means"]):
        return PRESUMED, 1, ()
    step2 = []
    if positive:
        step2.append("reason_positive_dimension")
    if any(f.strength == "S" for f in fired):
        step2.append("reason_strong")
    if child and fired:
        step2.append("reason_child_any")
    if len(observations) >= 2:
        step2.append("reason_two_observations")
    if step2:
        return SUSPECTED, 2, tuple(step2)
    step3 = []
    if fired:
        step3.append("reason_any_indicator")
    if observations:
        step3.append("reason_one_observation")
    if risks:
        step3.append("reason_risk_factor")
    if step3:
        return AT_RISK, 3, tuple(step3)
    return NO_INDICATORS, 4, ()


def outcome_label(form: Form, outcome: str, lang: str) -> str:
    if form.outcome_list:
        return form.choice_label(form.outcome_list, outcome, lang)
    return outcome.replace("_", " ")


def explain(form: Form, assessment: Assessment, lang: str) -> list[str]:
    """Sentences naming the profile, every fired indicator with its strength, every dimension
    with fired indicators (positive or why not) and the rule step that decided the outcome."""
    sentences = [say(f"profile_{assessment.profile}", lang)]
    if assessment.child_undetermined:
        # a form that presumes a child while the age is unknown (2026.2) says so; 2026.1 did not
        sentences.append(say("age_unknown_presumed_child" if assessment.child
                             else "age_unknown", lang))
    for fired in assessment.fired:
        label = form.questions[fired.id].label.get(lang, fired.id)
        sentences.append(say("fired", lang, label=label, dimension=fired.dimension,
                             strength=say(f"strength_{fired.strength}", lang)))
    if not assessment.fired:
        sentences.append(say("no_fired", lang))
    for result in assessment.dimensions:
        if result.fired:
            sentences.append(_dimension_sentence(form, result, lang))
    if assessment.observations:
        names = ", ".join(f"“{_label(form, q, lang)}”" for q in assessment.observations)
        sentences.append(say("observations", lang, count=len(assessment.observations),
                             names=names))
    if assessment.risk_factors:
        names = ", ".join(f"“{_label(form, q, lang)}”" for q in assessment.risk_factors)
        sentences.append(say("risk_factors", lang, names=names))
    sentences.append(_outcome_sentence(form, assessment, lang))
    return sentences


def _label(form: Form, question_id: str, lang: str) -> str:
    return form.questions[question_id].label.get(lang, question_id)


def _counts(result: DimensionResult, lang: str) -> str:
    parts = []
    for letter, count in (("S", result.strong), ("M", result.medium), ("W", result.weak)):
        if count:
            parts.append(say(f"count_{letter}_{'1' if count == 1 else 'n'}", lang, n=count))
    return ", ".join(parts)


def _dimension_sentence(form: Form, result: DimensionResult, lang: str) -> str:
    label = form.dimension(result.id).label.get(lang, result.id)
    if result.positive:
        return say("dimension_positive", lang, dimension=result.id, label=label,
                   counts=_counts(result, lang), rule=say(f"rule_{result.rule}", lang))
    return say("dimension_not_positive", lang, dimension=result.id, label=label,
               counts=_counts(result, lang))


def _outcome_sentence(form: Form, assessment: Assessment, lang: str) -> str:
    outcome = outcome_label(form, assessment.outcome, lang)
    positive = set(assessment.positive_dimensions)

    def of(element: str) -> str:
        return ", ".join(d.id for d in form.dimensions
                         if d.element == element and d.id in positive)

    if assessment.step == 1:
        key = "outcome_step1_child" if assessment.child else "outcome_step1_adult"
        return say(key, lang, outcome=outcome, recruitment=of("recruitment"),
                   exploitation=of("exploitation"), means=of("means"))
    if assessment.step == 4:
        return say("outcome_step4", lang, outcome=outcome)
    reasons = say("and_list", lang).join(_reason(form, assessment, key, lang)
                                         for key in assessment.reasons)
    return say(f"outcome_step{assessment.step}", lang, outcome=outcome, reasons=reasons)


def _reason(form: Form, assessment: Assessment, key: str, lang: str) -> str:
    if key == "reason_positive_dimension":
        return say(key, lang, dimensions=", ".join(assessment.positive_dimensions))
    if key == "reason_strong":
        names = ", ".join(f"“{_label(form, f.id, lang)}”" for f in assessment.fired
                          if f.strength == "S")
        return say(key, lang, names=names)
    if key == "reason_two_observations":
        return say(key, lang, count=len(assessment.observations))
    if key == "reason_risk_factor":
        return say(key, lang, names=", ".join(_label(form, q, lang)
                                              for q in assessment.risk_factors))
    return say(key, lang)
