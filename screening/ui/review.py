"""The supervisor's bar under a finalised interview: approve, or return it with a comment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from screening import lifecycle
from screening.questionnaire.reference import Reference
from screening.ui.asking import ask_multiline
from screening.ui.interview.pickers import SearchCombo, entries_for
from screening.ui.retranslating import Retranslating


class ReviewBar(Retranslating, QWidget):
    approve = Signal()
    send_back = Signal(str)  # the supervisor's comment
    print_slip = Signal()

    organisation_chosen = Signal(str)

    def __init__(self, status: str, reference: Reference, lang: str, organisation: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.status, self.reference, self.lang = status, reference, lang
        self.organisation_label = QLabel()
        self.organisation = SearchCombo()
        self.organisation.setObjectName("reviewOrganisation")
        self.organisation.setMinimumWidth(320)
        self.organisation.fill(entries_for("organisation", reference, lang))
        self.organisation.set_code(organisation)
        self.organisation.line.setCursorPosition(0)  # the start of the name, not its end
        self.organisation.activated.connect(lambda _i: self._organisation_changed())
        self.organisation.confirmed.connect(self._organisation_changed)
        self.state = QLabel()
        self.state.setObjectName("panelTitle")
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approveButton")
        self.return_button = QPushButton()
        self.return_button.setObjectName("returnButton")
        self.slip_button = QPushButton()
        self.slip_button.setObjectName("slipButton")
        self.state.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.state)
        row = QHBoxLayout()
        row.addWidget(self.organisation_label)
        row.addWidget(self.organisation, 1)
        for button in (self.return_button, self.slip_button, self.approve_button):
            row.addWidget(button)
        column.addLayout(row)
        self.approve_button.clicked.connect(self.approve.emit)
        self.return_button.clicked.connect(self._ask_comment)
        self.slip_button.clicked.connect(self.print_slip.emit)
        self.retranslate()

    def _organisation_changed(self) -> None:
        code = self.organisation.code()
        if code:
            self.organisation_chosen.emit(code)
        self.slip_button.setEnabled(bool(code))  # no organisation, no referral slip

    def _ask_comment(self) -> None:
        comment, ok = ask_multiline(self, self.tr("Return for correction"),
                                    self.tr("What must the officer correct?"))
        if ok and comment.strip():
            self.send_back.emit(comment.strip())

    def set_language(self, lang: str) -> None:
        code = self.organisation.code()
        self.lang = lang
        self.organisation.fill(entries_for("organisation", self.reference, lang))
        self.organisation.set_code(code)
        self.organisation.line.setCursorPosition(0)


    def retranslate(self) -> None:
        waiting = self.status == lifecycle.FINALISED
        self.state.setText(self.tr("Finalised: review the answers, then approve or return.")
                           if waiting else self.tr("Approved."))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return for correction…"))
        self.slip_button.setText(self.tr("Referral slip…"))
        self.organisation_label.setText(self.tr("Receiving organisation:"))
        self.approve_button.setVisible(waiting)
        self.return_button.setVisible(waiting)
        self.organisation.setEnabled(waiting)
        self.slip_button.setEnabled(bool(self.organisation.code()))
