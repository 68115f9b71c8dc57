"""Missions ▸ Activities: every mission, trip, event, workshop and project, upcoming first,
with its checklist progress and participants, beside the activity editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox

from ...domain.countries import country_name
from ...domain.enums import ActivityKind, ActivityStatus
from ...domain.formatting import format_date_range
from ...services import activities as activity_service
from ..common.forms import enum_combo
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, OVERDUE
from .activity_editor import ActivityEditor


def _checklist(row) -> str:
    if not row.progress.total:
        return ""
    return f"{row.progress.done}/{row.progress.total}" + (f"  ⚠\u00a0{row.overdue}" if row.overdue else "")


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=220,
           tooltip=lambda r: f"{r.name}\n{ActivityKind(r.kind).label}"),
    Column("when", "When", lambda r: r.starts_on, width=150,
           text_of=lambda r: format_date_range(r.starts_on, r.ends_on)),
    Column("where", "Where", lambda r: ", ".join(p for p in (r.city, country_name(r.country)) if p),
           width=124),
    Column("status", "Status", lambda r: ActivityStatus(r.status).label, width=120),
    Column("checklist", "Checklist", lambda r: r.progress.percent if r.progress.total else -1,
           width=88, text_of=_checklist,
           tooltip=lambda r: f"{r.progress} · {r.overdue} overdue" if r.progress.total else "No checklist"),
    Column("participants", "People", lambda r: r.participants, width=52, align=RIGHT,
           tooltip=lambda r: f"{r.participants} signed up, {r.attended} attended"),
)
# For Excel: dates and numbers as cells of their own type.
EXPORT_COLUMNS = (
    Column("name", "Name", lambda r: r.name),
    Column("kind", "Kind", lambda r: ActivityKind(r.kind).label),
    Column("status", "Status", lambda r: ActivityStatus(r.status).label),
    Column("starts_on", "First day", lambda r: r.starts_on),
    Column("ends_on", "Last day", lambda r: r.last_day),
    Column("city", "City", lambda r: r.city),
    Column("country", "Country", lambda r: country_name(r.country)),
    Column("responsible", "Responsible", lambda r: r.responsible),
    Column("participants", "Signed up", lambda r: r.participants),
    Column("attended", "Attended", lambda r: r.attended),
    Column("done", "Checklist done", lambda r: r.progress.done),
    Column("total", "Checklist items", lambda r: r.progress.total),
    Column("overdue", "Overdue items", lambda r: r.overdue),
    Column("partners", "Partners", lambda r: ", ".join(r.partners)),
)

WHEN = (("Upcoming and running", "upcoming"), ("Past", "past"), ("All", "all"))


class ActivitiesView(ListEditorView):
    kinds = ("activities", "activity_partners", "participants", "checklist_items", "partners")
    noun = "activity"
    plural = "activities"
    filter_hint = "Filter by name, place, partner, kind…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 4, 3
    stretch_column = 0  # the name takes what the other columns leave
    wrap_rows = True  # a handful of activities: every name and place readable in full
    open_checklist_requested = Signal(object)

    def filter_widgets(self):
        self.kind_filter = enum_combo(ActivityKind, "All kinds")
        self.kind_filter.setToolTip("Only activities of this kind")
        self.when_filter = QComboBox()
        for label, value in WHEN:
            self.when_filter.addItem(label, value)
        self.when_filter.setToolTip("Upcoming (not ended yet), past, or all activities")
        return [self.kind_filter, self.when_filter]

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.editor.open_checklist_requested.connect(self.open_checklist_requested)
        self.view.doubleClicked.connect(lambda _i: self.open_checklist_requested.emit(self.current_id())
                                        if self.current_id() else None)
        self.view.setToolTip("Double-click (or Ctrl+L) opens the checklist")

    def default_sort_column(self) -> int:
        return 1

    def make_editor(self) -> ActivityEditor:
        return ActivityEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return activity_service.list_activities(self.ctx, activity_service.ActivityFilter(
            text=text, kind=self.kind_filter.currentData(), when=self.when_filter.currentData() or "all",
            deleted=deleted))

    def fetch_detail(self, record_id):
        return activity_service.get_activity(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete activity", activity_service.delete_activity, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore activity", activity_service.restore_activity, record_id)

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(QColor(OVERDUE))
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "cancelled":
            return QBrush(QColor("#8a96a3"))
        if role == Qt.ItemDataRole.ForegroundRole and row.progress.total and row.progress.done == row.progress.total:
            return QBrush(QColor(DONE))
        return None

    def select_activity(self, activity_id) -> bool:
        return self.select_record(activity_id)

    def list_export(self):
        export = super().list_export()
        return type(export)(export.title, EXPORT_COLUMNS, export.rows)
