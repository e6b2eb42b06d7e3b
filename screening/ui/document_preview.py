"""Preview of a document (referral slip, interview record, quarterly report) with Print and
Save. The PDF is saved before printing is tried, so a failing printer loses nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from screening.atomicfile import write_atomic
from screening.ui.pdf_pages import render_pages

Renderer = Callable[[bytes, int], list[QImage]]


class DocumentPreview(QDialog):
    def __init__(self, title: str, pdf: bytes, pages: list[QImage], saved_to: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.pdf, self.saved_to = pdf, saved_to
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
        self.print_button = QPushButton()
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton()
        self.close_button = QPushButton()
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            row.addWidget(button)
        column.addLayout(row)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        self.close_button.clicked.connect(self.accept)
        self.print_button.setDefault(True)
        # fit the screen the window is on: buttons below its edge cannot be pressed
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
        room = screen.availableGeometry()
        self.resize(min(900, room.width() - 40), min(1100, room.height() - 60))
        self.retranslate()

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Qt's print dialog, then the pages at the printer's resolution."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        try:
            paint_pages(printer, render_pages(self.pdf, min(printer.resolution(), 300)))
        except PrintError as error:
            QMessageBox.warning(self, self.tr("Printing failed"), self.tr(
                "The printer did not take the document (%1). It is saved as PDF in %2; "
                "print it from there or try again.").replace("%1", str(error)).replace(
                "%2", str(self.saved_to)))
            return False
        return True

    def save_copy(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"),
                                                    str(self.saved_to), "PDF (*.pdf)")
        if name:
            write_atomic(Path(name), self.pdf)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.where.setText(self.tr("Saved as %1").replace("%1", str(self.saved_to)))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save a copy…"))
        self.close_button.setText(self.tr("Close"))


class PrintError(RuntimeError):
    """The printer refused the job or could not be opened."""


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
