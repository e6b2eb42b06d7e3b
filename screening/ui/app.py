"""Starts the desktop client: ``screening-desktop [--data-dir PATH] [--lang sq|en]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from screening import __version__, config
from screening.errors import ScreeningError
from screening.ui.application import application
from screening.ui.i18n import LANGUAGES, Languages
from screening.ui.main_window import MainWindow
from screening.ui.preferences import Preferences
from screening.ui.runner import Runner
from screening.ui.style import STYLE_SHEET

# the options that take a value, by their attribute
_VALUED = {"--data-dir": "data_dir", "--lang": "lang"}


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The desktop's options. The usual command lines are read directly: building an
    ArgumentParser costs the login window ~10 ms (gettext looks for argparse's translations
    and imports the locale module). Anything else (help, a wrong language, an abbreviation,
    an option with no value, Qt's own options) goes to argparse, which explains or refuses
    it as before."""
    return _plain(sys.argv[1:] if argv is None else argv) or _parser().parse_known_args(argv)[0]


def _plain(argv: Sequence[str]) -> argparse.Namespace | None:
    found = argparse.Namespace(data_dir=None, lang=None, smoke_test=False)
    items = iter(argv)
    for item in items:
        name, equals, value = item.partition("=")
        if item == "--smoke-test":
            found.smoke_test = True
        elif name in _VALUED:
            if not equals:
                given = next(items, None)
                if given is None or given.startswith("-"):
                    return None
                value = given
            if name == "--lang" and value not in LANGUAGES:
                return None
            setattr(found, _VALUED[name], value)
        else:
            return None
    return found


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="screening-desktop")
    parser.add_argument("--data-dir", help="the workstation's data folder")
    parser.add_argument("--lang", choices=LANGUAGES)
    # packaging checks: show the first screen, print one line about it, exit 0 (see main)
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    return parser


def build_window(argv: Sequence[str] | None = None) -> MainWindow:
    """Everything the application needs, given a running QApplication (tests use this)."""
    args = parse_arguments(argv)
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
        from PySide6.QtWidgets import QMessageBox

        from screening.ui.dialogs import error_words

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
    import json

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
