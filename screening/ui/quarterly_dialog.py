"""The quarterly report's two choices, as on the command line (``screening report quarterly
QUARTER [--suppress-below K]``): which quarter, and whether small counts are hidden."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from screening.errors import ScreeningError
from screening.reports.period import parse_period
from screening.reports.statistics import Quarter
from screening.reports.suppression import DEFAULT_K, MIN_K
from screening.ui.dialogs import ok_cancel, translate_buttons, word_wrapped
from screening.ui.retranslating import Retranslating


class QuarterlyDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quarterlyDialog")
        today = today or dt.date.today()
        self.quarter = QLineEdit(f"{today.year}Q{(today.month - 1) // 3 + 1}")
        self.quarter.setObjectName("quarterField")
        self.suppress = QCheckBox()
        self.suppress.setObjectName("suppressSmallCounts")
        self.suppress.setChecked(True)
        self.below = QSpinBox()
        self.below.setObjectName("suppressBelow")
        self.below.setRange(MIN_K, 99)
        self.below.setValue(DEFAULT_K)
        self.suppress.toggled.connect(self.below.setEnabled)
        self.explain, self.error = word_wrapped(), word_wrapped("loginError")
        self.buttons = ok_cancel(self, self._submit, "quarterlyOk")
        self.form = QFormLayout(self)
        self.form.addRow(self.explain)
        self.quarter_label = QLabel()
        self.quarter_label.setBuddy(self.quarter)
        self.form.addRow(self.quarter_label, self.quarter)
        self.form.addRow(self.suppress, self.below)
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)
        self.chosen: tuple[Quarter, int | None] | None = None
        self.retranslate()

    def _submit(self) -> None:
        try:
            quarter = parse_period(self.quarter.text())
        except ScreeningError:
            self.error.setText(self.tr("Write a quarter (2026Q3), a half-year (2026H2) or a "
                                       "year (2026)."))
            self.quarter.setFocus()
            return
        self.chosen = quarter, self.below.value() if self.suppress.isChecked() else None
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quarterly report"))
        self.explain.setText(self.tr(
            "Counts of interviews by checkpoint and outcome. Small counts can point to a "
            "person: hide them in a report that leaves the unit."))
        self.quarter_label.setText(self.tr("Period (2026Q3, 2026H2 or 2026):"))
        self.suppress.setText(self.tr("Hide counts below"))
        translate_buttons(self.buttons)
