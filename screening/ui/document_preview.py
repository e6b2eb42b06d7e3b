"""Preview of a document (referral slip, interview record, quarterly report) with Print and
Save. The PDF stays in memory: a file exists only where the user saves it or prints to a file,
readable by this user only (0600)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from screening.atomicfile import write_atomic
from screening.ui.buttons import EnterButton
from screening.ui.qt_dialogs import save_pdf_dialog
from screening.ui.retranslating import Retranslating
from screening.ui.screens import fit_to_screen

Renderer = Callable[[bytes, int], list[QImage]]
PRINT_DPI = 300  # sharper than any office printer needs; more only costs memory
PRIVATE = 0o600


class DocumentPreview(Retranslating, QDialog):
    # emitted with the printer before Qt's print dialog opens: where a test (or a site's
    # configuration) sets the printer up, e.g. to print to a PDF file
    printer_made = Signal(QPrinter)
    saved = Signal(Path)

    def __init__(self, title: str, pdf: bytes, pages: list[QImage], file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.pdf, self.file_name = pdf, file_name
        self.saved_to: Path | None = None
        self.title = title
        self.setWindowTitle(title)
        column = QVBoxLayout(self)
        self.where = QLabel()
        self.where.setWordWrap(True)
        column.addWidget(self.where)
        scroll = QScrollArea()
        body = QWidget()
        pages_column = QVBoxLayout(body)
        for image in pages:
            picture = QLabel()
            picture.setPixmap(QPixmap.fromImage(image))
            picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            pages_column.addWidget(picture)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        column.addWidget(scroll, 1)
        self.print_button = EnterButton()
        self.print_button.setObjectName("printButton")
        self.save_button = EnterButton()
        self.save_button.setObjectName("saveButton")
        self.close_button = EnterButton()
        self.close_button.setObjectName("closeButton")
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            row.addWidget(button)
        column.addLayout(row)
        # clicked(bool) would hand its "checked" flag to a slot with a parameter: none here
        self.print_button.clicked.connect(lambda: self.ask_and_print())
        self.save_button.clicked.connect(lambda: self.save_copy())
        self.close_button.clicked.connect(self.accept)
        self.print_button.setDefault(True)
        fit_to_screen(self, 900, 1100)
        self.retranslate()

    def ask_and_print(self) -> bool:
        """Qt's print dialog, then the pages at the printer's resolution."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        self.printer_made.emit(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        from screening.ui.pdf_pages import render_pages

        try:
            if _to_pdf_file(printer):
                # "print to file": the document itself, text and all, not pictures of its pages
                write_atomic(Path(printer.outputFileName()), self.pdf, mode=PRIVATE)
                return True
            paint_pages(printer, render_pages(self.pdf, min(printer.resolution(), PRINT_DPI)))
        except (PrintError, OSError):
            QMessageBox.warning(self, self.tr("Printing failed"), self.tr(
                "The printer did not take the document. Save it as PDF with “Save a copy…” "
                "and print it from there, or try again."))
            return False
        return True

    def save_copy(self) -> Path | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        dialog = save_pdf_dialog(self, self.tr("Save as PDF"), Path(folder) / self.file_name)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        target = Path(dialog.selectedFiles()[0])
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            write_atomic(target, self.pdf, mode=PRIVATE)
        except OSError:
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "The document could not be written to %1. Choose another folder.").replace(
                "%1", str(target.parent)))
            return None
        self.saved_to = target
        self.retranslate()
        self.saved.emit(target)
        return target

    def retranslate(self) -> None:
        if self.saved_to is None:
            self.where.setText(self.tr(
                "Not saved: this preview is kept in memory only. “Save a copy…” writes the PDF "
                "where you choose, readable only by your user account."))
        else:
            self.where.setText(self.tr("Saved as %1").replace("%1", str(self.saved_to)))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save a copy…"))
        self.close_button.setText(self.tr("Close"))


class PrintError(RuntimeError):
    """The printer refused the job or could not be opened."""


def _to_pdf_file(printer: QPrinter) -> bool:
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat \
        and bool(printer.outputFileName())


def paint_pages(printer: QPrinter, pages: list[QImage]) -> None:
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer could not be opened")
    try:
        for index, image in enumerate(pages):
            if index and not printer.newPage():
                raise PrintError("the printer refused a new page")
            target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            target.moveTo(0, 0)
            scaled = image.size().scaled(target.size().toSize(),
                                         Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), scaled.toSizeF()), image)
    finally:
        painter.end()

