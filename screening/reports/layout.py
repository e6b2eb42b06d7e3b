"""Shared look of every document: fonts, colours, paragraph styles, page frame and footer.

Every piece of data goes through :func:`para`, which escapes it: reportlab paragraphs read
markup, so a name containing ``<`` or ``&`` would otherwise break the document or inject markup.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table
from reportlab.platypus import TableStyle as RLTableStyle
from reportlab.platypus.doctemplate import LayoutError

from screening.errors import ReportError
from screening.reports.fonts import register_fonts
from screening.reports.wording import LANGUAGES, word

INK = colors.HexColor("#1B2733")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5B6770")
RULE = colors.HexColor("#B8C2CC")
FILL = colors.HexColor("#EEF2F6")
WARN = colors.HexColor("#9B1C1C")
MARGIN = 16 * mm
CELL_PADDING = 4

PageHook = Callable[[Canvas, BaseDocTemplate], None]


@cache
def styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5),
        "muted": ParagraphStyle("muted", base, fontSize=7.5, leading=9.5, textColor=MUTED),
        "label": ParagraphStyle("label", base, fontName=bold, fontSize=8, leading=10),
        "strong": ParagraphStyle("strong", base, fontName=bold),
        "big": ParagraphStyle("big", base, fontName=bold, fontSize=12, leading=15),
        "title": ParagraphStyle("title", base, fontName=bold, fontSize=17, leading=21,
                                textColor=ACCENT),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=10, leading=13, textColor=MUTED),
        "heading": ParagraphStyle("heading", base, fontName=bold, fontSize=10, leading=13,
                                  textColor=colors.white),
        "bullet": ParagraphStyle("bullet", base, leftIndent=9, bulletIndent=0,
                                 bulletFontName=regular),
        "colhead": ParagraphStyle("colhead", base, fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "grouphead": ParagraphStyle("grouphead", base, fontName=bold, fontSize=8, leading=10,
                                    alignment=TA_CENTER),
        "number": ParagraphStyle("number", base, fontSize=8, leading=10, alignment=TA_RIGHT),
        "warn": ParagraphStyle("warn", base, fontName=bold, fontSize=10, leading=13,
                               textColor=WARN),
    }


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of data: escaped, line breaks kept."""
    return Paragraph(escape(text).replace("\n", "<br/>"), styles()[style])


def bullet(text: str) -> Paragraph:
    """A list item with a hanging indent."""
    return Paragraph(escape(text), styles()["bullet"], bulletText="•")


def markup(text: str, style: str = "body") -> Paragraph:
    """A paragraph of the documents' own markup (never data)."""
    return Paragraph(text, styles()[style])


def bilingual(key: str, style: str = "label") -> Paragraph:
    """Albanian in the given style, English below it in grey: how every label reads."""
    sq, en = (escape(word(key, lang)) for lang in LANGUAGES)
    return markup(f"{sq}<br/><font color='{MUTED.hexval()}' size='7'>{en}</font>", style)


def bilingual_text(texts: Sequence[str], style: str = "body") -> Paragraph:
    """Data in both languages: the Albanian text, the English text under it in grey; one line
    when both say the same."""
    first, *rest = [t for t in texts if t]
    others = [t for t in rest if t != first]
    grey = "".join(f"<br/><font color='{MUTED.hexval()}'>{escape(t)}</font>" for t in others)
    return markup(escape(first).replace("\n", "<br/>") + grey, style)


def heading_band(key: str, width: float) -> Table:
    """A section heading: a dark band with the Albanian and English titles."""
    return band(word(key, "sq"), width, word(key, "en"))


def band(title: str, width: float, second: str = "") -> Table:
    """A dark band with a title (and a second-language title in a lighter tone)."""
    tail = f" <font size='8' color='#D6DEE8'>/ {escape(second)}</font>" if second else ""
    cell = markup(escape(title) + tail, "heading")
    band = Table([[cell]], colWidths=[width])
    band.setStyle(RLTableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 5)]))
    return band


