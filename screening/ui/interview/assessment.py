"""The computed outcome in section J, kept live: first the outcome in plain words and what to do
now, then the dimensions by name, each with its indicators under it (folded until asked for)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from screening.questionnaire.messages import say
from screening.questionnaire.scoring import Assessment, outcome_label
from screening.questionnaire.scoring import (
    _counts as counts_in_words,  # the engine's wording of "2 strong, 1 weak": one home
)
from screening.ui.interview.fields import Field

REFERRAL_NEEDED = ("suspected_victim", "presumed_victim")  # docs/questionnaire-standard.md §3


class AssessmentField(Field):
    def build_editor(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcomeBanner")
        self.outcome.setWordWrap(True)
        self.sentence = _label("outcomeSentence")
        self.todo = _label("outcomeTodo")
        self.dimensions = _label("dimensionSummary")
        self.toggle = QPushButton()
        self.toggle.setObjectName("detailsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setFlat(True)
        self.details = _label("assessmentDetails")
        self.details.hide()
        self.toggle.toggled.connect(self._fold)
        for widget in (self.outcome, self.sentence, self.todo, self.dimensions, self.toggle,
                       self.details):
            column.addWidget(widget)
        self.assessment: Assessment | None = None
        return box

    def show_assessment(self, assessment: Assessment | None) -> None:
        self.assessment = assessment
        self.retranslate_editor()

    def _fold(self, unfolded: bool) -> None:
        self.details.setVisible(unfolded)
        self.retranslate_editor()

    def retranslate_editor(self) -> None:
        assessment = getattr(self, "assessment", None)
        if assessment is None:
            self.outcome.setText("—")
            for label in (self.sentence, self.todo, self.dimensions, self.details):
                label.setText("")
            self.toggle.hide()
            return
        self.outcome.setText(outcome_label(self.form, assessment.outcome, self.lang))
        self.outcome.setProperty("outcome", assessment.outcome)
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.sentence.setText(self._plain_outcome(assessment.outcome))
        self.todo.setText(self._what_now(assessment))
        self.dimensions.setText(self._dimension_lines(assessment))
        found = len(assessment.fired) + len(assessment.observations) \
            + len(assessment.risk_factors)
        self.toggle.setVisible(found > 0)
        self.toggle.setText((self.tr("Hide the answers behind it") if self.toggle.isChecked()
                             else self.tr("Show the answers behind it (%1)")).replace(
            "%1", str(found)))
        self.details.setText(self._details(assessment))

    def _plain_outcome(self, outcome: str) -> str:
        return {
            "presumed_victim": self.tr(
                "The answers show that the person is presumed to be a victim of trafficking."),
            "suspected_victim": self.tr(
                "The answers give reason to suspect that the person is a victim of "
                "trafficking."),
            "at_risk": self.tr("The answers show that the person is at risk of trafficking."),
            "no_indicators": self.tr("The answers show no sign of trafficking."),
        }.get(outcome, "")

    def _what_now(self, assessment: Assessment) -> str:
        steps = []
        if assessment.child and assessment.outcome != "no_indicators":
            steps.append(self.tr("Refer the child to the Child Protection Unit."))
        elif assessment.outcome in REFERRAL_NEEDED:
            steps.append(self.tr("Refer the person: choose the action and the receiving "
                                 "organisation below."))
        if assessment.outcome == "no_indicators":  # nothing lower to explain
            steps.append(self.tr("Give your own assessment and the action taken below."))
        else:
            steps.append(self.tr("Give your own assessment below; if it is lower than this "
                                 "one, write why."))
        return self.tr("What to do now: %1").replace("%1", " ".join(steps))

    def _dimension_lines(self, assessment: Assessment) -> str:
        lines = []
        for result in assessment.dimensions:
            if not (result.strong or result.medium or result.weak):
                continue
            name = escape(self.form.dimension(result.id).label.get(self.lang, result.id))
            if result.positive:
                state = self.tr("present (%1)").replace(
                    "%1", escape(say(f"rule_{result.rule}", self.lang)))
            else:
                state = self.tr("not enough on its own (%1)").replace(
                    "%1", escape(counts_in_words(result, self.lang)))
            lines.append(f"<li><b>{name}</b>: {state}</li>")
        if not lines:
            return escape(self.tr("No indicator was answered “yes”."))
        return f"<ul style='margin:0'>{''.join(lines)}</ul>"

    def _details(self, assessment: Assessment) -> str:
        parts = []
        for result in assessment.dimensions:
            fired = [f for f in assessment.fired if f.dimension == result.id]
            if not fired:
                continue
            name = escape(self.form.dimension(result.id).label.get(self.lang, result.id))
            items = "".join(f"<li>{escape(self._question(f.id))} — "
                            f"{escape(say(f'strength_{f.strength}', self.lang))}</li>"
                            for f in fired)
            parts.append(f"<p style='margin:4px 0 0 0'><b>{name}</b></p><ul "
                         f"style='margin:0'>{items}</ul>")
        for title, ids in ((self.tr("Officer observations"), assessment.observations),
                           (self.tr("Risk factors"), assessment.risk_factors)):
            if ids:
                items = "".join(f"<li>{escape(self._question(q))}</li>" for q in ids)
                parts.append(f"<p style='margin:4px 0 0 0'><b>{escape(title)}</b></p>"
                             f"<ul style='margin:0'>{items}</ul>")
        return "".join(parts)

    def _question(self, question_id: str) -> str:
        return self.form.questions[question_id].label.get(self.lang, question_id)

    def value(self) -> Any:
        return None


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

