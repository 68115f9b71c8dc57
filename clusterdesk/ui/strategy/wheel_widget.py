"""The strategy wheel drawn as a wheel (§3.1, after Welfare Tech's figure): one segment per
milestone, clockwise from the top — green when done, red when overdue, blue for the next
one, grey for later ones — with the year and the progress in the middle. A click on a
segment chooses that milestone."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain.formatting import format_date
from ..common.theme import ACCENT, DONE, OVERDUE, is_dark

LATER = "#c9d1d9"
GAP_DEGREES = 5.0
LABEL_ROOM = 150  # pixels beside the wheel for the labels of the side segments


def segment_colour(milestone, next_id, today: date) -> str:
    if milestone.done:
        return DONE
    if milestone.due_on < today:
        return OVERDUE
    return ACCENT if milestone.id == next_id else LATER


class WheelWidget(QWidget):
    milestone_clicked = Signal(object)  # milestone id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.milestones: list = []
        self.year: int | None = None
        self.today = date.today()
        self.selected_id = None
        self.setMinimumSize(300, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip("Click a milestone to choose it")

    def show_wheel(self, year: int | None, milestones, today: date, selected_id=None) -> None:
        self.year, self.milestones, self.today, self.selected_id = year, list(milestones), today, selected_id
        self.update()

    def mark_chosen(self, milestone_id) -> None:
        self.selected_id = milestone_id
        self.update()

    def _next_id(self):
        upcoming = sorted((m for m in self.milestones if not m.done and m.due_on >= self.today),
                          key=lambda m: m.due_on)
        return upcoming[0].id if upcoming else None

    def _geometry(self) -> tuple[QPointF, float, float]:
        centre = QPointF(self.width() / 2, self.height() / 2)
        outer = min(self.width() / 2 - LABEL_ROOM, self.height() / 2 - 48)
        return centre, max(40.0, outer), max(20.0, outer * 0.6)

    def _span(self, index: int) -> tuple[float, float]:
        """Start angle and sweep (Qt degrees: counter-clockwise from three o'clock)."""
        step = 360.0 / len(self.milestones)
        start = 90.0 - index * step - GAP_DEGREES / 2
        return start, -(step - GAP_DEGREES)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = QColor("#e6e9ec" if is_dark() else "#1d2731")
        centre, outer, inner = self._geometry()
        if not self.milestones:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No wheel for this year yet")
            return
        next_id = self._next_id()
        outer_rect = QRectF(centre.x() - outer, centre.y() - outer, 2 * outer, 2 * outer)
        inner_rect = QRectF(centre.x() - inner, centre.y() - inner, 2 * inner, 2 * inner)
        label_font = QFont(self.font())
        label_font.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        for index, milestone in enumerate(self.milestones):
            start, sweep = self._span(index)
            path = QPainterPath()
            path.arcMoveTo(outer_rect, start)
            path.arcTo(outer_rect, start, sweep)
            path.arcTo(inner_rect, start + sweep, -sweep)
            path.closeSubpath()
            colour = QColor(segment_colour(milestone, next_id, self.today))
            selected = milestone.id == self.selected_id
            painter.setPen(QPen(QColor(text_colour if selected else "#ffffff"), 3 if selected else 1))
            painter.setBrush(colour)
            painter.drawPath(path)
            middle = math.radians(start + sweep / 2)
            reach = outer + 14
            anchor = QPointF(centre.x() + reach * math.cos(middle), centre.y() - reach * math.sin(middle))
            box = QRectF(anchor.x() - 70, anchor.y() - 18, 140, 36)
            if math.cos(middle) > 0.3:
                box.moveLeft(anchor.x() - 6)
            elif math.cos(middle) < -0.3:
                box.moveRight(anchor.x() + 6)
            painter.setPen(text_colour)
            painter.setFont(label_font)
            align = (Qt.AlignmentFlag.AlignLeft if math.cos(middle) > 0.3 else Qt.AlignmentFlag.AlignRight
                     if math.cos(middle) < -0.3 else Qt.AlignmentFlag.AlignHCenter)
            painter.drawText(box.adjusted(0, 0, 0, -18), align | Qt.AlignmentFlag.AlignBottom, milestone.label)
            painter.setFont(small)
            state = "✓ " if milestone.done else ("overdue · " if milestone.due_on < self.today else "")
            painter.drawText(box.adjusted(0, 18, 0, 0), align | Qt.AlignmentFlag.AlignTop,
                             state + format_date(milestone.due_on))
        for index, milestone in enumerate(self.milestones):
            start, sweep = self._span(index)
            self._arrow(painter, centre, outer, inner, start + sweep,
                        QColor(segment_colour(milestone, next_id, self.today)))
        done = sum(1 for m in self.milestones if m.done)
        painter.setPen(text_colour)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 2.2)
        big.setBold(True)
        painter.setFont(big)
        painter.drawText(QRectF(centre.x() - inner, centre.y() - inner, 2 * inner, inner - 2),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, str(self.year or ""))
        painter.setFont(self.font())
        painter.drawText(QRectF(centre.x() - inner, centre.y() + 6, 2 * inner, inner - 6),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                         f"{done} of {len(self.milestones)} done")

    def _arrow(self, painter: QPainter, centre: QPointF, outer: float, inner: float, angle: float,
               colour: QColor) -> None:
        """An arrowhead in the gap where a segment ends, pointing on round the year."""

        def at(radius: float, degrees: float) -> QPointF:
            a = math.radians(degrees)
            return QPointF(centre.x() + radius * math.cos(a), centre.y() - radius * math.sin(a))

        ring = outer - inner
        base = (at(inner + ring * 0.28, angle + 0.5), at(outer - ring * 0.28, angle + 0.5))
        tip = at((outer + inner) / 2, angle - GAP_DEGREES * 1.5)
        painter.setPen(QPen(QColor("#ffffff"), 1.2))
        painter.setBrush(colour.darker(112))
        painter.drawPolygon(QPolygonF([base[0], base[1], tip]))

    def milestone_at(self, point: QPointF):
        centre, outer, inner = self._geometry()
        dx, dy = point.x() - centre.x(), centre.y() - point.y()
        distance = math.hypot(dx, dy)
        if not self.milestones or not inner <= distance <= outer:
            return None
        clockwise_from_top = (90.0 - math.degrees(math.atan2(dy, dx))) % 360.0
        index = int(clockwise_from_top // (360.0 / len(self.milestones)))
        return self.milestones[min(index, len(self.milestones) - 1)]

    def mousePressEvent(self, event) -> None:  # noqa: N802
        milestone = self.milestone_at(event.position())
        if milestone is not None:
            self.milestone_clicked.emit(milestone.id)
