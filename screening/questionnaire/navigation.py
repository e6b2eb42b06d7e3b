"""The interview as a state machine over (form, answers), independent of any user interface.

The engine decides what is asked and in which order; a front end only renders the current
question and hands answers back. Answers to questions that become skipped are kept (so changing
an answer back restores them) but do not count: see :meth:`Evaluation.effective_answers`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from screening.questionnaire.evaluation import Evaluation, evaluate
from screening.questionnaire.expr.compiler import is_empty
from screening.questionnaire.model import Form, Question, Section
from screening.questionnaire.reference import Reference


@dataclass(frozen=True, slots=True)
class SectionProgress:
    section: Section
    visible: int
    answered: int
    missing_required: int

    @property
    def asked(self) -> bool:
        return self.visible > 0


def all_questions(form: Form) -> list[Question]:
    return list(form.in_order)


def visible_questions(evaluation: Evaluation) -> list[Question]:
    """Questions shown to the officer, in form order (notes and the assessment included)."""
    relevant = evaluation.relevant
    return [q for q in evaluation.form.in_order
            if q.type != "calculate" and relevant.get(q.id)]


def section_progress(evaluation: Evaluation) -> list[SectionProgress]:
    missing = set(evaluation.missing_required)
    relevant, values = evaluation.relevant, evaluation.values
    result = []
    answerable = evaluation.form.section_answerable
    for sect in evaluation.form.sections:
        visible = answered = pending = 0
        for question in answerable[sect.id]:
            qid = question.id
            if not relevant.get(qid):
                continue
            visible += 1
            answered += not is_empty(values.get(qid))
            pending += qid in missing
        result.append(SectionProgress(sect, visible, answered, pending))
    return result


def prefill(form: Form, *, checkpoint: str | None, started: dt.datetime) -> dict[str, Any]:
    """The answers the application fills in when an interview starts."""
    answers: dict[str, Any] = {}
    for question in form.questions.values():
        if question.prefill == "checkpoint" and checkpoint:
            answers[question.id] = checkpoint
        elif question.prefill == "interview_start":
            answers[question.id] = started.replace(microsecond=0).isoformat()
    return answers


def resume_point(form: Form, answers: Mapping[str, Any],
                 reference: Reference | None) -> str | None:
    """Where a draft resumes: the first question still waiting for an answer after the last
    one answered, so the officer continues exactly where the interview stopped; else the first
    one still missing or wrong; else the last one shown."""
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


class Interview:
    """One interview in progress: answers, the current question, and its evaluation.

    The engine owns where the interview stands: a front end moves it with :meth:`resume`,
    :meth:`enter_section`, :meth:`go_to`, :meth:`next` and :meth:`previous` and reads
    :attr:`current`."""

    def __init__(self, form: Form, answers: Mapping[str, Any] | None = None, *,
                 reference: Reference | None = None, current: str | None = None,
                 now: dt.datetime | None = None) -> None:
        self.form = form
        self.reference = reference
        self.answers: dict[str, Any] = dict(answers or {})
        self._now = now
        self.evaluation = self._evaluate()
        visible = visible_questions(self.evaluation)
        ids = {q.id for q in visible}
        self._current: str | None = current if current in ids else (
            visible[0].id if visible else None)

    @property
    def current(self) -> str | None:
        """The question the interview stands at (None for a form that asks nothing)."""
        return self._current

    def _evaluate(self) -> Evaluation:
        return evaluate(self.form, self.answers, reference=self.reference, now=self._now)

    def answer(self, question_id: str, value: Any) -> Evaluation:
        """Record an answer (``None`` clears it) and re-evaluate."""
        if question_id not in self.form.questions:
            raise KeyError(f"there is no question '{question_id}' in this form")
        if is_empty(value):
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        self.evaluation = self._evaluate()
        return self.evaluation

    def offered_default(self, question_id: str) -> Any:
        """The value offered for an unanswered question (``default_from``)."""
        source = self.form.questions[question_id].default_from
        return self.evaluation.values.get(source) if source else None

    def next(self) -> str | None:
        """Move to the next visible question; stays at the last one and returns None after it."""
        return self._step(+1)

    def previous(self) -> str | None:
        return self._step(-1)

    def go_to(self, question_id: str) -> str:
        """Stand at ``question_id``; ValueError when the current answers do not ask it."""
        if not self.evaluation.relevant.get(question_id):
            raise ValueError(f"question '{question_id}' is not asked with the current answers")
        self._current = question_id
        return question_id

    def resume(self) -> str | None:
        """Stand where a draft picks up again (:func:`resume_point`) and return it."""
        point = resume_point(self.form, self.answers, self.reference)
        if point is not None:
            self._current = point
        return point

    def enter_section(self, section_id: str) -> str | None:
        """Stand at the first question the section asks now and return it; None, standing
        still, when the current answers skip the whole section. KeyError for no such section."""
        section = next((s for s in self.form.sections if s.id == section_id), None)
        if section is None:
            raise KeyError(f"there is no section '{section_id}' in this form")
        first = next((q.id for q in section.questions
                      if q.answerable and self.evaluation.relevant.get(q.id)), None)
        if first is not None:
            self._current = first
        return first

    def _step(self, direction: int) -> str | None:
        order = [q for q in all_questions(self.form) if q.type != "calculate"]
        ids = [q.id for q in order]
        start = ids.index(self._current) if self._current in ids else -1
        index = start + direction
        while 0 <= index < len(order):
            if self.evaluation.relevant.get(ids[index]):
                self._current = ids[index]
                return self._current
            index += direction
        return None

    def first_missing(self) -> str | None:
        """The first question that still needs an answer or a correction."""
        pending = set(self.evaluation.missing_required) | set(self.evaluation.issues)
        pending |= {p.question_id for p in self.evaluation.blocking_actions}
        for question in all_questions(self.form):
            if question.id in pending:
                return question.id
        return None
