"""Strategy ▸ Versions: every version of the international strategy — the one in force, the
drafts and the archived ones — beside the editor of its sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut

from ...domain.formatting import format_date
from ...domain.strategy import StrategyStatus
from ...services import strategy as strategy_service
from ..common.forms import enum_combo
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from .common import save_strategy_pdf
from .version_editor import VersionEditor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    Column("title", "Title", lambda r: r.title, width=242, tooltip=lambda r: r.title),
    Column("period", "Period", lambda r: r.period_from, width=82, text_of=lambda r: r.period),
    Column("status", "Status", lambda r: r.status_text, width=178,
           text_of=lambda r: (f"✓ Approved {format_date(r.approved_on)}"
                              if r.status == StrategyStatus.APPROVED.value and r.approved_on else r.status_text),
           tooltip=lambda r: r.status_text + (f" ({r.approved_by})" if r.approved_by else "")),
    Column("kpis", "KPIs", lambda r: r.kpis, width=40, align=RIGHT),
    Column("plans", "Plans", lambda r: r.plans, width=40, align=RIGHT,
           tooltip=lambda r: f"{r.plans} action plans"),
)
EXPORT_COLUMNS = (
    Column("title", "Title", lambda r: r.title),
    Column("status", "Status", lambda r: StrategyStatus(r.status).label),
    Column("from", "Period from", lambda r: r.period_from),
    Column("to", "Period to", lambda r: r.period_to),
    Column("approved_on", "Approved on", lambda r: r.approved_on),
    Column("approved_by", "Approved by", lambda r: r.approved_by),
    Column("kpis", "KPIs", lambda r: r.kpis),
    Column("plans", "Action plans", lambda r: r.plans),
)


class VersionsView(ListEditorView):
    kinds = ("strategy_versions", "kpis", "action_plans", "target_markets")
    noun = "strategy version"
    plural = "strategy versions"
    filter_hint = "Filter by title, country, any word of the sections…  (Ctrl+F)"
    columns = COLUMNS
    export_columns = EXPORT_COLUMNS
    list_share = 4, 5

    def filter_widgets(self):
        self.status_filter = enum_combo(StrategyStatus, "All versions")
        self.status_filter.setToolTip("Only drafts, the approved version or archived ones")
        return [self.status_filter]

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.new_button.setText("&New draft")
        self.editor.copied.connect(lambda detail: self.select_record(detail.id))
        self.editor.pdf_requested.connect(self.save_pdf)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # the newest period first
        QShortcut(QKeySequence("Ctrl+P"), self, self.save_pdf)

    def default_sort_column(self) -> int:
        return 1

    def make_editor(self) -> VersionEditor:
        return VersionEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return strategy_service.list_strategies(self.ctx, strategy_service.StrategyFilter(
            text=text, status=self.status_filter.currentData(), deleted=deleted))

    def fetch_detail(self, record_id):
        return strategy_service.get_strategy(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete strategy version", strategy_service.delete_strategy,
                                      record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore strategy version", strategy_service.restore_strategy,
                                      record_id)

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.FontRole and row.status == StrategyStatus.APPROVED.value:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.ForegroundRole and row.status == StrategyStatus.ARCHIVED.value:
            return QBrush(QColor("#8a96a3"))
        return None

    def save_pdf(self) -> None:
        """Ctrl+P: the strategy document of the selected version."""
        if self.editor.record_id is None:
            self.controller.status.emit("Select a strategy version to print its document.")
            return
        if self.editor.dirty and not self.editor.save():
            return
        save_strategy_pdf(self, self.controller, self.editor.record_id)
