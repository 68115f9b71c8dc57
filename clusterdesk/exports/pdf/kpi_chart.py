"""A KPI's target-vs-actual chart drawn with ReportLab graphics (vector, sharp when printed):
the straight path from baseline to target (dashed), the target level (dotted) and the
measured values (a line with dots)."""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors

from ...domain.formatting import format_date, format_quantity
from ...domain.strategy import KpiChartData
from .base import ACCENT, FONT, GRID, MUTED

PATH = colors.HexColor("#8a96a3")
TARGET = colors.HexColor("#5b7f5b")
STATUS_COLOURS = {"on_track": colors.HexColor("#5b7f5b"), "at_risk": colors.HexColor("#b9770e"),
                  "off_track": colors.HexColor("#c0392b"), "no_data": MUTED}
LEFT, BOTTOM, RIGHT, TOP = 34, 26, 8, 8  # room for the axis labels, in points


def _ticks(low: Decimal, high: Decimal, count: int = 4) -> list[Decimal]:
    """Round values (steps of 1, 2, 2.5 or 5 times a power of ten) between low and high."""
    span = float(high - low) or 1.0
    magnitude = 10 ** math.floor(math.log10(span / count))
    step = next(f * magnitude for f in (1, 2, 2.5, 5, 10) if span / (f * magnitude) <= count)
    value = math.ceil(float(low) / step) * step
    values = []
    while value <= float(high) + step * 1e-9:
        values.append(Decimal(str(round(value, 6))).normalize())
        value += step
    return values


def kpi_chart(data: KpiChartData, unit: str, width: float, height: float,
              status: str = "no_data") -> Drawing:
    """The chart as a ReportLab Drawing of `width` × `height` points."""
    drawing = Drawing(width, height)
    plot_w, plot_h = width - LEFT - RIGHT, height - BOTTOM - TOP
    days = max(1, (data.last_day - data.first_day).days)
    low, high = float(data.low), float(data.high)
    spread = (high - low) or 1.0

    def x(day: date) -> float:
        return LEFT + plot_w * (day - data.first_day).days / days

    def y(value: Decimal) -> float:
        return BOTTOM + plot_h * (float(value) - low) / spread

    drawing.add(Rect(LEFT, BOTTOM, plot_w, plot_h, strokeColor=GRID, fillColor=None, strokeWidth=0.5))
    for tick in _ticks(data.low, data.high):
        drawing.add(Line(LEFT, y(tick), LEFT + plot_w, y(tick), strokeColor=GRID, strokeWidth=0.3))
        drawing.add(String(LEFT - 3, y(tick) - 2.5, format_quantity(tick), fontName=FONT, fontSize=6,
                           fillColor=MUTED, textAnchor="end"))
    for day in (data.first_day, data.last_day):
        drawing.add(String(x(day), BOTTOM - 9, format_date(day), fontName=FONT, fontSize=6, fillColor=MUTED,
                           textAnchor="start" if day == data.first_day else "end"))
    (start, baseline), (end, target) = data.path
    drawing.add(Line(x(start), y(baseline), x(end), y(target), strokeColor=PATH, strokeWidth=1,
                     strokeDashArray=[3, 2]))
    drawing.add(Line(LEFT, y(data.target), LEFT + plot_w, y(data.target), strokeColor=TARGET,
                     strokeWidth=0.8, strokeDashArray=[1, 2]))
    colour = STATUS_COLOURS.get(status, ACCENT)
    if data.actual:
        points = [coordinate for day, value in data.actual for coordinate in (x(day), y(value))]
        if len(data.actual) > 1:
            drawing.add(PolyLine(points, strokeColor=ACCENT, strokeWidth=1.4))
        for day, value in data.actual:
            drawing.add(Circle(x(day), y(value), 1.8, fillColor=ACCENT, strokeColor=ACCENT))
        last_day, last_value = data.actual[-1]
        drawing.add(Circle(x(last_day), y(last_value), 3, fillColor=colour, strokeColor=colors.white,
                           strokeWidth=0.6))
    _legend(drawing, unit, width)
    return drawing


def _legend(drawing: Drawing, unit: str, width: float) -> None:
    y0 = 4
    items = ((ACCENT, [], "measured"), (PATH, [3, 2], "path to target"), (TARGET, [1, 2], "target"))
    left = LEFT
    for colour, dash, label in items:
        drawing.add(Line(left, y0 + 2.5, left + 12, y0 + 2.5, strokeColor=colour, strokeWidth=1.2,
                         strokeDashArray=dash or None))
        drawing.add(String(left + 15, y0, label, fontName=FONT, fontSize=6, fillColor=MUTED))
        left += 22 + len(label) * 3.2
    if unit:
        drawing.add(String(width - RIGHT, y0, unit, fontName=FONT, fontSize=6, fillColor=MUTED,
                           textAnchor="end"))
