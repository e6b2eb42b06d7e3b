"""The interview record: the full printout for the case file, in one chosen language.

Every question the interview showed is printed with its answer in words, then the assessment
with its explanation, then the interview's audit trail. Unlike the referral slip this is the
whole case, officer's notes included: it goes into the locked case file only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from screening.errors import ReportError
from screening.questionnaire.evaluation import Evaluation
from screening.questionnaire.model import Form, Section
from screening.questionnaire.reference import Reference
from screening.questionnaire.scoring import explain, outcome_label
from screening.reports.answers import answer_text, checkpoint_name, format_moment, signer
from screening.reports.casefile import CaseFile, case_file_from, evaluate_interview
from screening.reports.layout import (
    FILL,
    RULE,
    band,
    bullet,
    content_width,
    field_table,
    footer,
    markup,
    para,
    render,
)
from screening.reports.wording import LANGUAGES, WORDS, both, word

WIDTH = content_width()
LABEL = WIDTH * 0.46
KEEP = 30 * mm  # a section heading never ends a page: start a new one when less is left
LONG = 160  # characters: a longer answer is a person's own words, set in the reading weight
Row = tuple[str, str]  # (label, answer in words; '' when not answered)


def build_record(interview: Mapping[str, Any] | CaseFile, form: Form, reference: Reference,
                 *, audit: Iterable[Mapping[str, Any]] | None = None, lang: str = "sq"
                 ) -> bytes:
    """The interview record as PDF bytes. ``audit`` lists the interview's audit entries as
    mappings with ``at`` (datetime or ISO text), ``actor`` and ``action``; without it, those
    of the case file (see :func:`screening.reports.casefile.build_case_file`)."""
    if lang not in LANGUAGES:
        raise ReportError(code="language_unknown", lang=lang)
    record = case_file_from(interview)
    evaluation = evaluate_interview(record, form, reference)
    story = _title(record, reference, lang)
    for section in form.sections:
        rows = section_rows(section, evaluation, reference, lang)
        if rows:
            story += _answers(section.title.get(lang) or section.id, rows, lang)
    story += _assessment(form, evaluation, lang) + _audit(
        record.audit if audit is None else audit, lang)
    notice = f"{word('confidential', lang)} — {word('record_title', lang)}"
    return render(story, title=both("record_title"),
                  on_page=footer(notice, record.case_reference))


def section_rows(section: Section, evaluation: Evaluation, reference: Reference,
                 lang: str) -> list[Row]:
    """(question label, answer in words) for every question the interview showed."""
    rows = []
    for question in section.questions:
        if question.type == "note" or not evaluation.is_visible(question):
            continue
        issue = evaluation.issues.get(question.id)
        if issue is not None:  # refused, so it counts for nothing; print what was entered
            text = f"{_raw(evaluation.answers.get(question.id))} — " \
                   f"{word('invalid_answer', lang)}: {issue.message.get(lang, '')}"
        else:
            text = answer_text(question, evaluation.values.get(question.id), evaluation.form,
                               reference, lang)
        rows.append((question.label.get(lang) or question.id, text))
    return rows


def _raw(answer: Any) -> str:
    if isinstance(answer, list):
        return ", ".join(str(item) for item in answer)
    return "" if answer is None else str(answer)


def audit_rows(entries: Iterable[Mapping[str, Any]], lang: str) -> list[tuple[str, str, str]]:
    return [(_audit_time(e.get("at")), str(e.get("actor") or "—"), _action(e.get("action"), lang))
            for e in entries]


def _title(record: CaseFile, reference: Reference, lang: str) -> list[Flowable]:
    other = next(x for x in LANGUAGES if x != lang)
    status = WORDS.get(f"status_{record.status}")
    rows = [("case_reference", record.case_reference), ("interview_id", record.id),
            ("form", f"{record.form_id} {record.form_version}".strip()),
            ("checkpoint", checkpoint_name(reference, record.checkpoint, lang)
             if record.checkpoint else ""),
            ("officer", signer(record.officer, record.officer_full_name, (lang,))),
            ("approved_by", signer(record.approved_by, record.approved_by_full_name, (lang,))
             or word("not_approved_yet", lang)),
            ("status", status.get(lang, record.status) if status else record.status),
            ("started_at", format_moment(record.started_at)),
            ("finalised_at", format_moment(record.finalised_at))]
    table = field_table([[para(word(key, lang), "label"), _answer(value, lang)]
                         for key, value in rows], [LABEL * 0.6, WIDTH - LABEL * 0.6],
                        split_long=True)
    return [markup(word("record_title", lang).upper(), "title"),
            para(f"{word('record_title', other)}  ·  {word('authority', lang)}", "subtitle"),
            Spacer(1, 2), para(word("confidential", lang), "warn"),
            para(word("record_notice", lang), "small"), Spacer(1, 8), table, Spacer(1, 10)]


def _answers(title: str, rows: list[Row], lang: str) -> list[Flowable]:
    table = field_table([[para(label), _answer(text, lang)] for label, text in rows],
                        [LABEL, WIDTH - LABEL], split_long=True)
    return [CondPageBreak(KEEP), band(title, WIDTH), table, Spacer(1, 8)]


def _answer(text: str, lang: str) -> Flowable:
    if not text:
        return para(word("not_answered", lang), "muted")
    return para(text, "strong" if len(text) <= LONG else "body")


def _assessment(form: Form, evaluation: Evaluation, lang: str) -> list[Flowable]:
    assessment = evaluation.assessment
    if assessment is None:
        return []
    final = evaluation.final_outcome
    dimensions = ", ".join(f"{d} {form.dimension(d).label.get(lang, '')}".strip()
                           for d in assessment.positive_dimensions)
    rows: list[list[Any]] = [[para(word("computed_outcome", lang), "label"),
             para(outcome_label(form, assessment.outcome, lang), "strong")],
            [para(word("officer_outcome", lang), "label"),
             _answer(outcome_label(form, final, lang) if final else "", lang)],
            [para(word("positive_dimensions", lang), "label"),
             _answer(dimensions, lang) if dimensions else para(word("none_recorded", lang),
                                                               "muted")],
            [para(word("explanation", lang), "label"),
             [bullet(sentence) for sentence in explain(form, assessment, lang)]]]
    return [CondPageBreak(KEEP), band(word("assessment", lang), WIDTH),
            field_table(rows, [LABEL * 0.6, WIDTH - LABEL * 0.6], split_long=True),
            Spacer(1, 8)]


def _audit(entries: Iterable[Mapping[str, Any]], lang: str) -> list[Flowable]:
    rows = audit_rows(entries, lang)
    heading = [CondPageBreak(KEEP), band(word("audit_trail", lang), WIDTH)]
    if not rows:
        return [*heading, Spacer(1, 3), para(word("no_audit", lang), "muted")]
    header = [para(word(k, lang), "label") for k in ("audit_at", "audit_actor", "audit_action")]
    body = [[para(at, "small"), para(actor, "small"), para(action, "small")]
            for at, actor, action in rows]
    table = Table([header, *body], colWidths=[WIDTH * 0.25, WIDTH * 0.3, WIDTH * 0.45],
                  repeatRows=1)
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), FILL),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [*heading, table]


def _audit_time(value: Any) -> str:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        return value.strftime("%d.%m.%Y %H:%M:%S")
    return "" if value is None else str(value)


def _action(action: Any, lang: str) -> str:
    name = str(action or "")
    known = WORDS.get(f"action_{name}")
    return known.get(lang, name) if known else name.replace("_", " ")
