"""Starts the desktop client: ``screening-desktop [--data-dir PATH] [--lang sq|en]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from screening import __version__, config
from screening.errors import ScreeningError
from screening.ui.application import application
from screening.ui.dialogs import error_words
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
    # packaging checks: show the first screen, print one line about it, exit 0 (see main)
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    root = config.data_dir(args.data_dir)
    preferences = Preferences.load(root)
    if args.lang:
        preferences.lang = args.lang
    languages = Languages(preferences.lang)
    languages.apply(preferences.lang)
    # the form is read when first needed (the setup wizard), or just after the login window
    # shows, on a worker thread: nothing a login window does not need runs before it shows
    return MainWindow(root, Runner(), languages, preferences)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # a QApplication already running (tests, an embedding host) is reused, not replaced
    app = QApplication(list(argv or sys.argv)) if QApplication.instance() is None \
        else application()
    app.setApplicationName("Returnee Screening")
    app.setApplicationVersion(__version__)
    app.setStyleSheet(STYLE_SHEET)
    try:
        window = build_window(arguments)
    except ScreeningError as error:
        QMessageBox.critical(None, "Returnee Screening", error_words(error))
        return 1
    window.show()
    if "--smoke-test" in arguments:
        QTimer.singleShot(0, lambda: smoke_report(window))
    return app.exec()


def smoke_report(window: MainWindow) -> None:
    """``--smoke-test``: print one JSON line about the first screen shown, then quit (exit 0).

    The packaging checks (tests/integration/test_bundle.py, bench/startup.py) start the bundle
    offscreen with it: the screen proves the data folder was found, the login button's text
    that the translations loaded, the form's id that the forms did."""
    current = window.stack.currentWidget()
    if sys.stdout is not None:
        # the moment the first screen is up (bench/startup.py's stopwatch); the line below
        # needs the form, which a login window does not wait for
        print("smoke-test-shown", flush=True)
    if current is window.login:
        screen = "login"
    elif current is getattr(window, "wizard", None):
        screen = "setup"
    else:
        screen = current.objectName() if current is not None else ""
    if sys.stdout is not None:  # None in a windowed Windows executable
        print("smoke-test " + json.dumps({
            "screen": screen, "lang": window.languages.lang,
            "login_button": window.login.button.text(),
            "form": window.form.id, "form_version": window.form.version,
            "questions": len(window.form.questions),
            "countries": len(window.reference.countries),
            "data_dir": str(window.root), "version": __version__,
            "frozen": bool(getattr(sys, "frozen", False))}), flush=True)
    window.close()
    QApplication.quit()


if __name__ == "__main__":
    sys.exit(main())
