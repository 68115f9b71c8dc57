"""The power–interest grid (handbook §2.3.2) as a chart: every stakeholder a point by its
interest (across) and influence (up), the four quadrants shaded and named — manage closely,
keep satisfied, keep informed, monitor. A click on a point selects the stakeholder."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QAreaSeries, QChart, QLineSeries, QScatterSeries, QValueAxis, QXYSeries
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPen
from PySide6.QtWidgets import QToolTip

from ...domain.enums import StakeholderKind
from ...domain.stakeholders import HIGH_FROM, Quadrant, spread_points
from ..common.charts import ChartView
from ..common.theme import ACCENT, OVERDUE, is_dark

LOW, HIGH = 0.3, 5.7
SPLIT = HIGH_FROM - 0.5  # the line between low and high scores
SHADES = {Quadrant.MANAGE_CLOSELY: "#f7e1dc", Quadrant.KEEP_SATISFIED: "#f6ecd6",
          Quadrant.KEEP_INFORMED: "#dfeaf3", Quadrant.MONITOR: "#eceff1"}
DARK_SHADES = {Quadrant.MANAGE_CLOSELY: "#4a3230", Quadrant.KEEP_SATISFIED: "#463f2c",
               Quadrant.KEEP_INFORMED: "#2c3b47", Quadrant.MONITOR: "#33383c"}
# (x from, x to, y from, y to) of each quadrant, and where its name goes
AREAS = {Quadrant.MANAGE_CLOSELY: (SPLIT, HIGH, SPLIT, HIGH), Quadrant.KEEP_SATISFIED: (LOW, SPLIT, SPLIT, HIGH),
         Quadrant.KEEP_INFORMED: (SPLIT, HIGH, LOW, SPLIT), Quadrant.MONITOR: (LOW, SPLIT, LOW, SPLIT)}
LABEL_LENGTH = 18


def short_name(name: str) -> str:
    return name if len(name) <= LABEL_LENGTH else name[:LABEL_LENGTH - 1].rstrip(" –-") + "…"


def _area(x0: float, x1: float, y0: float, y1: float, color: str) -> QAreaSeries:
    lower, upper = QLineSeries(), QLineSeries()
    lower.append([QPointF(x0, y0), QPointF(x1, y0)])
    upper.append([QPointF(x0, y1), QPointF(x1, y1)])
    area = QAreaSeries(upper, lower)
    area.setColor(QColor(color))
    area.setBorderColor(QColor(color))
    area._keep = (lower, upper)  # the area series does not own its lines
    return area


class PowerInterestGrid(ChartView):
    stakeholder_clicked = Signal(object)  # the stakeholder's id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(220)
        self.setToolTip("Click a point to select the stakeholder")
        self._rows: list = []
        self._points: list[tuple[float, float]] = []

    def set_stakeholders(self, rows: Sequence, selected_id=None) -> None:
        """Draw the grid with `rows` (having id, name, kind, influence, interest, quadrant)."""
        self._rows = list(rows)
        self._points = spread_points([(r.interest, r.influence) for r in self._rows])
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.setBackgroundRoundness(0)
        chart.legend().hide()
        dark = is_dark()
        if dark:
            chart.setTheme(QChart.ChartTheme.ChartThemeDark)
        axis_x, axis_y = QValueAxis(), QValueAxis()
        for axis, title in ((axis_x, "Interest →"), (axis_y, "Influence →")):
            axis.setRange(LOW, HIGH)
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(1)
            axis.setTickInterval(1)
            axis.setLabelFormat("%d")
            axis.setGridLineVisible(False)
            axis.setTitleText(title)
            small = QFont()
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
            axis.setLabelsFont(small)
            axis.setTitleFont(small)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)

        def add(series) -> None:
            chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)

        shades = DARK_SHADES if dark else SHADES
        for quadrant, (x0, x1, y0, y1) in AREAS.items():
            add(_area(x0, x1, y0, y1, shades[quadrant]))
        names = QScatterSeries()  # invisible points that carry the quadrants' names
        names.setMarkerSize(1)
        names.setColor(QColor(0, 0, 0, 0))
        names.setBorderColor(QColor(0, 0, 0, 0))
        for x0, x1, y0, y1 in AREAS.values():
            # Along the outer edge, clear of the points (whose names are written above them).
            top = y1 == HIGH
            names.append((x0 + x1) / 2, y1 - 0.3 if top else y0 + 0.05)
        add(names)
        label_color = QColor("#b8c2cc" if dark else "#5b6773")
        names.setPointLabelsColor(label_color)
        bold = QFont()
        bold.setBold(True)
        bold.setPointSizeF(max(7.0, bold.pointSizeF() * 0.9))
        names.setPointLabelsFont(bold)
        names.setPointLabelsVisible(True)
        names.setPointLabelsClipping(False)
        for index, quadrant in enumerate(AREAS):
            names.setPointConfiguration(index, {QXYSeries.PointConfiguration.LabelFormat: quadrant.label.upper(),
                                                QXYSeries.PointConfiguration.LabelVisibility: True})

        self.series = QScatterSeries()
        self.series.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        self.series.setMarkerSize(11)
        self.series.setColor(QColor(ACCENT))
        self.series.setBorderColor(QColor("#ffffff" if not dark else "#1f2428"))
        for x, y in self._points:
            self.series.append(x, y)
        add(self.series)
        small = QFont()
        small.setPointSizeF(max(6.5, small.pointSizeF() * 0.8))
        self.series.setPointLabelsFont(small)
        self.series.setPointLabelsColor(QColor("#e6e9ec" if dark else "#1d2731"))
        self.series.setPointLabelsVisible(True)
        self.series.setPointLabelsClipping(False)
        for index, row in enumerate(self._rows):
            config = {QXYSeries.PointConfiguration.LabelFormat: short_name(row.name),
                      QXYSeries.PointConfiguration.LabelVisibility: True}
            if row.id == selected_id:
                config[QXYSeries.PointConfiguration.Color] = QColor(OVERDUE)
                config[QXYSeries.PointConfiguration.Size] = 16
            self.series.setPointConfiguration(index, config)
        self.series.clicked.connect(self._clicked)
        self.series.hovered.connect(self._hovered)
        for line in ((SPLIT, LOW, SPLIT, HIGH), (LOW, SPLIT, HIGH, SPLIT)):
            divider = QLineSeries()
            divider.append([QPointF(line[0], line[1]), QPointF(line[2], line[3])])
            pen = QPen(QColor("#9aa5b1"))
            pen.setStyle(Qt.PenStyle.DashLine)
            divider.setPen(pen)
            add(divider)
        self.show_chart(chart)

    def highlight(self, stakeholder_id) -> None:
        """Mark one stakeholder's point (the one selected in the list)."""
        if not self._rows:
            return
        for index, row in enumerate(self._rows):
            config = self.series.pointConfiguration(index)
            if row.id == stakeholder_id:
                config[QXYSeries.PointConfiguration.Color] = QColor(OVERDUE)
                config[QXYSeries.PointConfiguration.Size] = 16
            else:
                config.pop(QXYSeries.PointConfiguration.Color, None)
                config.pop(QXYSeries.PointConfiguration.Size, None)
            self.series.setPointConfiguration(index, config)

    def index_at(self, point: QPointF) -> int:
        """The stakeholder whose point is nearest to `point` (chart values)."""
        if not self._points:
            return -1
        distances = [(x - point.x()) ** 2 + (y - point.y()) ** 2 for x, y in self._points]
        return distances.index(min(distances))

    def _clicked(self, point: QPointF) -> None:
        index = self.index_at(point)
        if index >= 0:
            self.stakeholder_clicked.emit(self._rows[index].id)

    def _hovered(self, point: QPointF, state: bool) -> None:
        index = self.index_at(point)
        if not state or index < 0:
            QToolTip.hideText()
            return
        row = self._rows[index]
        QToolTip.showText(QCursor.pos(), f"{row.name}\n{StakeholderKind(row.kind).label}\n"
                                         f"Influence {row.influence}, interest {row.interest}: "
                                         f"{row.quadrant.label.lower()}")
