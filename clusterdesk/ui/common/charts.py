"""Bar charts with QtCharts in the house colours: counts per answer, members per country."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from .theme import ACCENT, is_dark

PALETTE = (ACCENT, "#7fb3d5", "#c0804a", "#5b7f5b", "#9b59b6")
MAX_LABEL = 38


def nice_integer_scale(top: float) -> tuple[int, int]:
    """(step, number of steps) for an axis from 0 that reaches at least `top` in whole
    numbers, with at most six steps of 1, 2, 5, 10, 20, 50…"""
    wanted = max(1.0, top)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if wanted / step <= 6:
                return step, max(1, math.ceil(wanted / step))
        magnitude *= 10


def _short(label: str, limit: int = MAX_LABEL) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


class ChartView(QChartView):
    """A chart view that draws smoothly and starts with an empty chart."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(160)
        self.show_chart(QChart())

    def show_chart(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()


def bar_chart(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
              title: str = "", stacked: bool = False, integer_axis: bool = True,
              top: float | None = None, label_limit: int = MAX_LABEL) -> QChart:
    """Horizontal bars, first category at the top; several series side by side or stacked.
    `top` fixes the end of the value axis (e.g. 5 for ratings from 1 to 5); category labels
    longer than `label_limit` characters are cut (a narrow chart has room for fewer)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    if is_dark():
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    bars = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    top_first = list(reversed(range(len(categories))))  # Qt draws the first category lowest
    for index, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(PALETTE[index % len(PALETTE)]))
        bar_set.setBorderColor(QColor(PALETTE[index % len(PALETTE)]))
        for i in top_first:
            bar_set.append(float(values[i]))
        bars.append(bar_set)
    bars.setLabelsVisible(not stacked)
    bars.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    bars.setLabelsFormat("@value")
    bars.setBarWidth(0.7)
    text_color = QColor("#e6e9ec" if is_dark() else "#1d2731")
    for bar_set in bars.barSets():
        bar_set.setLabelColor(text_color)
    chart.addSeries(bars)
    axis_y = QBarCategoryAxis()
    axis_y.append([_short(categories[i], label_limit) for i in top_first])
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(axis_y)
    axis_x = QValueAxis()
    totals = [sum(float(values[i]) for _n, values in series) if stacked
              else max((float(values[i]) for _n, values in series), default=0)
              for i in range(len(categories))]
    highest = max(totals, default=0)
    if top is not None:
        axis_x.setRange(0, top)
        axis_x.setTickCount(int(top) + 1)
        axis_x.setLabelFormat("%d")
    elif integer_axis:
        step, ticks = nice_integer_scale(highest * 1.1)
        axis_x.setRange(0, step * ticks)
        axis_x.setTickCount(ticks + 1)
        axis_x.setLabelFormat("%d")
    else:
        axis_x.setRange(0, max(1.0, highest * 1.15))
        axis_x.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(axis_x)
    small = QFont()
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
    axis_y.setLabelsFont(small)
    axis_y.setTruncateLabels(False)
    axis_x.setLabelsFont(small)
    legend = chart.legend()
    legend.setVisible(len(series) > 1)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart
