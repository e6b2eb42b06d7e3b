"""The computed outcome in words, with its explanation, shown in section J and kept live."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from screening.questionnaire.scoring import Assessment, explain, outcome_label
from screening.ui.interview.fields import Field


class AssessmentField(Field):
    def build_editor(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcomeBanner")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.outcome)
        column.addWidget(self.explanation)
        self.assessment: Assessment | None = None
        return box

    def show_assessment(self, assessment: Assessment | None) -> None:
        self.assessment = assessment
        self.retranslate_editor()

    def retranslate_editor(self) -> None:
        assessment = getattr(self, "assessment", None)
        if assessment is None:
            self.outcome.setText("—")
            self.explanation.setText("")
            return
        self.outcome.setText(outcome_label(self.form, assessment.outcome, self.lang))
        self.outcome.setProperty("outcome", assessment.outcome)
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        lines = explain(self.form, assessment, self.lang)
        self.explanation.setText("\n".join(f"• {line}" for line in lines))

    def value(self) -> Any:
        return None
