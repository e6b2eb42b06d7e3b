"""The one-page bilingual referral slip the supervisor prints for the receiving organisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Spacer, Table, TableStyle

from screening.questionnaire.model import Form
from screening.questionnaire.reference import Reference
from screening.reports.casefile import CaseFile
from screening.reports.layout import (
    ACCENT,
    CELL_PADDING,
    FILL,
    MUTED,
    RULE,
    WARN,
    bilingual,
    bilingual_text,
    content_height,
    content_width,
    field_table,
    footer,
    heading_band,
    markup,
    para,
    render,
)
from screening.reports.slipdata import Bi, SlipContent, slip_content
from screening.reports.wording import LANGUAGES, both, word

WIDTH = content_width()
LABEL = 44 * mm
QR_SIZE = 30 * mm


def build_slip(interview: Mapping[str, Any] | CaseFile, form: Form, reference: Reference,
               *, printed_at: dt.datetime | None = None) -> bytes:
    """The referral slip as PDF bytes. Raises :class:`screening.errors.NoReferralError` when
    the interview refers the person to no organisation."""
    content = slip_content(interview, form, reference, printed_at=printed_at)
    return render_slip(content)


def render_slip(content: SlipContent) -> bytes:
    story = _header(content) + _identity(content) + _case(content) + _receiver(content) \
        + _reason(content) + _person(content) + _help_lines(content) + _signatures()
    # Shrinking keeps the slip on one page whatever the length of a name or address.
    page = KeepInFrame(WIDTH, content_height(), story, mode="shrink", name="slip")
    notice = f"{both('confidential')} — {word('printed', 'sq')} / {word('printed', 'en')} " \
             f"{content.printed_at}"
    return render([page], title=both("slip_title"), on_page=footer(notice), numbered=False)


def qr_drawing(payload: str, size: float = QR_SIZE) -> Drawing:
    # sized directly rather than measured: measuring would encode the code a second time
    widget = QrCodeWidget(payload, barLevel="M", barWidth=size, barHeight=size)
    drawing = Drawing(size, size)
    drawing.add(widget)
    return drawing


def _header(content: SlipContent) -> list[Flowable]:
    title = [markup(f"{word('slip_title', 'sq').upper()}", "title"),
             para(f"{word('slip_title', 'en')}  ·  {word('authority', 'sq')}", "subtitle"),
             Spacer(1, 2 * mm), para(both("confidential", "  ·  "), "warn"),
             para(word("slip_notice", "sq"), "small"), para(word("slip_notice", "en"), "muted")]
    code = [qr_drawing(content.qr_payload), para(content.case_reference, "label")]
    table = Table([[title, code]], colWidths=[WIDTH - QR_SIZE - 6 * mm, QR_SIZE + 6 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (1, 0), (1, 0), "CENTER"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [table, Spacer(1, 1 * mm)]


def _identity(content: SlipContent) -> list[Flowable]:
    """Who the receiving organisation is taking in: the first thing it looks for."""
    name = para(content.person_name, "big") if content.person_name else _none("not_recorded")
    return _section("person", _grid([
        [("person_name", name, 4)],
        [("birth", _bi_or_not_recorded(content.birth), 1),
         ("sex", _bi_or_not_recorded(content.sex), 1),
         ("nationality", _bi_or_not_recorded(content.nationality), 1),
         ("language", _bi_or_not_recorded(content.language), 1)]]))


def _case(content: SlipContent) -> list[Flowable]:
    approver = para(content.approver) if content.approver else _none("not_approved_yet")
    return _section("case", _grid([
        [("case_reference", para(content.case_reference, "strong"), 1),
         ("interview_time", para(content.interview_time), 1),
         ("checkpoint", _bi(content.checkpoint), 2)],
        [("referring_officer", para(content.officer), 2), ("approved_by", approver, 2)]]))


def _receiver(content: SlipContent) -> list[Flowable]:
    receiver = content.receiver
    name = _bi(receiver.name, "big")
    city = [para(receiver.city["sq"], "small")] if receiver.city.get("sq") else []
    half = WIDTH / 2 - 2 * CELL_PADDING
    flowables = _section("referred_to", _grid([
        [("organisation", [name, *city], 4)],
        [("address", _or_blank(receiver.address, half), 2),
         ("phone", _or_blank(receiver.phone, half), 2)]]))
    if content.urgent:
        flowables.insert(1, _urgent_band())
    if content.further:
        flowables.insert(-1, _further(content))
    return flowables


def _further(content: SlipContent) -> Flowable:
    """The other organisations the person is referred to: one line each, the primary
    receiver's address block stays the only one (the page is full)."""
    urgent = f"<b><font color='{WARN.hexval()}'>{escape(both('urgent_short'))}</font></b>"
    rows: list[list[Any]] = [[_label_line("further_referrals"), "", ""]]
    for entry in content.further:
        city = f" — {escape(entry.city['sq'])}" if entry.city.get("sq") else ""
        rows.append([para(f"{entry.number}.", "strong"),
                     [markup(f"<b>{escape(entry.organisation['sq'])}</b>{city}"),
                      para(entry.organisation["en"], "muted")
                      if entry.organisation["en"] != entry.organisation["sq"] else Spacer(0, 0)],
                     [_inline(dict(entry.kind)), markup(urgent) if entry.urgent else Spacer(0, 0)]])
    table = Table(rows, colWidths=[8 * mm, WIDTH * 0.55, WIDTH * 0.45 - 8 * mm])
    table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _grid(rows: list[list[tuple[str, Flowable | list[Flowable], int]]]) -> Table:
    """Facts side by side on four columns, each label over its value, each spanning as many
    columns as it is given: the slip must stay one page."""
    cells, spans = [], []
    for number, row in enumerate(rows):
        line: list[Any] = []
        for key, value, span in row:
            values = value if isinstance(value, list) else [value]
            if span > 1:
                spans.append(("SPAN", (len(line), number), (len(line) + span - 1, number)))
            line += [[_label_line(key), *values], *[""] * (span - 1)]
        cells.append(line)
    table = field_table(cells, [WIDTH / 4] * 4)
    table.setStyle(TableStyle(spans))
    return table


