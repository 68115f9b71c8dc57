"""Strategy ▸ Action plans: every plan with how far its sub-activities have come, what is
overdue and what is due next, beside the plan's editor; PDF and Excel of the plan."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut

from ...domain.formatting import format_date
from ...domain.strategy import period_text
from ...services import action_plans as plan_service
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, OVERDUE
from .common import StrategyChoice, save_action_plan
from .plan_editor import ActionPlanEditor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _progress(row) -> str:
    if not row.progress.total:
        return ""
    return f"{row.progress.done}/{row.progress.total}" + (f"  ⚠ {row.overdue}" if row.overdue else "")


COLUMNS = (
    Column("name", "Action plan", lambda r: r.name, width=240,
           tooltip=lambda r: "\n".join(p for p in (r.name, r.strategy_title, r.responsible) if p)),
    Column("period", "Period", lambda r: r.starts_on, width=132,
           text_of=lambda r: period_text(r.starts_on, r.ends_on, short=True)),
    Column("done", "Done", lambda r: r.progress.percent if r.progress.total else -1, width=78,
           text_of=_progress, tooltip=lambda r: f"{r.progress} · {r.overdue} overdue"),
    Column("next", "Next due", lambda r: r.next_due, width=90, text_of=lambda r: format_date(r.next_due)),
)
EXPORT_COLUMNS = (
    Column("name", "Action plan", lambda r: r.name),
    Column("strategy", "Strategy version", lambda r: r.strategy_title),
    Column("responsible", "Responsible", lambda r: r.responsible),
    Column("starts_on", "Starts", lambda r: r.starts_on),
    Column("ends_on", "Ends", lambda r: r.ends_on),
    Column("done", "Sub-activities done", lambda r: r.progress.done),
    Column("total", "Sub-activities", lambda r: r.progress.total),
    Column("overdue", "Overdue", lambda r: r.overdue),
    Column("next", "Next due", lambda r: r.next_due),
    Column("targets", "Targets", lambda r: r.targets),
    Column("activities", "Activities", lambda r: r.activities),
    Column("budget", "Budget", lambda r: r.budget),
    Column("currency", "Currency", lambda r: r.budget.currency if r.budget else ""),
)


class ActionPlansView(ListEditorView):
    kinds = ("action_plans", "sub_activities", "action_plan_targets", "action_plan_participants",
             "strategy_versions", "activities", "members")
    noun = "action plan"
    plural = "action plans"
    filter_hint = "Filter by name, purpose, responsible…  (Ctrl+F)"
    columns = COLUMNS
    export_columns = EXPORT_COLUMNS
    list_share = 4, 5

    def filter_widgets(self):
        self.strategy_filter = StrategyChoice("All versions")
        return [self.strategy_filter]

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.editor.export_requested.connect(self.export_plan)
        self.editor.activity_clicked.connect(self._open_activity)
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.export_plan("pdf"))

    def make_editor(self) -> ActionPlanEditor:
        return ActionPlanEditor(self.controller)

    def refresh(self) -> None:
        if self.ctx is not None:
            self.strategy_filter.fill(self.ctx)
        super().refresh()

    def fetch_rows(self, text: str, deleted: bool):
        return plan_service.list_action_plans(self.ctx, plan_service.ActionPlanFilter(
            text=text, strategy_id=self.strategy_filter.currentData(), deleted=deleted))

    def fetch_detail(self, record_id):
        return plan_service.get_action_plan(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete action plan", plan_service.delete_action_plan, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore action plan", plan_service.restore_action_plan, record_id)

    def new_record(self) -> None:
        super().new_record()
        if self.editor.record_id is None:
            self.editor.strategy.choose(self.strategy_filter.currentData())

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(QColor(OVERDUE))
        if role == Qt.ItemDataRole.ForegroundRole and row.progress.total and row.progress.done == row.progress.total:
            return QBrush(QColor(DONE))
        return None

    def open_plan(self, plan_id, sub_activity_id=None) -> bool:
        if not self.select_record(plan_id):
            return False
        if sub_activity_id is not None:
            QTimer.singleShot(0, lambda: self.editor.select_sub_activity(sub_activity_id))
        return True

    def export_plan(self, fmt: str) -> None:
        if self.editor.record_id is None:
            self.controller.status.emit("Select an action plan to save it as a file.")
            return
        if self.editor.dirty and not self.editor.save():
            return
        save_action_plan(self, self.controller, self.editor.record_id, fmt)

    def _open_activity(self, activity_id) -> None:
        window = self.window()
        if hasattr(window, "show_tab"):
            window.show_tab("missions").open_activity(uuid.UUID(str(activity_id)))
