"""Network ▸ Services: the catalogue of international services (§5.2), with how often each ran
and how many members took part; ad-hoc services run repeatedly stand out as candidates to
make permanent (Phase 5, question 2)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.formatting import format_date
from ...domain.network import PriceModel, ServiceCategory, ServiceStatus
from ...services import service_catalogue as service
from ..common.forms import enum_combo
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, DUE_SOON
from .service_editor import ServiceEditor
from .widgets import compact

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
STATUS_RANK = {s.value: rank for rank, s in enumerate(ServiceStatus)}


def _status_text(row) -> str:
    text = ServiceStatus(row.status).label
    return text + " ★" if row.could_become_permanent else text


def _years(row) -> str:
    if not row.years:
        return ""
    return str(row.years[0]) if len(row.years) == 1 else f"{row.years[0]}–{row.years[-1]}"


COLUMNS = (
    Column("name", "Service", lambda r: r.name, tooltip=lambda r: f"{r.name}\nOwner: {r.owner}"),
    Column("category", "Category", lambda r: ServiceCategory(r.category).label, width=130),
    Column("status", "Status", lambda r: STATUS_RANK[r.status], width=122, text_of=_status_text,
           tooltip=lambda r: (f"Held {r.held} times as an ad-hoc activity: it could become permanent"
                              if r.could_become_permanent else ServiceStatus(r.status).label)),
    Column("held", "Held", lambda r: r.held, width=46, align=RIGHT,
           tooltip=lambda r: f"{r.held} of {r.activities} linked activities held so far"),
    Column("attended", "Took part", lambda r: r.attended, width=72, align=RIGHT,
           tooltip=lambda r: f"{r.attended} took part; {r.participants} signed up in all"),
    Column("years", "Years", lambda r: r.years[-1] if r.years else 0, width=76, text_of=_years),
    Column("next", "Next", lambda r: r.next_planned or date.max, width=92, text_of=lambda r: format_date(r.next_planned)),
)
EXPORT_COLUMNS = (
    Column("name", "Service", lambda r: r.name),
    Column("category", "Category", lambda r: ServiceCategory(r.category).label),
    Column("status", "Status", lambda r: ServiceStatus(r.status).label),
    Column("candidate", "Could become permanent", lambda r: "yes" if r.could_become_permanent else ""),
    Column("price", "Price model", lambda r: PriceModel(r.price_model).label),
    Column("owner", "Owner", lambda r: r.owner),
    Column("activities", "Linked activities", lambda r: r.activities),
    Column("held", "Held", lambda r: r.held),
    Column("participants", "Signed up", lambda r: r.participants),
    Column("attended", "Took part", lambda r: r.attended),
    Column("years", "Years held", lambda r: ", ".join(str(y) for y in r.years)),
    Column("last", "Last held", lambda r: r.last_held),
    Column("next", "Next planned", lambda r: r.next_planned),
)


class ServicesView(ListEditorView):
    kinds = ("cluster_services", "activities", "participants", "partner_requests", "project_ideas")
    noun = "service"
    plural = "services"
    export_title = "International services"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by name, category, target group, owner…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 4, 3
    stretch_column = 0

    def filter_widgets(self):
        self.category_filter = compact(enum_combo(ServiceCategory, "All categories"))
        self.category_filter.setToolTip("Only services of this category")
        self.status_filter = compact(enum_combo(ServiceStatus, "Any status"), 9)
        self.status_filter.setToolTip("Only services with this status")
        return [self.category_filter, self.status_filter]

    def make_editor(self) -> ServiceEditor:
        return ServiceEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return service.list_services(self.ctx, service.ServiceFilter(
            text=text, category=self.category_filter.currentData(), status=self.status_filter.currentData(),
            deleted=deleted))

    def fetch_detail(self, record_id):
        return service.get_service(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete service", service.delete_service, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore service", service.restore_service, record_id)

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.could_become_permanent:
                return QBrush(QColor(DUE_SOON))
            if row.status == ServiceStatus.PERMANENT.value:
                return QBrush(QColor(DONE))
        if role == Qt.ItemDataRole.FontRole and row.could_become_permanent:
            font = QFont()
            font.setBold(True)
            return font
        return None
