"""The in-memory shape of a loaded form. Built only by :mod:`loader`, after every check passed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from screening.questionnaire.expr.compiler import Compiled
from screening.questionnaire.expr.typecheck import VType
from screening.questionnaire.messages import bilingual

Text = Mapping[str, str]  # language code -> text

PROFILES = ("adult_labour", "adult_sexual", "child")
STRENGTH_WORDS = {"S": "strong", "M": "medium", "W": "weak"}

# Types whose value the officer does not type: computed by the engine or display-only.
COMPUTED_TYPES = frozenset({"calculate", "assessment"})
NO_ANSWER_TYPES = COMPUTED_TYPES | {"note"}
CHOICE_TYPES = frozenset({"select_one", "select_multiple"})
YES_NO_UNKNOWN = ("yes", "no", "unknown")


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True, slots=True)
class Indicator:
    dimension: str
    strengths: Mapping[str, str]  # profile -> S | M | W


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    element: str  # recruitment | exploitation | means
    label: Text


@dataclass(slots=True)
class Question:
    id: str
    type: str
    label: Text
    section_id: str
    position: int  # order of appearance in the form, for display
    hint: Text | None = None
    item_label: Text | None = None  # a repeat's name for one entry: "Further referral"
    choices: str | None = None
    required: bool = False
    required_when: Compiled | None = None
    relevant: Compiled | None = None
    constraint: Compiled | None = None
    constraint_message: Text | None = None
    calculation: Compiled | None = None
    prefill: str | None = None
    default_from: str | None = None
    read_only: bool = False
    indicator: Indicator | None = None
    observation: bool = False
    risk_factor: bool = False
    personal: bool = False
    appearance: str | None = None  # "multiline": a text box of several lines
    children: tuple[Question, ...] = ()
    value_type: VType | None = None
    source: Mapping[str, Any] = field(default_factory=dict)  # the expressions as written
    allowed: frozenset[str] | None = None  # choice values, for select and yes/no/unknown
    answerable: bool = True  # precomputed: evaluation asks it for every question, every time

    def __post_init__(self) -> None:
        self.answerable = self.type not in NO_ANSWER_TYPES

    def item_name(self, index: int, lang: str) -> str:
        """How messages and screens name entry ``index`` (from 1) of a repeat."""
        if self.item_label and self.item_label.get(lang):
            return f"{self.item_label[lang]} {index}"
        return bilingual("repeat_item", index=index).get(lang, str(index))


@dataclass(slots=True)
class Section:
    id: str
    title: Text
    questions: tuple[Question, ...]
    relevant: Compiled | None = None


@dataclass(slots=True)
class AssessmentRoles:
    child_question: str
    sexual_exploitation: Compiled | None


@dataclass(slots=True)
class Form:
    id: str
    version: str
    languages: tuple[str, ...]
    title: Text
    sections: tuple[Section, ...]
    choice_lists: Mapping[str, tuple[Choice, ...]]
    dimensions: tuple[Dimension, ...]
    assessment: AssessmentRoles | None
    questions: Mapping[str, Question]  # every top-level question by id, in form order
    evaluation_order: tuple[Question, ...]  # dependencies first
    path: Path | None = None
    # Precomputed views: scoring and evaluation read these for every answer set.
    indicators: tuple[Question, ...] = ()
    observations: tuple[Question, ...] = ()
    risk_factors: tuple[Question, ...] = ()
    answerable: tuple[Question, ...] = ()
    constrained: tuple[Question, ...] = ()
    repeats: tuple[Question, ...] = ()
    requirable: tuple[Question, ...] = ()  # answerable and required, always or by a rule
    section_answerable: Mapping[str, tuple[Question, ...]] = field(default_factory=dict)
    in_order: tuple[Question, ...] = ()  # every top-level question as the sections list them
    outcome_list: str | None = None

    def __post_init__(self) -> None:
        every = tuple(self.questions.values())
        self.indicators = tuple(q for q in every if q.indicator is not None)
        self.observations = tuple(q for q in every if q.observation)
        self.risk_factors = tuple(q for q in every if q.risk_factor)
        self.answerable = tuple(q for q in every if q.answerable)
        self.constrained = tuple(q for q in every if q.constraint is not None)
        self.repeats = tuple(q for q in every if q.type == "repeat")
        self.requirable = tuple(q for q in self.answerable
                                if q.required or q.required_when is not None)
        self.section_answerable = {s.id: tuple(q for q in s.questions if q.answerable)
                                   for s in self.sections}
        self.in_order = tuple(q for s in self.sections for q in s.questions)
        self.outcome_list = next((q.choices for q in every if q.type == "assessment"), None)

    def choice_label(self, list_name: str, value: str, lang: str) -> str:
        for choice in self.choice_lists.get(list_name, ()):
            if choice.value == value:
                return choice.label.get(lang) or value
        return value

    def dimension(self, dimension_id: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)