def field_table(rows: list[list[Any]], widths: Sequence[float], *,
                split_long: bool = False) -> Table:
    """Label / value rows with light rules between them. With ``split_long`` a value taller
    than a third of a page continues on rows of its own (no rule between them): reportlab
    moves a table row whole to the next page, and fails on a row taller than a page."""
    body: list[list[Any]] = []
    ends, joined = [], []
    for row in rows:
        *head, last = row
        pieces = cell_pieces(last, widths[-1] - 2 * CELL_PADDING) if split_long else [last]
        body.append([*head, pieces[0]])
        for piece in pieces[1:]:
            joined.append(len(body))  # reads on from the row above, without a gap
            body.append([*([""] * len(head)), piece])
        ends.append(len(body) - 1)
    table = Table(body, colWidths=list(widths))
    table.setStyle(RLTableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *[("LINEBELOW", (0, end), (-1, end), 0.4, RULE) for end in ends[:-1]],
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        *[command for row in joined for command in (
            ("TOPPADDING", (0, row), (-1, row), 0),
            ("BOTTOMPADDING", (0, row - 1), (-1, row - 1), 0))]]))
    return table


def cell_pieces(cell: Any, width: float, limit: float | None = None) -> list[Any]:
    """A cell's flowables cut into pieces no taller than ``limit`` (a third of a page):
    paragraphs are split between lines, other flowables kept whole."""
    limit = limit or content_height() / 3
    queue = list(cell) if isinstance(cell, list | tuple) else [cell]
    if not all(isinstance(item, Flowable) for item in queue):
        return [cell]  # plain strings: short by construction
    pieces: list[list[Flowable]] = []
    current: list[Flowable] = []
    height = 0.0
    while queue:
        item = queue.pop(0)
        _, tall = item.wrap(width, limit)
        if height + tall <= limit:
            current.append(item)
            height += tall
            continue
        parts = item.split(width, limit - height) if isinstance(item, Paragraph) else []
        if len(parts) == 2:
            current.append(parts[0])
            queue.insert(0, parts[1])
        elif current:
            queue.insert(0, item)  # it starts the next piece
        else:
            current.append(item)  # cannot be cut: alone on its row
        pieces.append(current)
        current, height = [], 0.0
    if current:
        pieces.append(current)
    return pieces or [cell]


class NumberedCanvas(Canvas):
    """Writes "page N / M" on every page: the total is known only once all pages exist."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # whatever reportlab passes on
        super().__init__(*args, **kwargs)
        self._saved: list[dict] = []

    def showPage(self) -> None:  # reportlab's name for it
        self._saved.append(dict(self.__dict__))
        # reportlab's own "page N of M" recipe starts the next page with the private
        # _startPage; its stubs omit the private API
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._page_number(total)
            super().showPage()
        super().save()

    def _page_number(self, total: int) -> None:
        regular, _ = register_fonts()
        self.setFont(regular, 7.5)
        self.setFillColor(MUTED)
        width = self._pagesize[0]  # type: ignore[attr-defined]  # private in the stubs
        text = f"{word('page', 'sq')} / {word('page', 'en')} {self.getPageNumber()} / {total}"
        self.drawRightString(width - MARGIN, 9 * mm, text)


def footer(notice: str, reference: str = "") -> PageHook:
    """A page hook that writes the confidentiality notice (and a reference) at the foot."""

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        regular, bold = register_fonts()
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 13 * mm, doc.pagesize[0] - MARGIN, 13 * mm)
        canvas.setFont(bold, 7.5)
        canvas.setFillColor(WARN)
        canvas.drawString(MARGIN, 9 * mm, notice)
        if reference:
            canvas.setFont(regular, 7.5)
            canvas.setFillColor(MUTED)
            canvas.drawCentredString(doc.pagesize[0] / 2, 9 * mm, reference)
        canvas.restoreState()

    return draw


def render(flowables: list[Flowable], *, title: str, on_page: PageHook,
           pagesize: tuple[float, float] = A4, numbered: bool = True) -> bytes:
    """Lay out ``flowables`` on A4 pages and return the PDF. The metadata carries only the
    document's kind, never a name: file managers and mail programs show it."""
    # Binary streams, not ASCII85 text: a third faster (the pure-Python encoder dominates the
    # slip's time) and smaller files. A process-wide reportlab setting; only documents use it.
    rl_config.useA85 = 0
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=pagesize, title=title, author="Returnee Screening",
                          creator="Returnee Screening", leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=18 * mm)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", frames=[frame], onPage=on_page)])
    try:
        doc.build(flowables, canvasmaker=NumberedCanvas if numbered else Canvas)
    except LayoutError:
        raise ReportError(code="document_layout_failed", title=title) from None
    except Exception:  # reportlab's own failures must not reach a person as its message
        raise ReportError(code="document_failed", title=title) from None
    return buffer.getvalue()


def content_width(pagesize: tuple[float, float] = A4) -> float:
    return pagesize[0] - 2 * MARGIN


def content_height(pagesize: tuple[float, float] = A4) -> float:
    return pagesize[1] - MARGIN - 18 * mm
