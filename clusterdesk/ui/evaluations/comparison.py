"""The rounds of an indicator set side by side: the average per indicator in each round, the
change from the first to the last (over the members measured in both), a chart, and each
member's own change."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ...domain.questionnaires import format_number
from ..common.charts import ChartView, bar_chart
from ..common.tab import ListExport
from ..common.table_model import Column
from ..common.table_view import sorted_table
from ..common.theme import DONE, OVERDUE
from .grid import stretch_first, wrap_headers

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + average(value)


def average(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _change_colour(value: Decimal | None):
    if value is None or value == 0:
        return None
    return QBrush(QColor(DONE if value > 0 else OVERDUE))


class ComparisonPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.comparison = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "hint")
        layout.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.indicator_view, self.indicators, _proxy = sorted_table((), self, sort_column=-1)
        stretch_first(self.indicator_view)
        splitter.addWidget(self.indicator_view)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        self.chart = ChartView()
        bottom.addWidget(self.chart)
        self.member_view, self.members, _mproxy = sorted_table((), self)
        wrap_headers(self.member_view, 56)
        bottom.addWidget(self.member_view)
        bottom.setSizes([440, 530])
        splitter.addWidget(bottom)
        splitter.setSizes([132, 348])
        layout.addWidget(splitter, 1)

    def show_comparison(self, comparison) -> None:
        self.comparison = comparison
        if comparison is None or not comparison.rounds:
            self.summary.setText("Rounds are compared here once the set has a round with values.")
            self._set_columns(self.indicator_view, self.indicators, ())
            self._set_columns(self.member_view, self.members, ())
            self.chart.show_chart(bar_chart([], []))
            return
        rounds = comparison.rounds
        first, last = rounds[0].data.name, rounds[-1].data.name
        paired = max((c.paired for c in comparison.by_indicator), default=0)
        self.summary.setText(
            f"{len(rounds)} rounds of “{comparison.set_name}”. The change runs from {first} to {last}, "
            f"counted over the {paired} members measured in both, so members who joined or left in "
            "between do not pass for progress." if len(rounds) > 1 else
            f"Only one round so far ({first}); add the next round to see the change.")
        order = {c.indicator_id: n for n, c in enumerate(comparison.by_indicator)}
        columns = [Column("indicator", "Indicator", lambda c: order[c.indicator_id], width=230,
                          text_of=lambda c: c.name, tooltip=lambda c: c.name)]
        for n, r in enumerate(rounds):
            columns.append(Column(f"r{n}", r.data.name, lambda c, n=n: c.averages[n], average, width=95,
                                  align=RIGHT, tooltip=lambda c, n=n: f"{c.measured[n]} members measured"))
        if len(rounds) > 1:
            columns.append(Column("change", "Change", lambda c: c.change, signed, width=70, align=RIGHT))
            columns.append(Column("paired", "In both", lambda c: c.paired, width=60, align=RIGHT))
        self._set_columns(self.indicator_view, self.indicators, columns, comparison.by_indicator,
                          decorate=lambda c, role: _change_colour(c.change)
                          if role == Qt.ItemDataRole.ForegroundRole else None)
        stretch_first(self.indicator_view)  # again: the columns are new
        self.chart.show_chart(bar_chart(
            [c.name for c in comparison.by_indicator],
            [(r.data.name, [float(c.averages[n] or 0) for c in comparison.by_indicator])
             for n, r in enumerate(rounds)],
            title="Average per indicator and round", integer_axis=False, label_limit=28))
        member_columns = [Column("member", "Member", lambda m: m.name, width=130, tooltip=lambda m: m.name)]
        for i, indicator in enumerate(comparison.by_indicator):
            member_columns.append(Column(
                f"i{i}", indicator.name, lambda m, i=i: m.changes[i], width=92, align=RIGHT,
                text_of=lambda m, i=i: " → ".join(format_number(v) if v is not None else "–"
                                                  for v in m.values[i]),
                tooltip=lambda m, i=i: f"Change: {signed(m.changes[i])}"))
        self._set_columns(self.member_view, self.members, member_columns, comparison.by_member)

    @staticmethod
    def _set_columns(view, model, columns, rows=(), decorate=None) -> None:
        model.decorate = decorate
        model.set_columns(columns, rows)
        for i, column in enumerate(columns):
            if column.width:
                view.setColumnWidth(i, column.width)

    def list_export(self) -> ListExport | None:
        if self.comparison is None:
            return None
        return ListExport(f"{self.comparison.set_name} – rounds compared", self.indicators.columns,
                          self.indicators.rows())
