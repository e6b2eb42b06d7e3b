"""Settings: the language and the auto-lock of this workstation, and (supervisors) how long the
personal data of acknowledged interviews is kept.

The retention period lives in the store and is read and saved through the runner. The language
and the lock timeout are the workstation's preferences: on OK the dialog emits ``applied`` and
the main window switches the language, saves the preferences and sets the idle timer.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from screening.store.session import StoreSession
from screening.ui.dialogs import (
    if_alive,
    ok_cancel,
    store_message,
    translate_buttons,
    word_wrapped,
)
from screening.ui.i18n import LANGUAGE_NAMES, LANGUAGES
from screening.ui.preferences import Preferences
from screening.ui.retranslating import Retranslating
from screening.ui.runner import Runner

LOCK_MINUTES = (1, 120)
RETENTION_DAYS = (0, 3650)


class SettingsDialog(Retranslating, QDialog):
    applied = Signal(str, int)  # language code ("sq" or "en"), lock timeout in minutes

    def __init__(self, runner: Runner, session: StoreSession, preferences: Preferences,
                 current_lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.runner, self.session = runner, session
        self.stored_retention: int | None = None  # known once the store has answered
        self.busy = False
        self._build(preferences, current_lang)
        self.retranslate()
        self._load_retention()

    @property
    def can_edit_retention(self) -> bool:
        return self.session.is_supervisor

    def _build(self, preferences: Preferences, current_lang: str) -> None:
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_lang)))
        self.lock_minutes = _spin_box("settingsLockMinutes", LOCK_MINUTES,
                                      preferences.lock_minutes or 5)
        self.retention = _spin_box("settingsRetention", RETENTION_DAYS, 0)
        self.retention.setEnabled(False)  # until the store has said what it is
        if not self.can_edit_retention:
            self.retention.setReadOnly(True)
            self.retention.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.retention_note, self.error = word_wrapped(), word_wrapped("loginError")
        self.buttons = ok_cancel(self, self._submit, "settingsOk")
        self._lay_out()

    def _lay_out(self) -> None:
        self.labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.language, self.lock_minutes, self.retention),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.retention_note)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.language.setFocus()

    # -- retention, from and to the store --------------------------------------------------

    def _load_retention(self) -> None:
        self.runner.store(self.session.retention_days, if_alive(self, self._show_retention),
                          if_alive(self, lambda error: self.error.setText(store_message(error))))

    def _show_retention(self, days: int) -> None:
        self.stored_retention = days
        self.retention.setValue(days)
        self.retention.setEnabled(True)

    def _retention_change(self) -> int | None:
        """The new retention period, or None when there is nothing to save."""
        if not self.can_edit_retention or self.stored_retention is None:
            return None
        days = self.retention.value()
        return None if days == self.stored_retention else days

    def _submit(self) -> None:
        if self.busy:
            return
        lang, minutes = self.language.currentData(), self.lock_minutes.value()
        days = self._retention_change()
        if days is None:
            self._finish(lang, minutes)
            return
        self.set_busy(True)
        session = self.session
        self.runner.store(lambda: session.set_retention_days(days),
                          if_alive(self, lambda _none: self._finish(lang, minutes)),
                          if_alive(self, self._save_failed))

    def _finish(self, lang: str, minutes: int) -> None:
        self.set_busy(False)
        self.accept()
        self.applied.emit(lang, minutes)

    def _save_failed(self, error: BaseException) -> None:
        self.set_busy(False)
        self.error.setText(store_message(error))
        self.retention.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)
        self.error.setText(self.tr("Saving…") if busy else "")

    def reject(self) -> None:
        if not self.busy:  # the store is saving: wait for its answer
            super().reject()

    # -- language --------------------------------------------------------------------------


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for label, text in zip(self.labels, (
                self.tr("&Language"), self.tr("Auto-&lock after (minutes)"),
                self.tr("&Retention days")), strict=True):
            label.setText(text)
        note = self.tr("Personal data of interviews that central has acknowledged is deleted "
                       "from this workstation after this many days.")
        if not self.can_edit_retention:
            note += " " + self.tr("Only a supervisor can change it.")
        self.retention_note.setText(note)
        translate_buttons(self.buttons)


def _spin_box(name: str, limits: tuple[int, int], value: int) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(*limits)
    box.setValue(min(max(value, limits[0]), limits[1]))
    box.setAccelerated(True)
    return box
