"""First run: language, checkpoint, the first supervisor, and the recovery code shown once."""

from __future__ import annotations

import datetime as dt
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from screening.ui.i18n import LANGUAGE_NAMES, LANGUAGES
from screening.ui.passwords import password_fields, password_problem
from screening.ui.retranslating import Retranslating

if TYPE_CHECKING:  # the login window shows before the reference data is read (bench/startup.py)
    from screening.questionnaire.reference import Reference


class SetupWizard(Retranslating, QWizard):
    """Collects the answers; the main window creates the store off the UI thread and then
    calls :meth:`show_recovery_code`."""

    language_chosen = Signal(str)
    create_requested = Signal(str, str, str)  # checkpoint, user, password

    def __init__(self, reference: Reference, lang: str) -> None:
        super().__init__()
        self.setObjectName("setupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.language_page = _LanguagePage(lang)
        self.account_page = _AccountPage(reference, lang)
        self.code_page = _RecoveryPage()
        for page in (self.language_page, self.account_page, self.code_page):
            self.addPage(page)
        self.language_page.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language_page.chosen()))
        self.account_page.account_entered.connect(self.create_requested.emit)
        self.language_chosen.connect(self.account_page.set_language)
        self.retranslate()


    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this workstation"))
        # Qt has no Albanian for its own wizard buttons
        for which, text in ((QWizard.WizardButton.BackButton, self.tr("< &Back")),
                            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
                            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                            (QWizard.WizardButton.CancelButton,
                             QCoreApplication.translate("DialogButtons", "Cancel"))):
            self.setButtonText(which, text)

    def show_recovery_code(self, code: str) -> None:
        self.account_page.created = True
        self.code_page.code.setText(code)
        self.code_page.about = (self.account_page.checkpoint.currentText(),
                                self.account_page.user.text().strip())
        self.next()

    def creation_failed(self, message: str) -> None:
        self.account_page.fail(message)


class _LanguagePage(Retranslating, QWizardPage):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.language = QComboBox()
        self.language.setObjectName("setupLanguage")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(LANGUAGES.index(lang))
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.explain)
        column.addWidget(self.language)
        self.retranslate()

    def chosen(self) -> str:
        return self.language.currentData()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.explain.setText(self.tr("This sets up Returnee Screening on this workstation. "
                                     "Choose the language; you can change it later."))


class _AccountPage(Retranslating, QWizardPage):
    # not "create": that name is QWidget.create(), which a signal would shadow
    account_entered = Signal(str, str, str)

    def __init__(self, reference: Reference, lang: str) -> None:
        super().__init__()
        self.created = False
        self.reference = reference
        self.checkpoint = QComboBox()
        self.checkpoint.setObjectName("setupCheckpoint")
        self.set_language(lang)
        self.user = QLineEdit()
        self.user.setObjectName("setupUser")
        self.password, self.again = password_fields("setupPassword")
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self)
        for label, field in zip(self.labels, (self.checkpoint, self.user, self.password,
                                             self.again), strict=True):
            form.addRow(label, field)
        form.addRow(self.error)
        self.retranslate()

    def set_language(self, lang: str) -> None:
        chosen = self.checkpoint.currentData()
        self.checkpoint.clear()
        for code, checkpoint in self.reference.checkpoints.items():
            self.checkpoint.addItem(f"{checkpoint.name.get(lang)} ({code})", code)
        if chosen is not None:
            self.checkpoint.setCurrentIndex(self.checkpoint.findData(chosen))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Checkpoint and first supervisor"))
        self.setSubTitle(self.tr("The supervisor adds the officers' accounts later."))
        for label, text in zip(self.labels, (
                self.tr("Checkpoint"), self.tr("Supervisor user name"), self.tr("Password"),
                self.tr("Password again")), strict=True):
            label.setText(text)


    def validatePage(self) -> bool:
        if self.created:
            return True
        problem = self._problem()
        if problem:
            self.error.setText(problem)
            return False
        self.error.setText(self.tr("Creating the encrypted database…"))
        self.setEnabled(False)
        self.account_entered.emit(self.checkpoint.currentData(), self.user.text().strip(),
                                  self.password.text())
        return False  # the wizard moves on when the store exists

    def _problem(self) -> str | None:
        if not self.user.text().strip():
            return self.tr("Enter a user name.")
        problem = password_problem(self.password.text(), self.again.text())
        return problem[0] if problem else None

    def fail(self, message: str) -> None:
        self.setEnabled(True)
        self.error.setText(message)


class _RecoveryPage(Retranslating, QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("recoveryCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.print_button = QPushButton()
        self.print_button.setObjectName("recoverySheetButton")
        self.print_button.clicked.connect(lambda: self.show_sheet())
        self.about = ("", "")  # checkpoint, first supervisor: printed on the sheet
        self.preview: QWidget | None = None
        self.stored = QCheckBox()
        self.stored.setObjectName("recoveryStored")
        self.stored.toggled.connect(self.completeChanged)
        column = QVBoxLayout(self)
        for widget in (self.explain, self.code, self.print_button, self.stored):
            column.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Recovery code"))
        self.explain.setText(self.tr(
            "This code opens the database if every supervisor password is forgotten. It is "
            "shown only now. Print it or write it down, and lock it away."))
        self.print_button.setText(self.tr("Print or save the recovery sheet…"))
        self.stored.setText(self.tr("I have stored the recovery code in a safe place"))


    def isComplete(self) -> bool:
        return self.stored.isChecked()

    def show_sheet(self) -> None:
        """The recovery sheet in the preview, to print or save where the supervisor chooses
        (readable by this user only); nothing is written until then."""
        from screening.reports.recovery_sheet import SheetFacts, build_recovery_sheet
        from screening.ui.document_preview import DocumentPreview
        from screening.ui.pdf_pages import render_pages

        checkpoint, supervisor = self.about
        pdf = build_recovery_sheet(SheetFacts(
            code=self.code.text(), workstation=socket.gethostname(), checkpoint=checkpoint,
            supervisor=supervisor, created=dt.date.today()))
        self.preview = DocumentPreview(self.tr("Recovery code"), pdf, render_pages(pdf, 96),
                                       "recovery-code.pdf", self)
        self.preview.setModal(True)
        self.preview.show()
