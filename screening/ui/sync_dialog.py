"""The supervisor's window on central: enrol this workstation, see the last sync and what
waits or was refused, sync now, or write the batches to removable media."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from screening.errors import ScreeningError
from screening.sync.status import SyncStatus
from screening.ui import i18n
from screening.ui.dialogs import error_words
from screening.ui.retranslating import Retranslating
from screening.ui.sync import SyncController


class SyncDialog(Retranslating, QDialog):
    def __init__(self, controller: SyncController, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDialog")
        self.controller, self.lang = controller, lang
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("syncState")
        self.problems = QListWidget()
        self.problems.setObjectName("syncProblems")
        self.message = QLabel()
        self.message.setObjectName("loginError")
        self.message.setWordWrap(True)
        self.server, self.code, self.ca = QLineEdit(), QLineEdit(), QLineEdit()
        self.server.setObjectName("enrolServer")
        self.code.setObjectName("enrolCode")
        self.server.setPlaceholderText("https://central.example:8443")
        self.ca_button = QPushButton()
        self.ca_button.clicked.connect(self._choose_ca)
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(self._enrol)
        self.labels = [QLabel() for _ in range(3)]
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca, 1)
        ca_row.addWidget(self.ca_button)
        self.enrol_box = QWidget()
        form = QFormLayout(self.enrol_box)
        form.addRow(self.labels[0], self.server)
        form.addRow(self.labels[1], self.code)
        form.addRow(self.labels[2], ca_row)
        form.addRow(self.enrol_button)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.clicked.connect(self._sync_now)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self._export)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        for widget in (self.state, self.problems, self.enrol_box, self.message):
            column.addWidget(widget)
        column.addLayout(buttons)
        controller.status_changed.connect(self._show)
        controller.failed.connect(self._failed)
        self.resize(640, 480)
        self.retranslate()
        if controller.status is not None:
            self._show(controller.status)
        controller.refresh()

    # -- actions ---------------------------------------------------------------------------

    def _enrol(self) -> None:
        if not self.server.text().strip() or not self.code.text().strip():
            self.message.setText(self.tr("Enter central's address and the enrolment code."))
            return
        self.enrol_button.setEnabled(False)
        self.message.setText(self.tr("Enrolling…"))
        ca = Path(self.ca.text()) if self.ca.text().strip() else None
        self.controller.enrol(self.server.text().strip(), self.code.text().strip(), ca,
                              lambda _status: self._enrolled(), self._enrol_failed)

    def _enrolled(self) -> None:
        self.enrol_button.setEnabled(True)
        self.message.setText(self.tr("Enrolled. The first sync starts now."))

    def _enrol_failed(self, error: BaseException) -> None:
        self.enrol_button.setEnabled(True)
        self.message.setText(_words(error))

    def _sync_now(self) -> None:
        self.message.setText(self.tr("Syncing…"))
        self.controller.sync_now()

    def _export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Removable media"))
        if folder:
            self.controller.export(Path(folder), self._exported,
                                   lambda error: self.message.setText(_words(error)))

    def _exported(self, written: list[Any]) -> None:
        self.message.setText(self.tr(
            "%1 batch file(s) written. Take them to central; they count as sent when central's "
            "receipt comes back with a later sync.").replace("%1", str(len(written))))

    def _choose_ca(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Central's certificate"),
                                                    "", "PEM (*.pem *.crt)")
        if name:
            self.ca.setText(name)

    # -- display ---------------------------------------------------------------------------

    def _show(self, status: SyncStatus) -> None:
        self.enrol_box.setVisible(not status.enrolled)
        self.sync_button.setEnabled(status.enrolled)
        self.export_button.setEnabled(status.enrolled)
        if not status.enrolled:
            self.state.setText(self.tr("This workstation is not enrolled with central. Ask "
                                       "central staff for an enrolment code."))
        else:
            when = _when(status.last_success, self.lang) or self.tr("never")
            self.state.setText(self.tr(
                "Enrolled with %1 as device %2.\nLast successful sync: %3. Waiting to be "
                "sent: %4 batch(es).").replace("%1", status.server_url).replace(
                "%2", status.device_id[:8]).replace("%3", when).replace(
                "%4", str(status.pending)))
            if self.message.text() == self.tr("Syncing…"):
                self.message.setText(self.tr("Sync finished."))
        self.problems.clear()
        for entry in status.quarantined:
            self.problems.addItem(self.tr("Batch %1 quarantined: %2").replace(
                "%1", str(entry.sequence)).replace("%2", entry.reason))
        for interview_id, reason in status.refused:
            self.problems.addItem(self.tr("Interview %1 refused by central: %2").replace(
                "%1", interview_id[:8]).replace("%2", reason[i18n.current()]))
        self.problems.setVisible(self.problems.count() > 0)

    def _failed(self, message: str) -> None:
        self.message.setText(self.tr("Central could not be reached; the interviews stay in "
                                     "the outbox and the next sync tries again. (%1)"
                                     ).replace("%1", message))


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Central"))
        for label, text in zip(self.labels, (self.tr("Central's address"),
                                             self.tr("Enrolment code"),
                                             self.tr("Certificate (optional)")), strict=True):
            label.setText(text)
        self.ca_button.setText(self.tr("Choose…"))
        self.enrol_button.setText(self.tr("Enrol this workstation"))
        self.sync_button.setText(self.tr("Sync now"))
        self.export_button.setText(self.tr("Export to removable media…"))
        self.close_button.setText(self.tr("Close"))


def _words(error: BaseException) -> str:
    return error_words(error) if isinstance(error, ScreeningError) else str(error)


def _when(iso: str, lang: str) -> str:
    if not iso:
        return ""
    local = dt.datetime.fromisoformat(iso).astimezone()
    return f"{i18n.show_date(local.date().isoformat(), lang)} {local:%H:%M}"
