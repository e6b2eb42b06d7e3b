"""The bar chart of outcomes by checkpoint (stacked horizontal bars, one per checkpoint)."""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from screening.reports.fonts import register_fonts
from screening.reports.labels import Labeller
from screening.reports.suppression import Masked

# no_indicators → presumed_victim: from calm to alarming, and still told apart in grey print
OUTCOME_COLOURS = [colors.HexColor(c) for c in ("#A9B8C6", "#E3B23C", "#D9792B", "#9B1C1C")]
ROW = 15  # points per checkpoint
LABELS = 190  # room for the checkpoint names at the left


def outcomes_chart(masked: Masked, names: Labeller, width: float) -> Drawing:
    width = round(width)  # reportlab's chart geometry is typed in whole points
    """Stacked bars of the (possibly suppressed) checkpoint × outcome table; hidden cells are
    not drawn, so the chart gives away nothing the table hides."""
    regular, _ = register_fonts()
    table = masked.table
    rows = len(table.rows)
    height = rows * ROW + 50
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = LABELS, 30
    chart.width, chart.height = width - LABELS - 10, rows * ROW
    # one series per outcome; the first checkpoint at the top, as in the tables
    chart.data = [[_drawn(masked, r, c) for r in reversed(range(rows))]
                  for c in range(len(table.columns))]
    chart.categoryAxis.categoryNames = list(reversed(names.rows(table)))
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    # counts of people: whole numbers on the axis, never 0.2 … 1
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = _count_axis(chart.data)
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDE3E9")
    chart.barWidth = round(ROW * 0.7)
    chart.bars.strokeColor = None
    for index, colour in enumerate(OUTCOME_COLOURS[:len(table.columns)]):
        chart.bars[index].fillColor = colour
    drawing.add(chart)
    drawing.add(_legend(names.columns(table), regular, width))
    return drawing


def _count_axis(series: list[list[int]], ticks: int = 5) -> tuple[int, int]:
    """The axis end and a whole-number step giving at most ``ticks`` steps."""
    highest = max((sum(bar) for bar in zip(*series, strict=True)), default=0)
    step = max(1, math.ceil(highest / ticks))
    return max(step, math.ceil(highest / step) * step), step


def _drawn(masked: Masked, row: int, column: int) -> int:
    return 0 if (row, column) in masked.hidden else masked.grid[row][column]


def _legend(labels: list[str], font: str, width: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = LABELS, 10
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName, legend.fontSize = font, 7
    legend.dx = legend.dy = 7
    legend.deltax = min(140, round(width - LABELS) // max(len(labels), 1))
    legend.colorNamePairs = list(zip(OUTCOME_COLOURS, labels, strict=False))
    legend.strokeColor = None
    return legend
