"""A KPI's target-vs-actual chart on screen (QtCharts): the measured values as a line with
points, the straight path from baseline to target dashed, the target level dotted — the same
picture as in the strategy document."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPen

from ...domain.strategy import KpiChartData
from ..common.charts import ChartView
from ..common.theme import ACCENT, DONE, is_dark

PATH_COLOUR = "#8a96a3"


def _ms(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


def _line(name: str, points, colour: str, style: Qt.PenStyle, width: float) -> QLineSeries:
    series = QLineSeries()
    series.setName(name)
    for day, value in points:
        series.append(_ms(day), float(value))
    pen = QPen(QColor(colour))
    pen.setStyle(style)
    pen.setWidthF(width)
    series.setPen(pen)
    return series


def kpi_chart(data: KpiChartData, unit: str, status_colour: str) -> QChart:
    """The chart for one KPI; `status_colour` marks the latest value."""
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setBackgroundRoundness(0)
    if is_dark():
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    (start, baseline), (end, target) = data.path
    series = [
        _line("Path to target", data.path, PATH_COLOUR, Qt.PenStyle.DashLine, 1.5),
        _line("Target", ((data.first_day, target), (data.last_day, target)), DONE, Qt.PenStyle.DotLine, 1.5),
    ]
    measured = _line("Measured", data.actual, ACCENT, Qt.PenStyle.SolidLine, 2.2)
    measured.setPointsVisible(True)
    series.append(measured)
    if data.actual:
        latest = QScatterSeries()
        latest.setName("Latest")
        latest.setMarkerSize(11)
        latest.setColor(QColor(status_colour))
        latest.setBorderColor(QColor("#ffffff"))
        day, value = data.actual[-1]
        latest.append(_ms(day), float(value))
        series.append(latest)
    axis_x = QDateTimeAxis()
    axis_x.setFormat("MMM yyyy")
    axis_x.setRange(QDateTime.fromMSecsSinceEpoch(int(_ms(data.first_day))),
                    QDateTime.fromMSecsSinceEpoch(int(_ms(data.last_day))))
    axis_x.setTickCount(5)
    axis_y = QValueAxis()
    axis_y.setRange(float(data.low), float(data.high))
    axis_y.applyNiceNumbers()
    axis_y.setTitleText(unit)
    small = QFont()
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    for axis in (axis_x, axis_y):
        axis.setLabelsFont(small)
        axis.setTitleFont(small)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for one in series:
        chart.addSeries(one)
        one.attachAxis(axis_x)
        one.attachAxis(axis_y)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(small)
    for marker in legend.markers():
        if marker.series() is series[-1] and data.actual:
            marker.setVisible(False)  # the latest point explains itself
    return chart


class KpiChartView(ChartView):
    def show_kpi(self, data: KpiChartData | None, unit: str = "", status_colour: str = ACCENT) -> None:
        self.show_chart(kpi_chart(data, unit, status_colour) if data is not None else QChart())
