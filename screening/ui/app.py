"""Starts the desktop client: ``screening-desktop [--data-dir PATH] [--lang sq|en]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QMessageBox

from screening import __version__, config
from screening.errors import ScreeningError
from screening.questionnaire.loader import load_form
from screening.questionnaire.reference import load_reference
from screening.ui.i18n import Languages
from screening.ui.main_window import MainWindow
from screening.ui.preferences import Preferences
from screening.ui.runner import Runner
from screening.ui.style import STYLE_SHEET


def build_window(argv: Sequence[str] | None = None) -> MainWindow:
    """Everything the application needs, given a running QApplication (tests use this)."""
    parser = argparse.ArgumentParser(prog="screening-desktop")
    parser.add_argument("--data-dir", help="the workstation's data folder")
    parser.add_argument("--lang", choices=("sq", "en"))
    args, _qt_args = parser.parse_known_args(argv)
    root = config.data_dir(args.data_dir)
    preferences = Preferences.load(root)
    if args.lang:
        preferences.lang = args.lang
    languages = Languages(preferences.lang)
    languages.apply(preferences.lang)
    form = load_form(config.standard_form_path())
    reference = load_reference(config.forms_dir() / "reference")
    return MainWindow(root, form, reference, Runner(), languages, preferences)


def main(argv: Sequence[str] | None = None) -> int:
    app = QApplication.instance() or QApplication(list(argv or sys.argv))
    app.setApplicationName("Returnee Screening")
    app.setApplicationVersion(__version__)
    app.setStyleSheet(STYLE_SHEET)
    try:
        window = build_window(sys.argv[1:] if argv is None else argv)
    except ScreeningError as error:
        QMessageBox.critical(None, "Returnee Screening", error.message)
        return 1
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
