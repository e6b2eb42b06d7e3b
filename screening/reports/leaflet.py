"""The information leaflet handed to a returnee (the form's question ``info_leaflet_given``):
one A4 sheet, Albanian beside English — their rights, that help does not depend on talking,
that a victim is not punished for what they were made to do, the help lines and how to reach
the referral organisations. Its words are reference data central publishes
(``forms/reference/leaflet.yaml``, the bundled default); the numbers and the organisations come
from the help lines and the referral directory, so one change at central reaches every sheet.
It holds nothing about any person, and says nothing the reference data does not."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from screening.errors import ReportError
from screening.questionnaire.reference import LeafletSection, Reference
from screening.reports.layout import (
    ACCENT,
    FILL,
    MUTED,
    RULE,
    band,
    content_height,
    content_width,
    markup,
    para,
    render,
)

LANGUAGES = ("sq", "en")  # Albanian first, on the left
WIDTH = content_width()
GAP = 6 * mm
COLUMN = (WIDTH - GAP) / 2
TITLE = {"sq": "Fletëpalosje informuese", "en": "Information leaflet"}


def build_leaflet(reference: Reference, default: Sequence[LeafletSection] = ()) -> bytes:
    """The leaflet as PDF bytes, from the reference data in use (``default``: the bundled
    words, for reference data of an older central that published none)."""
    sections = reference.leaflet or tuple(default)
    if not sections:
        raise ReportError(code="leaflet_missing")
    story: list[Flowable] = []
    for section in sections:
        story += _title(section) if section.id == "title" else _section(section)
        if section.id == "help_lines":
            story += _help_lines(reference)
        elif section.id == "organisations":
            story += _organisations(reference)
    page = KeepInFrame(WIDTH, content_height(), story, mode="shrink", name="leaflet")
    return render([page], title=f"{TITLE['sq']} / {TITLE['en']}", on_page=_no_footer,
                  numbered=False)


def _no_footer(_canvas: object, _doc: object) -> None:
    """The sheet is the person's own: no confidentiality notice, no page number."""


def _title(section: LeafletSection) -> list[Flowable]:
    rows = [[para(section.heading[lang], "title") for lang in LANGUAGES],
            [para(section.text[lang], "body") for lang in LANGUAGES]]
    table = _columns(rows)
    table.setStyle(TableStyle([("LINEBELOW", (0, 1), (-1, 1), 1.2, ACCENT)]))
    return [table, Spacer(1, 3 * mm)]


def _section(section: LeafletSection) -> list[Flowable]:
    heading = band(section.heading["sq"], WIDTH, section.heading["en"])
    return [heading, _columns([[para(section.text[lang]) for lang in LANGUAGES]]),
            Spacer(1, 2 * mm)]


def _columns(rows: Sequence[Sequence[Flowable]]) -> Table:
    table = Table([[left, "", right] for left, right in rows],
                  colWidths=[COLUMN, GAP, COLUMN])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _help_lines(reference: Reference) -> list[Flowable]:
    lines = reference.help_lines_in_use()  # a number central has not filled is not printed
    if not lines:
        return []
    rows = [[para(line.number, "big"), _both(line.name)] for line in lines]
    table = Table(rows, colWidths=[30 * mm, WIDTH - 30 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BACKGROUND", (0, 0), (-1, -1), FILL),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                               ("TEXTCOLOR", (0, 0), (0, -1), ACCENT)]))
    return [table, Spacer(1, 2 * mm)]


def _organisations(reference: Reference) -> list[Flowable]:
    rows = []
    for organisation in reference.organisations.values():
        city = _both(organisation.city, "small") if organisation.city else para("", "small")
        reach = organisation.phone.strip()
        rows.append([_both(organisation.name, "small"), city, para(reach, "strong")])
    if not rows:
        return []
    table = Table(rows, colWidths=[WIDTH - 70 * mm, 35 * mm, 35 * mm], repeatRows=0)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return [table, Spacer(1, 2 * mm)]


def _both(text: dict[str, str] | object, style: str = "body") -> Flowable:
    """A name in Albanian, the English after it in grey when it differs (data: escaped)."""
    names = text if isinstance(text, dict) else {}
    sq, en = (str(names.get(lang, "")) for lang in LANGUAGES)
    tail = f" <font color='{MUTED.hexval()}'>/ {escape(en)}</font>" if en and en != sq else ""
    return markup(escape(sq or en) + tail, style)