def _reason(content: SlipContent) -> list[Flowable]:
    dimensions = [_inline(d) for d in content.dimensions] or [_none()]
    rows: list[list[Any]] = [[bilingual("outcome"), _inline(content.outcome, "strong")],
            [bilingual("positive_dimensions"), dimensions],
            [bilingual("exploitation_type"), _inline_or_not_recorded(content.exploitation_type)],
            [bilingual("exploitation_country"),
             _inline_or_not_recorded(content.exploitation_country)]]
    return _section("reason", field_table(rows, [LABEL, WIDTH - LABEL]))


def _person(content: SlipContent) -> list[Flowable]:
    child = {lang: word("yes" if content.child else "no", lang) for lang in LANGUAGES}
    rows: list[list[Any]] = [[bilingual("child"), _inline(child, "strong")]]
    if content.child:
        unaccompanied = content.unaccompanied
        rows.append([bilingual("unaccompanied"), _inline(unaccompanied) if unaccompanied["sq"]
                     else _none("not_recorded")])
        guardian: list[Flowable] = ([para(content.guardian)] if content.guardian
                                    else [_none("not_recorded")])
        if content.guardian_relationship.get("sq"):
            guardian.append(_bi(content.guardian_relationship, "small"))
        rows.append([bilingual("guardian"), guardian])
    rows.append([bilingual("urgent_needs"), [_inline(n) for n in content.needs] or [_none()]])
    consent: list[Flowable] = [_consent_line("consent_referral", content.consent_referral),
               _consent_line("consent_data_sharing", content.consent_data_sharing)]
    if content.child:
        consent.append(para(f"{word('child_consent_note', 'sq')}\n"
                            f"{word('child_consent_note', 'en')}", "muted"))
    rows.append([bilingual("consent"), consent])
    return _section("situation", field_table(rows, [LABEL, WIDTH - LABEL]))


