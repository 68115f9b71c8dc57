"""Strategy ▸ KPIs: the KPIs of a strategy version with where they stand — actual against
target, on track, at risk or off track, the next review — beside the KPI's chart,
measurements and definition."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.formatting import format_date, format_quantity
from ...domain.strategy import KpiStatus, ReviewCadence
from ...services import kpis as kpi_service
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import OVERDUE
from .common import STATUS_COLOURS, STATUS_MARKS, StrategyChoice
from .kpi_editor import KpiEditor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _actual(row) -> str:
    return format_quantity(row.actual) if row.actual is not None else "—"


def _status_tip(row) -> str:
    a = row.assessment
    if a.achieved_share is None:
        return "Nothing measured yet"
    when = format_date(row.actual_on)
    return (f"{round(a.achieved_share * 100)} % of the way from baseline to target on {when}, "
            f"where the straight path expects {round(a.expected_share * 100)} %")


COLUMNS = (
    Column("position", "No.", lambda r: r.position, width=38, align=RIGHT, text_of=lambda r: str(r.position + 1),
           tooltip=lambda r: r.strategy_title),
    Column("name", "KPI", lambda r: r.name, width=215, tooltip=lambda r: f"{r.name}\n{r.strategy_title}"),
    Column("actual", "Actual / target", lambda r: r.assessment.achieved_share, width=140,
           text_of=lambda r: f"{_actual(r)} / {r.show(r.target)}",
           tooltip=lambda r: ("Read from the data today" if r.live else
                              f"Measured {format_date(r.actual_on)}") if r.actual is not None else ""),
    Column("status", "Status", lambda r: list(KpiStatus).index(r.status), width=92,
           text_of=lambda r: f"{STATUS_MARKS[r.status]} {r.status.label}", tooltip=_status_tip),
    Column("review", "Next review", lambda r: r.next_review_on, width=90,
           text_of=lambda r: format_date(r.next_review_on)),
)
EXPORT_COLUMNS = (
    Column("strategy", "Strategy version", lambda r: r.strategy_title),
    Column("name", "KPI", lambda r: r.name),
    Column("unit", "Unit", lambda r: r.unit),
    Column("baseline", "Baseline", lambda r: r.baseline),
    Column("target", "Target", lambda r: r.target),
    Column("from", "Period from", lambda r: r.period_from),
    Column("to", "Period to", lambda r: r.period_to),
    Column("actual", "Actual", lambda r: r.actual),
    Column("actual_on", "Actual on", lambda r: r.actual_on),
    Column("source", "Actual from", lambda r: "the data" if r.live else ("a measurement" if r.actual is not None else "")),
    Column("expected", "Expected by then", lambda r: r.assessment.expected_value),
    Column("status", "Status", lambda r: r.status.label),
    Column("cadence", "Review", lambda r: ReviewCadence(r.cadence).label),
    Column("review", "Next review", lambda r: r.next_review_on),
    Column("owner", "Owner", lambda r: r.owner),
)


class KpisView(ListEditorView):
    kinds = ("kpis", "kpi_measurements", "strategy_versions", "activities", "participants", "partners",
             "interactions", "campaign_targets", "market_analyses")  # what the measures count
    noun = "KPI"
    plural = "KPIs"
    export_title = "KPIs"
    filter_hint = "Filter KPIs…  (Ctrl+F)"
    columns = COLUMNS
    export_columns = EXPORT_COLUMNS
    list_share = 1, 1

    def filter_widgets(self):
        self.strategy_filter = StrategyChoice("All versions")
        return [self.strategy_filter]

    def make_editor(self) -> KpiEditor:
        return KpiEditor(self.controller)

    def refresh(self) -> None:
        if self.ctx is not None:
            self.strategy_filter.fill(self.ctx)
        super().refresh()

    def fetch_rows(self, text: str, deleted: bool):
        return kpi_service.list_kpis(self.ctx, kpi_service.KpiFilter(
            strategy_id=self.strategy_filter.currentData(), text=text, deleted=deleted))

    def fetch_detail(self, record_id):
        return kpi_service.get_kpi(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete KPI", kpi_service.delete_kpi, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore KPI", kpi_service.restore_kpi, record_id)

    def new_record(self) -> None:
        super().new_record()
        if self.editor.record_id is None:
            self.editor.strategy.choose(self.strategy_filter.currentData())

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.status in (KpiStatus.OFF_TRACK, KpiStatus.AT_RISK, KpiStatus.NO_DATA):
                return QBrush(QColor(STATUS_COLOURS[row.status]))
            if row.next_review_on and row.next_review_on < self.controller.today():
                return QBrush(QColor(OVERDUE))
        return None
