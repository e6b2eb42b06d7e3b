"""The desktop client's documents: referral slip, interview record, quarterly report.

Each asks for the password again when the last one is older than a few minutes, builds the PDF
off the UI thread (screening.paperwork, the same rules as the command line) and opens the
preview with Print and Save. Nothing is written to disk until the user saves or prints to a
file (screening.ui.document_preview)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from screening import paperwork
from screening.errors import ReauthenticationNeededError
from screening.questionnaire.reference import Reference
from screening.store.session import StoreSession
from screening.ui.asking import ask_text
from screening.ui.dialogs import failure_words
from screening.ui.document_preview import DocumentPreview
from screening.ui.pdf_pages import render_pages
from screening.ui.quarterly_dialog import QuarterlyDialog
from screening.ui.runner import Runner

Build = Callable[[StoreSession], paperwork.Document]
PREVIEW_DPI = 96  # an A4 page 794 pixels wide: it fits the preview without sideways scrolling


class Documents(QObject):
    def __init__(self, window: QWidget, runner: Runner) -> None:
        super().__init__(window)
        self.window, self.runner = window, runner
        self.preview: DocumentPreview | None = None

    def slip(self, session: StoreSession, interview_id: str) -> None:
        self._produce(session, "slip_printed", lambda s: paperwork.slip(s, interview_id),
                      self.tr("Referral slip"), "slip")

    def record(self, session: StoreSession, interview_id: str, lang: str) -> None:
        self._produce(session, "record_printed",
                      lambda s: paperwork.record(s, interview_id, lang),
                      self.tr("Interview record"), "record")

    def leaflet(self, reference: Reference) -> None:
        """The information leaflet, in one step: it holds nothing about any person, so no
        password is asked and nothing is audited."""
        def build() -> tuple[paperwork.Document, list[Any]]:
            document = paperwork.leaflet(reference)
            return document, render_pages(document.pdf, PREVIEW_DPI)

        self.runner.background(build, lambda result: self._show(
            self.tr("Information leaflet"), "leaflet", *result), self._fail)

    def quarterly(self, session: StoreSession, lang: str) -> None:
        dialog = QuarterlyDialog(self.window)
        self.quarterly_dialog = dialog

        def chosen() -> None:
            if dialog.chosen is None:
                return
            quarter, below = dialog.chosen
            self._produce(session, "report_exported",
                          lambda s: paperwork.quarterly(s, quarter, checkpoint=None,
                                                        suppress_below=below, lang=lang,
                                                        with_csv=False),
                          self.tr("Quarterly report %1").replace("%1", str(quarter)),
                          f"report-{quarter}")

        dialog.accepted.connect(chosen)
        dialog.open()

    # -- steps -----------------------------------------------------------------------------

    def _produce(self, session: StoreSession, action: str, build: Build, title: str,
                 stem: str) -> None:
        self._with_recent_password(session, action, lambda: self._build(session, build,
                                                                         title, stem))

    def _with_recent_password(self, session: StoreSession, action: str,
                              then: Callable[[], None]) -> None:
        def refused(error: BaseException) -> None:
            if isinstance(error, ReauthenticationNeededError):
                self._ask_password(session, then)
            else:
                self._fail(error)

        self.runner.store(lambda: session.check_allowed(action), lambda _ok: then(), refused)

    def _ask_password(self, session: StoreSession, then: Callable[[], None]) -> None:
        password, ok = ask_text(
            self.window, self.tr("Confirm your password"),
            self.tr("Documents with personal data need your password again:"), password=True)
        if ok and password:
            self.runner.store(lambda: session.confirm_password(password), lambda _ok: then(),
                              self._fail)

    def _build(self, session: StoreSession, build: Build, title: str, stem: str) -> None:
        def on_store_thread() -> tuple[paperwork.Document, list[Any]]:
            document = build(session)
            return document, render_pages(document.pdf, PREVIEW_DPI)

        self.runner.store(on_store_thread, lambda result: self._show(title, stem, *result),
                          self._fail)

    def _show(self, title: str, stem: str, document: paperwork.Document,
              pages: list[Any]) -> None:
        name = f"{stem}-{document.case_reference}.pdf" if document.case_reference \
            else f"{stem}.pdf"
        self.preview = DocumentPreview(title, document.pdf, pages, name, self.window)
        self.preview.setModal(True)
        self.preview.show()

    def _fail(self, error: BaseException) -> None:
        QMessageBox.warning(self.window, self.tr("The document was not made"),
                            failure_words(error))
