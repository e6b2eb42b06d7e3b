"""``screening forms check`` and ``screening forms evaluate``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from screening import config
from screening.errors import AnswersError, FormDefinitionError
from screening.questionnaire.evaluation import Evaluation, evaluate
from screening.questionnaire.loader import check_form_file, load_form
from screening.questionnaire.reference import load_reference
from screening.questionnaire.scoring import explain


def register(commands: argparse._SubParsersAction) -> None:
    forms = commands.add_parser("forms", help="check questionnaire definitions and score answers",
                                description="Check questionnaire definitions and score answers.")
    sub = forms.add_subparsers(dest="forms_command", metavar="ACTION")
    check = sub.add_parser("check", help="check one or more form files",
                           description="Check form files. Exit 0 when every file is valid; "
                                       "otherwise print one line per problem and exit 1.")
    check.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    check.set_defaults(handler=run_check)
    ev = sub.add_parser("evaluate", help="score a set of answers and explain the outcome",
                        description="Evaluate answers (a JSON object keyed by question id) "
                                    "and print the assessment as one JSON object.")
    ev.add_argument("form", metavar="FORM", type=Path)
    ev.add_argument("--answers", required=True, metavar="ANSWERS.json", type=Path)
    ev.add_argument("--lang", choices=("sq", "en"), default="sq",
                    help="language of messages and explanation (default: sq)")
    ev.add_argument("--reference", metavar="DIR", type=Path,
                    help="reference data folder (default: the one beside the form, else the "
                         "standard one)")
    ev.add_argument("--now", metavar="YYYY-MM-DDThh:mm",
                    help="evaluate as if at this time (for today() and now())")
    ev.set_defaults(handler=run_evaluate)
    forms.set_defaults(handler=lambda args: forms.print_help() or 2)


def run_check(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        problems = check_form_file(path)
        for problem in problems:
            print(problem)
        if problems:
            failed = True
        else:
            print(f"{path}: valid")
    return 1 if failed else 0


def run_evaluate(args: argparse.Namespace) -> int:
    try:
        form = load_form(args.form)
    except FormDefinitionError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    reference = load_reference(args.reference or config.reference_dir_for(args.form))
    answers = read_answers(args.answers)
    now = _parse_now(args.now)
    evaluation = evaluate(form, answers, reference=reference, now=now)
    print(json.dumps(evaluation_report(evaluation, args.lang), ensure_ascii=False, indent=2))
    for issue in evaluation.issues.values():
        print(f"{args.answers}: answer to '{issue.question_id}': "
              f"{issue.message.get(args.lang) or issue.message.get('en')}", file=sys.stderr)
    return 1 if evaluation.issues else 0


def _parse_now(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise AnswersError(code="now_invalid", text=text) from None


def read_answers(path: Path) -> dict[str, Any]:
    """Read an answers file: a JSON object keyed by question id."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswersError(code="file_missing", path=path) from None
    except UnicodeDecodeError:
        raise AnswersError(code="file_not_utf8", path=path) from None
    except OSError as error:
        raise AnswersError(code="file_unreadable", path=path, reason=error.strerror) from None
    if not text.strip():
        raise AnswersError(code="answers_file_empty", path=path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise AnswersError(code="json_invalid", path=path, line=error.lineno,
                           column=error.colno, detail=error.msg) from None
    if not isinstance(data, dict):
        raise AnswersError(code="json_not_object", path=path, found=type(data).__name__)
    return data


def evaluation_report(evaluation: Evaluation, lang: str) -> dict[str, Any]:
    """The JSON document ``forms evaluate`` prints."""
    form, assessment = evaluation.form, evaluation.assessment

    def text(message: Any) -> str:
        return message.get(lang) or message.get("en") or ""

    report: dict[str, Any] = {
        "form": {"id": form.id, "version": form.version},
        "outcome": evaluation.outcome,
        "final_outcome": evaluation.final_outcome,
        "profile": assessment.profile if assessment else None,
        "child": assessment.child if assessment else None,
        "age_years": evaluation.values.get("age_years"),
        "positive_dimensions": assessment.positive_dimensions if assessment else [],
        "fired_indicators": [{"id": f.id, "dimension": f.dimension, "strength": f.strength}
                             for f in assessment.fired] if assessment else [],
        "officer_observations": list(assessment.observations) if assessment else [],
        "risk_factors": list(assessment.risk_factors) if assessment else [],
        "missing_required": evaluation.missing_required,
        "errors": [{"question_id": i.question_id, "code": i.code, "message": text(i.message)}
                   for i in evaluation.issues.values()],
        "required_actions": [{"code": p.code, "question_id": p.question_id, "item": p.item,
                              "blocking": p.blocking, "message": text(p.message)}
                             for p in evaluation.action_problems],
        "can_finalise": evaluation.can_finalise,
        "explanation": explain(form, assessment, lang) if assessment else [],
    }
    return report