def _help_lines(content: SlipContent) -> list[Flowable]:
    lines = [[para(number, "big"), _bi(name, "small")] for number, name in content.help_lines]
    if not lines:
        return []
    # two lines side by side: the numbers are what the person must find at a glance
    cells = [[*lines[i], *(lines[i + 1] if i + 1 < len(lines) else ["", ""])]
             for i in range(0, len(lines), 2)]
    number, name = 24 * mm, WIDTH / 2 - 24 * mm
    table = Table(cells, colWidths=[number, name, number, name])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("BACKGROUND", (0, 0), (-1, -1), FILL),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                               ("TEXTCOLOR", (0, 0), (0, -1), ACCENT)]))
    return _section("help_lines", table)


def _signatures() -> list[Flowable]:
    column = (WIDTH - 8 * mm) / 2
    lines = [[bilingual("sign_officer", "small"), "", bilingual("sign_receiver", "small")]]
    table = Table([["", "", ""], *lines], colWidths=[column, 8 * mm, column],
                  rowHeights=[11 * mm, None])
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (0, 0), 0.8, ACCENT),
                               ("LINEBELOW", (2, 0), (2, 0), 0.8, ACCENT),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    # no heading band: the lines say what they are for, and the page is full
    return [Spacer(1, 1 * mm), table]


def _label_line(key: str) -> Flowable:
    """A label on one line, English after the Albanian in grey: for labels above values."""
    sq, en = (escape(word(key, lang)) for lang in LANGUAGES)
    return markup(f"<b>{sq}</b> <font color='{MUTED.hexval()}'>· {en}</font>", "small")


def _section(key: str, body: Flowable) -> list[Flowable]:
    if isinstance(body, Table):  # tighter rows than the record's: one page holds it all
        body.setStyle(TableStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    return [heading_band(key, WIDTH), body, Spacer(1, 1.5 * mm)]


def _bi(text: Bi, style: str = "body") -> Flowable:
    return bilingual_text([text.get(lang, "") for lang in LANGUAGES] or [""], style)


def _inline(text: Bi, style: str = "body") -> Flowable:
    """Both languages on one line, English in grey: for short values."""
    sq, en = (escape(text.get(lang, "")) for lang in LANGUAGES)
    tail = f" <font color='{MUTED.hexval()}'>/ {en}</font>" if en and en != sq else ""
    return markup(sq + tail, style)


def _bi_or_not_recorded(text: Bi) -> Flowable:
    return _bi(text) if text.get("sq") else _none("not_recorded")


def _inline_or_not_recorded(text: Bi) -> Flowable:
    return _inline(text) if text.get("sq") else _none("not_recorded")


def _none(key: str = "none_recorded") -> Flowable:
    return para(both(key), "muted")


def _consent_line(key: str, answer: Bi) -> Flowable:
    return markup(f"{word(key, 'sq')} / {word(key, 'en')}: "
                  f"<b>{answer['sq']} / {answer['en']}</b>")


def _or_blank(value: str, width: float) -> Flowable:
    """The value, or a line to fill by hand: an unknown address or phone is never guessed."""
    if value:
        return para(value)
    blank = Table([[para(f"({both('fill_by_hand')})", "muted")]], colWidths=[width],
                  rowHeights=[7 * mm])
    blank.setStyle(TableStyle([("LINEBELOW", (0, 0), (0, 0), 0.6, RULE),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return blank


def _urgent_band() -> Flowable:
    band = Table([[para(both("urgent", "  ·  "), "heading")]], colWidths=[WIDTH])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), WARN),
                              ("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return band
