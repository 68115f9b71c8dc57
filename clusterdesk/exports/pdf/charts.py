"""Charts for the PDFs, drawn with ReportLab graphics (vector, so they print sharp) in the
house colours and font: horizontal bars, one bar per label, or grouped series."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from .base import ACCENT, FONT, GRID, MUTED, register_fonts

PALETTE = (ACCENT, colors.HexColor("#7fb3d5"), colors.HexColor("#c0804a"),
           colors.HexColor("#5b7f5b"), colors.HexColor("#9b59b6"))
MAX_LABEL = 44


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def bar_drawing(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], width: float, *,
                top: float | None = None, step: float | None = None, value_format: str = "%.1f",
                title: str = "") -> Drawing:
    """Horizontal bars, the first label at the top; several series are drawn side by side
    with a legend. `top` fixes the end of the value axis (e.g. 5 for ratings)."""
    register_fonts()
    groups = max(1, len(labels))
    bar_rows = groups * max(1, len(series))
    plot_height = max(40, 9 * bar_rows + 10 * groups)
    legend_height = 16 if len(series) > 1 else 0
    title_height = 14 if title else 0
    height = plot_height + 26 + legend_height + title_height
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    label_width = min(width * 0.45, 6.0 * max((len(_short(x)) for x in labels), default=10) + 8)
    chart.x = label_width
    chart.y = 20 + legend_height
    chart.width = width - label_width - 30
    chart.height = plot_height
    # Qt and ReportLab both draw the first category at the bottom: reverse to read top-down.
    chart.data = [list(reversed([float(v) for v in values])) for _name, values in series] or [[0]]
    chart.categoryAxis.categoryNames = list(reversed([_short(x) for x in labels])) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.strokeColor = GRID
    chart.valueAxis.valueMin = 0
    highest = max((float(v) for _n, values in series for v in values), default=0)
    chart.valueAxis.valueMax = top if top is not None else max(1.0, highest * 1.15)
    if step is not None:
        chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for index in range(len(series)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    chart.barLabelFormat = value_format
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    if title:
        drawing.add(String(0, height - 10, title, fontName=FONT, fontSize=8.5, fillColor=MUTED))
    if len(series) > 1:
        legend = Legend()
        legend.x = label_width
        legend.y = 2
        legend.dx = legend.dy = 7  # the colour swatches
        legend.dxTextSpace = 4
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 90
        legend.fontName = FONT
        legend.fontSize = 7.5
        legend.boxAnchor = "sw"
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _v) in enumerate(series)]
        drawing.add(legend)
    return drawing
