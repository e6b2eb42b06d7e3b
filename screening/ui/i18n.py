"""Languages: Qt's translation system for the UI's own strings, the form for its labels.

Albanian is the source of truth for officers; English is the second language. Switching
installs another translator and Qt sends every widget a LanguageChange event, so the switch
happens at run time without a restart.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from screening.ui.application import application

LANGUAGES = ("sq", "en")
LANGUAGE_NAMES = {"sq": "Shqip", "en": "English"}
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
_DATE_FORMATS = {"sq": "dd.MM.yyyy", "en": "dd/MM/yyyy"}
_LOCALES = {"sq": QLocale(QLocale.Language.Albanian, QLocale.Country.Albania),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}


# Every translator this process installed: one QApplication, however many windows (tests
# build many) — switching language must remove them all.
_INSTALLED: list[QTranslator] = []


class Languages:
    """Holds the current language and installs its translator."""

    def __init__(self, lang: str = "sq") -> None:
        self.lang = lang if lang in LANGUAGES else "sq"

    def apply(self, lang: str) -> None:
        """Switch every visible string to ``lang``."""
        app = application()
        while _INSTALLED:
            app.removeTranslator(_INSTALLED.pop())
        self.lang = lang if lang in LANGUAGES else "sq"
        # The UI's source strings are English; Albanian comes from screening_sq.qm. Qt's own
        # dialogs (file, print) speak Qt's translation of the language where Qt ships one,
        # else ours (qt_sq.qm: Qt has none for Albanian).
        if self.lang != "en":
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in ((f"screening_{self.lang}", TRANSLATIONS),
                                 (f"qtbase_{self.lang}", qt_folder),
                                 (f"qt_{self.lang}", TRANSLATIONS)):
                translator = QTranslator(app)
                if translator.load(name, str(folder)):
                    app.installTranslator(translator)
                    _INSTALLED.append(translator)
                    if name.startswith("qtbase_"):
                        break  # Qt's own words come first; ours only fill in where none ship
        QLocale.setDefault(_LOCALES[self.lang])
        # Removing or installing a translator already posts LanguageChange; posting one more
        # covers the case where neither happened, so views still re-read the form's labels.
        for widget in app.topLevelWidgets():
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LanguageChange))


def current() -> str:
    """The language the client speaks now (``Languages.apply`` sets Qt's default locale)."""
    return "sq" if QLocale().language() == QLocale.Language.Albanian else "en"


def date_format(lang: str) -> str:
    return _DATE_FORMATS.get(lang, _DATE_FORMATS["sq"])


def show_date(iso: str | None, lang: str) -> str:
    if not iso:
        return ""
    date = QDate.fromString(iso[:10], "yyyy-MM-dd")
    return date.toString(date_format(lang)) if date.isValid() else iso


# what the placeholder promises (DD.MM.YYYY, DD/MM/YYYY), the same without separators
# (DDMMYYYY, typed fast), and ISO
_DATE_INPUTS = ("yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "ddMMyyyy",
                "dd-MM-yyyy")
_DATE_SHAPE = re.compile(r"^(\d{1,2})[./-]?(\d{1,2})[./-]?(\d{4})$|^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str) -> str | None:
    """Accept dd.MM.yyyy, ddMMyyyy, dd/MM/yyyy, d.M.yyyy or ISO; give ISO, or None if it is no
    day of the calendar."""
    cleaned = text.strip()
    for fmt in _DATE_INPUTS:
        date = QDate.fromString(cleaned, fmt)
        if date.isValid():
            return date.toString("yyyy-MM-dd")
    return None


def looks_like_date(text: str) -> bool:
    """Written like a date, valid or not: 31.02.2010 is one that does not exist."""
    return bool(_DATE_SHAPE.match(text.strip()))


def locale(lang: str) -> QLocale:
    return _LOCALES.get(lang, _LOCALES["sq"])
