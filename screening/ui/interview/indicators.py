"""The running indicator panel: what has fired so far, which dimensions are positive, and the
outcome the rule gives now, so the officer sees the picture forming during the interview."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from screening.questionnaire.model import STRENGTH_WORDS, Form
from screening.questionnaire.scoring import Assessment, outcome_label
from screening.ui.retranslating import Retranslating

_STRENGTH = {"sq": {"S": "i fortë", "M": "mesatar", "W": "i dobët"}, "en": STRENGTH_WORDS}


class IndicatorPanel(Retranslating, QWidget):
    def __init__(self, form: Form, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form, self.lang = form, lang
        self.assessment: Assessment | None = None
        self.setObjectName("indicatorPanel")
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.outcome = QLabel()
        self.outcome.setObjectName("outcomeBanner")
        self.outcome.setWordWrap(True)
        self.dimensions = QLabel()
        self.dimensions.setWordWrap(True)
        self.fired = QListWidget()
        self.fired.setObjectName("firedList")
        self.fired.setWordWrap(True)
        self.fired.setFocusPolicy(self.fired.focusPolicy().NoFocus)
        column = QVBoxLayout(self)
        for widget in (self.title, self.outcome, self.dimensions, self.fired):
            column.addWidget(widget)
        self.retranslate()

    def show_assessment(self, assessment: Assessment | None) -> None:
        self.assessment = assessment
        self.retranslate()


    def retranslate(self) -> None:
        self.title.setText(self.tr("Indicators so far"))
        assessment = self.assessment
        self.fired.clear()
        if assessment is None:
            self.outcome.setText(self.tr("No indicator answered yet"))
            self.outcome.setProperty("outcome", "")
            self.outcome.style().unpolish(self.outcome)
            self.outcome.style().polish(self.outcome)
            self.dimensions.setText("")
            return
        self.outcome.setText(outcome_label(self.form, assessment.outcome, self.lang))
        self.outcome.setProperty("outcome", assessment.outcome)
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        names = {d.id: d.label.get(self.lang, d.id) for d in self.form.dimensions}
        positive = [names[d] for d in assessment.positive_dimensions]
        self.dimensions.setText(
            self.tr("Positive dimensions: %1").replace("%1", "; ".join(positive))
            if positive else self.tr("No dimension is positive yet."))
        words = _STRENGTH.get(self.lang, STRENGTH_WORDS)
        for fired in assessment.fired:
            label = self.form.questions[fired.id].label.get(self.lang, fired.id)
            self.fired.addItem(f"{names[fired.dimension]} · {words[fired.strength]} — {label}")
        for observation in assessment.observations:
            label = self.form.questions[observation].label.get(self.lang, observation)
            self.fired.addItem(self.tr("Observation") + f" — {label}")
