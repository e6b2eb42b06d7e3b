"""Printing and saving a document preview as a person does: the real buttons, and Qt's own
print and save dialogs answered by pressing theirs."""

from __future__ import annotations

import io
import stat
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit

from tests.ui.modal import button_with_role, click, when_shown


def print_by_pressing(qtbot, preview, target: Path) -> Path:
    """Press Print, let the test's printer write a PDF file, press the print dialog's Print."""
    def to_file(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))

    preview.printer_made.connect(to_file)
    when_shown(QPrintDialog, lambda dialog: click(
        qtbot, button_with_role(dialog, QDialogButtonBox.ButtonRole.AcceptRole)))
    click(qtbot, preview.print_button)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 2_000, timeout=30_000)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    return target


def save_by_pressing(qtbot, preview, target: Path) -> Path:
    """Press "Save a copy…", type the file name into Qt's save dialog, press Enter."""
    target.parent.mkdir(parents=True, exist_ok=True)

    def type_name(dialog: QFileDialog) -> None:
        # the folder as if picked in the dialog's tree (typing a path into the name field
        # fights its completer), then the name typed and Save pressed
        dialog.setDirectory(str(target.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.clear()
        qtbot.keyClicks(name, target.name)
        click(qtbot, button_with_role(dialog, QDialogButtonBox.ButtonRole.AcceptRole))
        if dialog.isVisible():
            dialog.reject()  # a failed test must not leave the dialog blocking the next one

    when_shown(QFileDialog, type_name)
    click(qtbot, preview.save_button)
    qtbot.waitUntil(lambda: target.exists(), timeout=10_000)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    return target


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
