"""Charts drawn on the server as inline SVG (no JavaScript, nothing the strict CSP refuses):
the geometry of bar charts, which the console template ``_chart.html`` turns into SVG elements
(autoescaped like every other text of a page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, BAR_HEIGHT, GAP, LABEL = 720, 18, 6, 300
LONGEST_LABEL = 44  # characters of a bar's name that fit beside it (the rest in its title)
PALETTE = ("#1f5f8b", "#c77c02", "#8a2b2b", "#4b7f3a", "#6b4c9a", "#2f7f7f", "#7f6a2f")


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    title: str  # what a pointer (or a screen reader) is told of it


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    total: str  # as printed: a number, or "x" where disclosure control hides it
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    legend: tuple[tuple[str, str], ...]  # (colour, name)
    height: float
    width: int = WIDTH
    label_width: int = LABEL


def stacked(title: str, rows: Sequence[tuple[str, Sequence[int | None], str]],
            parts: Sequence[str]) -> Chart:
    """Horizontal bars, one per row, each cut into ``parts`` (a value None is hidden and not
    drawn); rows are (label, values, printed total)."""
    largest = max((sum(v or 0 for v in values) for _l, values, _t in rows), default=0) or 1
    scale = (WIDTH - LABEL - 60) / largest
    bars = []
    for index, (label, values, total) in enumerate(rows):
        x, segments = float(LABEL), []
        for part, (name, value) in enumerate(zip(parts, values, strict=True)):
            if not value:
                continue
            segments.append(Segment(x, value * scale, PALETTE[part % len(PALETTE)],
                                    f"{label} · {name}: {value}"))
            x += value * scale
        shown = label if len(label) <= LONGEST_LABEL else label[:LONGEST_LABEL - 1] + "…"
        bars.append(Bar(shown, GAP + index * (BAR_HEIGHT + GAP), total, tuple(segments)))
    legend = tuple((PALETTE[i % len(PALETTE)], name) for i, name in enumerate(parts))
    return Chart(title, tuple(bars), legend, GAP + len(rows) * (BAR_HEIGHT + GAP) + GAP)
