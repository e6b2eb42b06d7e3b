"""Scoring an interview with the questionnaire engine before it is stored as finalised.

The store keeps the computed assessment beside the answers so a supervisor sees what the
officer saw, even after the form or the engine changes."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from screening import config
from screening.questionnaire.actions import ActionProblem
from screening.questionnaire.evaluation import Evaluation, evaluate
from screening.questionnaire.loader import load_form
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference, load_reference


@dataclass(frozen=True)
class Scored:
    form_id: str
    form_version: str
    can_finalise: bool
    problems: list[str]  # English, for the officer or the import report
    answers: dict[str, Any]  # the effective answers: skipped and invalid ones left out
    assessment: dict[str, Any] | None
    outcome: str | None
    # the §3 rules this set of answers breaks: a supervisor's review must keep them too
    blocking_actions: list[ActionProblem] = field(default_factory=list)


@functools.lru_cache(maxsize=4)
def _standard(form_path: Path, reference_dir: Path) -> tuple[Form, Reference]:
    return load_form(form_path), load_reference(reference_dir)


def standard_form() -> tuple[Form, Reference]:
    form_path = config.standard_form_path()
    return _standard(form_path, config.reference_dir_for(form_path))


def score(answers: Mapping[str, Any],
          resolved: tuple[Form, Reference] | None = None) -> Scored:
    """Score with the interview's own form (``resolved``), else the bundled standard one."""
    form, reference = resolved or standard_form()
    evaluation = evaluate(form, answers, reference=reference)
    return Scored(form_id=form.id, form_version=form.version,
                  can_finalise=evaluation.can_finalise, problems=_problems(evaluation),
                  answers=evaluation.effective_answers(),
                  assessment=_assessment(evaluation), outcome=evaluation.final_outcome,
                  blocking_actions=evaluation.blocking_actions)


def _problems(evaluation: Evaluation) -> list[str]:
    found = [f"{qid}: {issue.message.get('en') or issue.code}"
             for qid, issue in evaluation.issues.items()]
    found += [f"{qid}: an answer is required" for qid in evaluation.missing_required]
    found += [f"{p.question_id or 'action'}: {p.message.get('en') or p.code}"
              for p in evaluation.blocking_actions]
    return found


def _assessment(evaluation: Evaluation) -> dict[str, Any] | None:
    assessment = evaluation.assessment
    if assessment is None:
        return None
    return {"outcome": assessment.outcome, "final_outcome": evaluation.final_outcome,
            "profile": assessment.profile, "child": assessment.child, "step": assessment.step,
            "positive_dimensions": assessment.positive_dimensions,
            "fired_indicators": [{"id": f.id, "dimension": f.dimension, "strength": f.strength}
                                 for f in assessment.fired],
            "observations": list(assessment.observations),
            "risk_factors": list(assessment.risk_factors),
            "reasons": list(assessment.reasons)}
