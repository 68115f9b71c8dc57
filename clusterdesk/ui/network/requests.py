"""Network ▸ Partner searches: members' requests for partners abroad (§5.2.3), the open ones
first by deadline, with what was proposed and sent — beside the request editor, whose second
tab ranks the candidates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox

from ...domain.checklists import due_state
from ...domain.countries import country_name
from ...domain.formatting import format_date
from ...domain.network import PartnerType, RequestStatus
from ...services import partner_requests as service
from ..common.forms import find_data
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, DUE_SOON, OVERDUE
from .request_editor import RequestEditor

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CLOSED_GREY = "#8a96a3"
CLOSED_AFTER = 2 * date.max.toordinal()  # closed requests sort after every open one


def _due_order(row) -> int:
    """Open requests first, the soonest deadline first; then the closed ones, latest first."""
    if RequestStatus(row.status).is_open:
        return (row.deadline or date.max).toordinal()
    return CLOSED_AFTER - (row.closed_on or row.received_on).toordinal()


def _due_text(row) -> str:
    if RequestStatus(row.status).is_open:
        return format_date(row.deadline) if row.deadline else "no deadline"
    return f"closed {format_date(row.closed_on)}" if row.closed_on else ""


COLUMNS = (
    Column("member", "Member", lambda r: r.member_name, width=150,
           tooltip=lambda r: f"{r.member_name}\nHandled by {r.owner or 'nobody yet'}"),
    Column("field", "Looks for", lambda r: r.field,
           tooltip=lambda r: f"{PartnerType(r.partner_type).label}: {r.field}"),
    Column("countries", "Where", lambda r: ", ".join(r.countries), width=60,
           tooltip=lambda r: service.countries_text(r.countries)),
    Column("status", "Status", lambda r: list(RequestStatus).index(RequestStatus(r.status)), width=92,
           text_of=lambda r: RequestStatus(r.status).label),
    Column("due", "Deadline", _due_order, width=130, text_of=_due_text),
    Column("proposed", "Sent", lambda r: r.sent * 1000 + r.proposed, width=50, align=RIGHT,
           text_of=lambda r: f"{r.sent} of {r.proposed}" if r.proposed else "",
           tooltip=lambda r: f"{r.proposed} proposed, {r.sent} sent on, {r.positive} interested or more"),
)
EXPORT_COLUMNS = (
    Column("member", "Member", lambda r: r.member_name),
    Column("field", "Field", lambda r: r.field),
    Column("type", "Partner type", lambda r: PartnerType(r.partner_type).label),
    Column("countries", "Countries", lambda r: ", ".join(country_name(c) for c in r.countries)),
    Column("received", "Came in", lambda r: r.received_on),
    Column("deadline", "Deadline", lambda r: r.deadline),
    Column("status", "Status", lambda r: RequestStatus(r.status).label),
    Column("closed", "Closed", lambda r: r.closed_on),
    Column("proposed", "Proposed", lambda r: r.proposed),
    Column("sent", "Sent on", lambda r: r.sent),
    Column("positive", "Interested or more", lambda r: r.positive),
    Column("owner", "Handled by", lambda r: r.owner),
)
STATUS_FILTERS = (("All requests", None), ("Open (searching)", service.OPEN_ONLY),
                  *((s.label, s.value) for s in RequestStatus if not s.is_open))


class RequestsView(ListEditorView):
    kinds = ("partner_requests", "partner_request_proposals", "members", "partners", "stakeholders")
    noun = "request"
    plural = "requests"
    export_title = "Partner-search requests"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by member, field, country, candidate…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 1, 1
    stretch_column = 1  # what the member looks for

    def filter_widgets(self):
        self.status_filter = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(label, value)
        self.status_filter.setToolTip("All requests, the open ones, or those that ended one way")
        return [self.status_filter]

    def default_sort_column(self) -> int:
        return 4  # the deadline: open requests first

    def make_editor(self) -> RequestEditor:
        return RequestEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return service.list_requests(self.ctx, service.RequestFilter(
            text=text, status=None if deleted else self.status_filter.currentData(), deleted=deleted))

    def fetch_detail(self, record_id):
        return service.get_request(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete request", service.delete_request, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore request", service.restore_request, record_id)

    def decorate(self, row, role: int):
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if row.status == RequestStatus.FOUND.value:
            return QBrush(QColor(DONE))
        if not RequestStatus(row.status).is_open:
            return QBrush(QColor(CLOSED_GREY))
        state = due_state(row.deadline, False, self.controller.today(), soon_days=14)
        return {"overdue": QBrush(QColor(OVERDUE)), "soon": QBrush(QColor(DUE_SOON))}.get(state)

    def select_record(self, record_id, *, load: bool = True) -> bool:
        if self._proxy_row_of(record_id) < 0 and self.status_filter.currentData() is not None:
            self.status_filter.setCurrentIndex(find_data(self.status_filter, None))
        return super().select_record(record_id, load=load)
