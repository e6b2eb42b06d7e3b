"""Evaluates a form over a set of answers: what is asked, what each value is, what is wrong,
what is missing, the assessment and the required actions. Pure: the same inputs give the same
result, so the UI, the store, the command line and central all share it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from screening.questionnaire.actions import ActionProblem, final_outcome, required_actions
from screening.questionnaire.expr.compiler import Compiled, Context, is_empty
from screening.questionnaire.messages import bilingual
from screening.questionnaire.model import Form, Question
from screening.questionnaire.reference import Reference
from screening.questionnaire.scoring import Assessment, assess
from screening.questionnaire.values import in_item, parse_answer, to_json

SINGLE_CHOICE = frozenset({"select_one", "yes_no_unknown"})


@dataclass(frozen=True, slots=True)
class AnswerIssue:
    question_id: str
    code: str  # invalid | constraint | computed | unknown_question
    message: Mapping[str, str]
    item: int | None = None  # the entry (from 1) of a repeat the message is about


@dataclass
class Evaluation:
    form: Form
    answers: Mapping[str, Any]
    values: dict[str, Any]  # effective values: None when unanswered, invalid or skipped
    relevant: dict[str, bool]
    issues: dict[str, AnswerIssue]
    missing_required: list[str]
    assessment: Assessment | None
    action_problems: list[ActionProblem] = field(default_factory=list)

    @property
    def outcome(self) -> str | None:
        return self.assessment.outcome if self.assessment else None

    @property
    def final_outcome(self) -> str | None:
        return final_outcome(self.values, self.assessment) if self.assessment else None

    @property
    def blocking_actions(self) -> list[ActionProblem]:
        return [p for p in self.action_problems if p.blocking]

    @property
    def can_finalise(self) -> bool:
        return not (self.issues or self.missing_required or self.blocking_actions)

    def is_visible(self, question: Question) -> bool:
        return self.relevant.get(question.id, False)

    def effective_answers(self) -> dict[str, Any]:
        """The answers that count, as JSON: skipped and invalid answers left out."""
        return {q.id: to_json(self.values[q.id]) for q in self.form.questions.values()
                if q.answerable and not is_empty(self.values.get(q.id))}


def evaluate(form: Form, answers: Mapping[str, Any], *, reference: Reference | None = None,
             now: dt.datetime | None = None) -> Evaluation:
    context = Context(now=now or dt.datetime.now())
    issues: dict[str, AnswerIssue] = {}
    parsed = _parse_all(form, answers, reference, issues)
    while True:
        values, relevant, assessment = _compute(form, parsed, context)
        refused = _check_constraints(form, values, relevant, context)
        issues.update(refused)
        # An answer its own constraint refuses (a birth date in the future) must not feed a
        # calculation, a relevance rule or the assessment: compute again without it. Each
        # round drops at least one answer, so this ends.
        dropped = parsed.keys() & refused.keys()
        if not dropped:
            break
        parsed = {name: value for name, value in parsed.items() if name not in dropped}
    missing = _missing(form, values, relevant, context, issues)
    problems = required_actions(form, values, assessment, reference) if assessment else []
    return Evaluation(form, answers, values, relevant, issues, missing, assessment, problems)


def _compute(form: Form, parsed: Mapping[str, Any],
             context: Context) -> tuple[dict[str, Any], dict[str, bool], Assessment | None]:
    """Every value, in dependency order: what is shown, what is calculated, the assessment."""
    values: dict[str, Any] = {}
    relevant: dict[str, bool] = {}
    section_open: dict[str, bool] = {}
    sections = {s.id: s for s in form.sections}
    # Many questions share one rule ("${consent_interview} != 'no'"): its value is worked out
    # once, since everything a rule reads comes earlier in this order and is final by then.
    rules: dict[str, bool] = {}
    assessment: Assessment | None = None
    for question in form.evaluation_order:
        qid, section_id, own = question.id, question.section_id, question.relevant
        open_ = section_open.get(section_id)
        if open_ is None:
            rule = sections[section_id].relevant
            open_ = section_open[section_id] = rule is None or rule(values, context) is True
        shown = open_ and (own is None or _rule(own, question.source.get("relevant"), rules,
                                                values, context))
        relevant[qid] = shown
        if not shown:
            values[qid] = None
        elif question.calculation is not None:  # the loader gives one to calculate questions only
            values[qid] = question.calculation(values, context)
        elif question.type == "assessment":
            assessment = assess(form, values, context)
            values[qid] = assessment.outcome
        else:
            values[qid] = parsed.get(qid)
    if assessment is None and form.assessment is not None:
        assessment = assess(form, values, context)
    return values, relevant, assessment


def _parse_all(form: Form, answers: Mapping[str, Any], reference: Reference | None,
               issues: dict[str, AnswerIssue]) -> dict[str, Any]:
    parsed: dict[str, Any] = {}
    questions = form.questions
    for name, raw in answers.items():
        question = questions.get(name)
        if question is None:
            issues[name] = AnswerIssue(name, "unknown_question",
                                       bilingual("unknown_question", name=name))
            continue
        if question.type in SINGLE_CHOICE and type(raw) is str and question.allowed is not None \
                and raw in question.allowed:
            parsed[name] = raw  # what values.parse_answer would give, most answers of a form
            continue
        if not question.answerable:
            if not is_empty(raw):
                issues[name] = AnswerIssue(name, "computed", bilingual("computed"))
            continue
        value, problem = parse_answer(question, raw, form, reference)
        if problem is not None:
            issues[name] = AnswerIssue(name, "invalid", problem)
        else:
            parsed[name] = value
    return parsed


def _check_constraints(form: Form, values: dict[str, Any], relevant: dict[str, bool],
                       context: Context) -> dict[str, AnswerIssue]:
    issues: dict[str, AnswerIssue] = {}
    for question in form.constrained:
        if not relevant.get(question.id):
            continue
        value = values.get(question.id)
        if is_empty(value):
            continue
        context.current = value
        constraint = question.constraint
        if constraint is not None and constraint(values, context) is not True:
            message = question.constraint_message or bilingual("constraint_failed")
            issues[question.id] = AnswerIssue(question.id, "constraint", message)
    context.current = None
    for question in form.repeats:
        if relevant.get(question.id) and values.get(question.id):
            _check_repeat(question, values, context, issues)
    return issues


def _check_repeat(question: Question, values: dict[str, Any], context: Context,
                  issues: dict[str, AnswerIssue]) -> None:
    for index, item in enumerate(values[question.id], start=1):
        scope = {**values, **item}
        for child in question.children:
            if child.relevant is not None and child.relevant(scope, context) is not True:
                continue
            value = item.get(child.id)
            required = child.required or (child.required_when is not None
                                          and child.required_when(scope, context) is True)
            if is_empty(value) and required:
                issues[question.id] = _item_issue(question, index, child, bilingual("required"))
                return
            context.current = value
            if child.constraint is not None and not is_empty(value) \
                    and child.constraint(scope, context) is not True:
                message = child.constraint_message or bilingual("constraint_failed")
                issues[question.id] = _item_issue(question, index, child, message)
                return
    context.current = None


def _item_issue(question: Question, index: int, child: Question,
                message: Mapping[str, str]) -> AnswerIssue:
    detail = {lang: f"{child.label.get(lang, child.id)}: {text}" for lang, text in message.items()}
    return AnswerIssue(question.id, "constraint", in_item(question, index, detail), index)


def _missing(form: Form, values: dict[str, Any], relevant: dict[str, bool], context: Context,
             issues: dict[str, AnswerIssue]) -> list[str]:
    missing = []
    rules: dict[str, bool] = {}  # 41 indicators share "${consent_interview} = 'yes'"
    for question in form.requirable:
        if not relevant.get(question.id) or question.id in issues:
            continue
        rule = question.required_when
        required = question.required or (rule is not None and _rule(
            rule, question.source.get("required"), rules, values, context))
        if required and is_empty(values.get(question.id)):
            missing.append(question.id)
    return missing


def _rule(rule: Compiled, source: str | None, known: dict[str, bool],
          values: Mapping[str, Any], context: Context) -> bool:
    """``rule`` is true, worked out once per ``source`` text in ``known``."""
    if source is None:
        return rule(values, context) is True
    result = known.get(source)
    if result is None:
        result = known[source] = rule(values, context) is True
    return result
