"""Qt's own file dialog, set up the same way wherever the client saves a file.

Qt's widget-based dialog (not the desktop's) is used on Linux so its words come from the
translations the client loads (screening.ui.i18n: Qt's own, or ours where Qt ships none for
Albanian) and tests can drive it; on Windows the system dialog speaks the system's language."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def save_pdf_dialog(parent: QWidget, title: str, suggested: Path) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(suggested.parent))
    dialog.setObjectName("saveDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter("PDF (*.pdf)")
    dialog.setDefaultSuffix("pdf")
    if sys.platform != "win32":
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.selectFile(suggested.name)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept,
                        QCoreApplication.translate("DialogButtons", "Save"))
    dialog.setLabelText(QFileDialog.DialogLabel.Reject,
                        QCoreApplication.translate("DialogButtons", "Cancel"))
    return dialog
