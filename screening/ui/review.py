"""The supervisor's bar under a finalised interview: approve, or return it with a comment."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget


class ReviewBar(QWidget):
    approve = Signal()
    send_back = Signal(str)  # the supervisor's comment
    print_slip = Signal()

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBar")
        self.status = status
        self.state = QLabel()
        self.state.setObjectName("panelTitle")
        self.approve_button = QPushButton()
        self.approve_button.setObjectName("approveButton")
        self.return_button = QPushButton()
        self.return_button.setObjectName("returnButton")
        self.slip_button = QPushButton()
        self.slip_button.setObjectName("slipButton")
        row = QHBoxLayout(self)
        row.addWidget(self.state, 1)
        for button in (self.return_button, self.slip_button, self.approve_button):
            row.addWidget(button)
        self.approve_button.clicked.connect(self.approve.emit)
        self.return_button.clicked.connect(self._ask_comment)
        self.slip_button.clicked.connect(self.print_slip.emit)
        # shown once the window connects print_slip (see MainWindow._show_interview)
        self.slip_button.hide()
        self.retranslate()

    def _ask_comment(self) -> None:
        comment, ok = QInputDialog.getMultiLineText(
            self, self.tr("Return for correction"),
            self.tr("What must the officer correct?"))
        if ok and comment.strip():
            self.send_back.emit(comment.strip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        waiting = self.status == "finalised"
        self.state.setText(self.tr("Finalised: review the answers, then approve or return.")
                           if waiting else self.tr("Approved."))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return for correction…"))
        self.slip_button.setText(self.tr("Referral slip…"))
        self.approve_button.setVisible(waiting)
        self.return_button.setVisible(waiting)
