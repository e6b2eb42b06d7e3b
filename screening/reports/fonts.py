"""The bundled DejaVu Sans fonts (licence in ``fonts/LICENSE``).

reportlab's built-in PDF fonts cover only Latin-1: Greek, Cyrillic, Vietnamese or Turkish names
would print as black boxes. A TrueType font embedded in every document prints them everywhere,
whatever fonts the reading computer has.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the fonts with reportlab once per process; return (regular, bold) names."""
    folder = resources.files(__package__).joinpath("fonts")
    for name in (REGULAR, BOLD):
        with resources.as_file(folder.joinpath(f"{name}.ttf")) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> in a Paragraph picks the bold face; there is no italic face, so italics stay upright.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD
