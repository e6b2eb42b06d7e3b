"""Scoring an interview with the questionnaire engine before it is stored as finalised.

The store keeps the computed assessment beside the answers so a supervisor sees what the
officer saw, even after the form or the engine changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from screening import config
from screening.questionnaire.actions import ActionProblem
from screening.questionnaire.catalogue import FormCatalogue
from screening.questionnaire.evaluation import Evaluation, evaluate
from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference


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
    # the problems in each language of the form's words ({"sq": [...], "en": [...]})
    problem_texts: dict[str, list[str]] = field(default_factory=dict)


def bundled_catalogue() -> FormCatalogue:
    """The forms of a session the application has not given its catalogue: the bundled form
    only, so an interview on any other version is refused (``form_unknown``), never scored
    with the wrong form."""
    form_path = config.standard_form_path()
    return FormCatalogue(form_path, config.reference_dir_for(form_path),
                         frozen=config.frozen_forms_dir())


def score(answers: Mapping[str, Any], resolved: tuple[Form, Reference]) -> Scored:
    """Score with the interview's own form and the reference data in use."""
    form, reference = resolved
    evaluation = evaluate(form, answers, reference=reference)
    return Scored(form_id=form.id, form_version=form.version,
                  can_finalise=evaluation.can_finalise, problems=_problems(evaluation),
                  problem_texts={lang: _problems(evaluation, lang) for lang in ("sq", "en")},
                  answers=evaluation.effective_answers(),
                  assessment=_assessment(evaluation), outcome=evaluation.final_outcome,
                  blocking_actions=evaluation.blocking_actions)


def _problems(evaluation: Evaluation, lang: str = "en") -> list[str]:
    required = {"en": "an answer is required", "sq": "kërkohet një përgjigje"}[lang]
    found = [f"{qid}: {issue.message.get(lang) or issue.message.get('en') or issue.code}"
             for qid, issue in evaluation.issues.items()]
    found += [f"{qid}: {required}" for qid in evaluation.missing_required]
    found += [f"{p.question_id or 'action'}: {p.message.get(lang) or p.message.get('en') or p.code}"
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
