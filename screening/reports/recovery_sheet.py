"""The recovery-code sheet printed at setup: one bilingual A4 page that says what the code is,
for which workstation and checkpoint, how it is used and where it is kept."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from html import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from screening.reports.fonts import register_fonts

CODE_BOX = 170 * mm


@dataclass(frozen=True, slots=True)
class SheetFacts:
    code: str
    workstation: str  # the computer's name
    checkpoint: str  # "Rinas — Tirana International Airport (TIA)"
    supervisor: str
    created: dt.date


TEXT = {
    "title": ("Kodi i rikuperimit të bazës së të dhënave", "Database recovery code"),
    "what": ("Ky kod hap bazën e koduar të të dhënave të këtij stacioni pune kur të gjitha "
             "fjalëkalimet e mbikëqyrësve janë harruar. Kush e ka kodin mund të lexojë të gjitha "
             "intervistat.",
             "This code opens the encrypted database of this workstation when every "
             "supervisor password is forgotten. Whoever holds it can read every interview."),
    "workstation": ("Stacioni i punës", "Workstation"),
    "checkpoint": ("Pika e kalimit", "Checkpoint"),
    "supervisor": ("Mbikëqyrësi i parë", "First supervisor"),
    "date": ("Krijuar më", "Created on"),
    "use_title": ("Si përdoret", "How to use it"),
    "use": ("Në ekranin e hyrjes zgjidhni „Përdor kodin e rikuperimit…”, shkruani kodin, "
            "emrin e përdoruesit të mbikëqyrësit dhe një fjalëkalim të ri (shkronjat e mëdha a të "
            "vogla dhe vizat nuk kanë rëndësi). Pastaj kthejeni fletën në zarf dhe në kasafortë.",
            "On the login screen choose “Use the recovery code…”, type the code, the "
            "supervisor's user name and a new password (capitals and dashes do not matter). "
            "Then put the sheet back in its envelope and in the safe."),
    "keep_title": ("Ku ruhet", "Where to keep it"),
    "keep": ("Në zarf të mbyllur, në kasafortën e drejtuesit të pikës së kalimit, jo pranë "
             "kompjuterit. Mos e fotografoni, mos e dërgoni me e-mail, mos e ruani në "
             "kompjuter.",
             "In a sealed envelope in the checkpoint commander's safe, not near the computer. "
             "Do not photograph it, e-mail it or store it on a computer."),
}


def build_recovery_sheet(facts: SheetFacts) -> bytes:
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13)
    english = ParagraphStyle("en", parent=body, textColor=colors.HexColor("#444444"))
    heading = ParagraphStyle("h", parent=body, fontName=bold, fontSize=12, leading=15,
                             spaceBefore=8)
    title = ParagraphStyle("t", parent=body, fontName=bold, fontSize=17, leading=21)
    # one line, as it is typed back: the largest size up to 16 pt that fits the box
    # one line whatever its letters (a W is wider than an I): the cell's padding and 5 % slack
    # keep a code that just fits from wrapping its last letter
    size = min(16.0, 0.95 * (CODE_BOX - 12) / stringWidth(facts.code, bold, 1))
    code = ParagraphStyle("code", parent=body, fontName=bold, fontSize=size, leading=size * 1.4,
                          alignment=1)
    story: list = []
    sq, en = TEXT["title"]
    story += [Paragraph(escape(sq), title), Paragraph(escape(en), heading), Spacer(1, 6 * mm)]
    box = Table([[Paragraph(escape(facts.code), code)]], colWidths=[CODE_BOX])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                             ("TOPPADDING", (0, 0), (-1, -1), 5 * mm),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm)]))
    story += [box, Spacer(1, 6 * mm)]
    story += _both("what", body, english)
    rows = [[Paragraph(f"{escape(TEXT[key][0])} / {escape(TEXT[key][1])}", body),
             Paragraph(escape(value), body)]
            for key, value in (("workstation", facts.workstation),
                               ("checkpoint", facts.checkpoint),
                               ("supervisor", facts.supervisor),
                               ("date", facts.created.strftime("%d.%m.%Y")))]
    facts_table = Table(rows, colWidths=[60 * mm, 110 * mm])
    facts_table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                     ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 4 * mm), facts_table]
    for part in ("use", "keep"):
        sq, en = TEXT[f"{part}_title"]
        story.append(Paragraph(f"{escape(sq)} / {escape(en)}", heading))
        story += _both(part, body, english)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=20 * mm, bottomMargin=20 * mm,
                      title="Recovery code / Kodi i rikuperimit").build(story)
    return out.getvalue()


def _both(key: str, albanian: ParagraphStyle, english: ParagraphStyle) -> list:
    sq, en = TEXT[key]
    return [Paragraph(escape(sq), albanian), Spacer(1, 2 * mm), Paragraph(escape(en), english)]

