"""Where a KPI stands: the status in words, the value read from the data (for a tied KPI)
with a button to keep it, the target-vs-actual chart, the measurements with a line to type
the next one (Enter adds it), and the review (Ctrl+D marks it reviewed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import DateParseError
from ...domain.formatting import format_date, format_datetime, format_quantity
from ...domain.questionnaires import parse_number
from ...domain.strategy import KpiStatus, kpi_chart_data
from ...services import kpi_measures, kpi_reviews
from ...services.errors import ValidationError
from ..common.forms import DateField, error_label, mark_invalid
from ..common.messages import confirm
from ..common.table_model import ROW_ROLE, Column
from ..common.table_view import sorted_table
from ..common.theme import OVERDUE
from .common import STATUS_COLOURS, STATUS_MARKS
from .kpi_chart import KpiChartView

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
MEASUREMENT_COLUMNS = (
    Column("date", "Date", lambda m: m.measured_on, format_date, width=90),
    Column("value", "Value", lambda m: m.value, format_quantity, width=70, align=RIGHT),
    Column("note", "Note", lambda m: m.note, width=190, tooltip=lambda m: m.note),
    Column("by", "Recorded by", lambda m: m.recorded_by),
)


def headline(row) -> str:
    """The status in one sentence, e.g. '▲ At risk — 4,6 of 12 DKK million on 1 Oct 2026 …'."""
    a = row.assessment
    colour = STATUS_COLOURS[row.status]
    mark = f"<span style='color:{colour}'><b>{STATUS_MARKS[row.status]} {row.status.label}</b></span>"
    if row.status is KpiStatus.NO_DATA:
        return f"{mark} — target {row.show(row.target)} by {format_date(row.period_to)}."
    source = "read from the data" if row.live else "measured"
    return (f"{mark} — {format_quantity(row.actual)} of {row.show(row.target)} {source} on "
            f"{format_date(row.actual_on)}: {round(a.achieved_share * 100)} % of the way, where the "
            f"straight path expects {round(a.expected_share * 100)} % "
            f"({row.show(round(a.expected_value, 1))} by then).")


class KpiProgress(QWidget):
    def __init__(self, controller, save_first, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.save_first = save_first  # () -> bool: the editor saved (or had nothing unsaved)
        self.detail = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.headline)
        live_row = QHBoxLayout()
        self.live = QLabel()
        self.live.setProperty("role", "hint")
        self.live.setWordWrap(True)
        self.keep_button = QPushButton("&Keep today's value")
        self.keep_button.setToolTip("Record the value the data gives today as a measurement, so it "
                                    "stays on the chart when the data changes later")
        self.keep_button.clicked.connect(self.keep_live_value)
        live_row.addWidget(self.live, 1)
        live_row.addWidget(self.keep_button)
        layout.addLayout(live_row)
        self.chart = KpiChartView()
        self.chart.setMinimumHeight(210)
        layout.addWidget(self.chart, 3)

        entry = QHBoxLayout()
        self.measured_on = DateField(today=controller.today)
        self.measured_on.setMaximumWidth(110)
        self.value = QLineEdit()
        self.value.setPlaceholderText("value")
        self.value.setMaximumWidth(90)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.note = QLineEdit()
        self.note.setPlaceholderText("note (where the number comes from)")
        self.add_button = QPushButton("Add measurement")
        self.add_button.setToolTip("Record the value on the date (Enter in the value or note)")
        self.add_button.clicked.connect(self.add_measurement)
        for field in (self.value, self.note, self.measured_on):
            field.returnPressed.connect(self.add_measurement)
        new_label = QLabel("Ne&w:")
        new_label.setBuddy(self.measured_on)
        entry.addWidget(new_label)
        entry.addWidget(self.measured_on)
        entry.addWidget(self.value)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.add_button)
        layout.addLayout(entry)
        self.errors = error_label()
        layout.addWidget(self.errors)
        self.table, self.model, self.proxy = sorted_table(MEASUREMENT_COLUMNS, self)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setToolTip("Delete removes the selected measurement")
        layout.addWidget(self.table, 2)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_measurement)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)

        review_row = QHBoxLayout()
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review_button = QPushButton("Mark reviewed")
        self.review_button.setToolTip("The KPI was looked at today; the next review moves on by the "
                                      "cadence (Ctrl+D)")
        self.review_button.clicked.connect(self.mark_reviewed)
        review_row.addWidget(self.review, 1)
        review_row.addWidget(self.review_button)
        layout.addLayout(review_row)
        QShortcut(QKeySequence("Ctrl+D"), self, self.mark_reviewed)

    # --- showing a KPI ---------------------------------------------------------------------------

    def show_kpi(self, detail) -> None:
        self.detail = detail
        self._clear_errors()
        self.setEnabled(detail is not None and not detail.deleted)
        if detail is None:
            self.headline.setText("")
            self.live.setText("")
            self.keep_button.hide()
            self.chart.show_kpi(None)
            self.model.set_rows([])
            self.review.setText("")
            return
        row = detail.row
        today = self.controller.today()
        self.headline.setText(headline(row))
        measure = kpi_measures.measure_by_key(row.measure) if row.measure else None
        if measure is None:
            self.live.setText("Typed in by hand." + (" (Its measure is no longer provided.)" if row.measure else ""))
        elif detail.live is None:
            self.live.setText(f"Tied to “{measure.label}”: nothing to count before "
                              f"{format_date(row.period_from)}.")
        else:
            self.live.setText(f"Tied to “{measure.label}”: {row.show(detail.live.value)} today "
                              f"({detail.live.detail}).")
        self.keep_button.setVisible(detail.live is not None)
        data = kpi_chart_data(row.baseline, row.target, row.period_from, row.period_to,
                              detail.actual_points(today))
        self.chart.show_kpi(data, row.unit, STATUS_COLOURS[row.status])
        self.model.set_rows(list(detail.measurements))
        self.measured_on.set_date(today)
        due = row.next_review_on
        late = due is not None and due < today
        text = (f"Next review: <b>{format_date(due)}</b>" if due else "No review date")
        if late:
            text = f"<span style='color:{OVERDUE}'>{text} — overdue</span>"
        if detail.last_reviewed_at:
            text += f" · last reviewed {format_datetime(detail.last_reviewed_at)} by {detail.last_reviewed_by}"
        self.review.setText(text)

    # --- actions ---------------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for field in (self.measured_on, self.value):
            mark_invalid(field, None)
        self.errors.hide()

    def _refuse(self, errors: dict[str, str]) -> None:
        fields = {"measured_on": self.measured_on, "value": self.value}
        for key, message in errors.items():
            if key in fields:
                mark_invalid(fields[key], message)
        names = {"measured_on": "Date", "value": "Value"}
        self.errors.setText("Not added — " + "; ".join(f"{names.get(k, k)}: {m}" for k, m in errors.items()))
        self.errors.show()
        next((fields[k] for k in fields if k in errors), self.value).setFocus()

    def add_measurement(self) -> None:
        if self.detail is None or not self.save_first():
            return
        self._clear_errors()
        errors, measured_on, value = {}, None, None
        try:
            measured_on = self.measured_on.date()
        except DateParseError as exc:
            errors["measured_on"] = str(exc)
        try:
            value = parse_number(self.value.text())
        except ValueError as exc:
            errors["value"] = str(exc)
        data = kpi_reviews.MeasurementInput(measured_on, value, self.note.text())
        try:
            if errors:
                raise ValidationError(errors)
            result = self.controller.run_op(self, "Add measurement", kpi_reviews.add_measurement,
                                            self.detail.id, data)
        except ValidationError as exc:
            self._refuse({**exc.errors, **errors})
            return
        if result is not None:
            self.value.clear()
            self.note.clear()
            self.controller.status.emit(f"Measurement of {format_quantity(result[0].value)} added.")
            self.value.setFocus()

    def keep_live_value(self) -> None:
        if self.detail is None or not self.save_first():
            return
        try:
            result = self.controller.run_op(self, "Keep today's value", kpi_reviews.record_measure,
                                            self.detail.id)
        except ValidationError as exc:
            self._refuse(exc.errors)
            return
        if result is not None:
            self.controller.status.emit(f"Kept today's value, {format_quantity(result[0].value)}.")

    def delete_measurement(self) -> None:
        index = self.table.currentIndex()
        measurement = index.data(ROW_ROLE) if index.isValid() else None
        if measurement is None or not self.save_first():
            return
        if not confirm(self, "Delete measurement", f"Delete the measurement of "
                       f"{format_quantity(measurement.value)} on {format_date(measurement.measured_on)}?",
                       "Delete"):
            return
        if self.controller.run_op(self, "Delete measurement", kpi_reviews.delete_measurement,
                                  measurement.id) is not None:
            self.controller.status.emit("Measurement deleted.")

    def mark_reviewed(self) -> None:
        if self.detail is None or self.detail.deleted or not self.save_first():
            return
        if self.controller.run_op(self, "Mark reviewed", kpi_reviews.mark_reviewed, self.detail.id) is not None:
            self.controller.status.emit(f"“{self.detail.data.name}” reviewed.")
