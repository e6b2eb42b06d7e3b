"""Where a draft resumes: the first question still waiting for an answer after the last one
answered, so the officer continues exactly where the interview stopped."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from screening.questionnaire.evaluation import evaluate
from screening.questionnaire.model import Form
from screening.questionnaire.navigation import visible_questions
from screening.questionnaire.reference import Reference


def resume_point(form: Form, answers: Mapping[str, Any],
                 reference: Reference | None) -> str | None:
    evaluation = evaluate(form, answers, reference=reference)
    shown = [q for q in visible_questions(evaluation) if q.answerable and not q.read_only]
    answered = [index for index, q in enumerate(shown) if q.id in answers]
    start = answered[-1] + 1 if answered else 0
    for question in shown[start:]:
        if question.id not in answers:
            return question.id
    for question in shown:
        if question.id in evaluation.missing_required or question.id in evaluation.issues:
            return question.id
    return shown[-1].id if shown else None
