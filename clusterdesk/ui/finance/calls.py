"""Finance ▸ Funding: the calls the secretariat watches, prepares and submits, soonest deadline
first (or by what they are worth), filtered by status and programme, beside the call editor.
The funding sources are kept in a dialog of their own (Sources…)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QPushButton

from ...domain.checklists import due_state
from ...domain.enums import CallStatus, FundingSourceKind
from ...domain.formatting import format_date, format_money_whole
from ...services import funding as funding_service
from ...services import funding_sources as source_service
from ..common.forms import find_data
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, DUE_SOON, OVERDUE
from .call_editor import CallEditor, deadline_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NO_DEADLINE = date.max  # sorts calls without an open deadline last


def _worth(row):
    """What a call is worth in the list: its expected value while open; once decided, what
    came of it (the amount granted, nothing for a rejected or withdrawn call)."""
    if row.status == CallStatus.GRANTED.value:
        return row.granted or row.figures.grant
    if not CallStatus(row.status).is_open:
        return None
    return row.figures.expected_value


def _worth_sort(row) -> float:
    value = _worth(row)
    return float(value.amount) if value is not None else -1.0


def _worth_tip(row) -> str:
    if row.status == CallStatus.GRANTED.value:
        return "Granted"
    if not CallStatus(row.status).is_open:
        return f"{CallStatus(row.status).label}: nothing to expect"
    return "Expected value: typical grant × success rate"


def _deadline_text(row, today) -> str:
    if row.next_deadline is not None:
        return deadline_text(row.next_deadline, today)
    if row.decided_on is not None:
        return f"decided {format_date(row.decided_on)}"
    return ""


def _stars(rating: int | None) -> str:
    return "★" * rating + "☆" * (5 - rating) if rating else ""


def _columns(today_fn):
    return (
        Column("title", "Call", lambda r: r.title, width=160,
               tooltip=lambda r: "\n".join(p for p in (r.title, r.call_code, r.source_name) if p)),
        Column("programme", "Programme", lambda r: r.source_name, width=112),
        Column("status", "Status", lambda r: list(CallStatus).index(CallStatus(r.status)), width=70,
               text_of=lambda r: CallStatus(r.status).label),
        Column("deadline", "Next deadline", lambda r: r.next_deadline.due_on if r.next_deadline else NO_DEADLINE,
               width=172, text_of=lambda r: _deadline_text(r, today_fn()),
               tooltip=lambda r: r.next_deadline.stage if r.next_deadline else "No open deadline"),
        Column("expected", "Worth", _worth_sort, width=84, align=RIGHT,
               text_of=lambda r: format_money_whole(_worth(r)), tooltip=_worth_tip),
        Column("fit", "Fit", lambda r: r.fit_rating or 0, width=68, text_of=lambda r: _stars(r.fit_rating)),
        Column("documents", "Docs", lambda r: r.documents.percent if r.documents.total else -1,
               text_of=lambda r: f"{r.documents.done}/{r.documents.total}" if r.documents.total else "",
               tooltip=lambda r: f"{r.documents} documents ready"),
    )


def _money(value):
    return value.amount if value is not None else None


EXPORT_COLUMNS = (
    Column("title", "Call", lambda r: r.title),
    Column("code", "Call id", lambda r: r.call_code),
    Column("programme", "Programme", lambda r: r.source_name),
    Column("kind", "Kind of source", lambda r: FundingSourceKind(r.source_kind).label if r.source_kind else ""),
    Column("status", "Status", lambda r: CallStatus(r.status).label),
    Column("deadline", "Next deadline", lambda r: r.next_deadline.due_on if r.next_deadline else None),
    Column("stage", "Stage", lambda r: r.next_deadline.stage if r.next_deadline else ""),
    Column("financing", "Financing rate %", lambda r: r.figures.financing_rate),
    Column("success", "Success rate %", lambda r: r.figures.success_rate),
    Column("currency", "Currency", lambda r: (r.figures.grant or r.granted).currency
           if (r.figures.grant or r.granted) else ""),
    Column("grant", "Typical grant", lambda r: _money(r.figures.grant)),
    Column("expected", "Expected value", lambda r: _money(r.figures.expected_value)),
    Column("own", "Own money to find", lambda r: _money(r.figures.own_contribution)),
    Column("granted", "Granted", lambda r: _money(r.granted)),
    Column("decided", "Decided on", lambda r: r.decided_on),
    Column("fit", "Fit (1–5)", lambda r: r.fit_rating),
    Column("ready", "Documents ready", lambda r: r.documents.done),
    Column("documents", "Documents", lambda r: r.documents.total),
    Column("responsible", "Responsible", lambda r: r.responsible),
)

STATUS_FILTERS = (("Open calls", funding_service.OPEN), ("All calls", None),
                  *((s.label, s.value) for s in CallStatus))


class CallsView(ListEditorView):
    kinds = ("funding_calls", "call_deadlines", "call_documents", "funding_sources")
    noun = "call"
    plural = "calls"
    export_title = "Funding calls"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by title, call id, programme, person…  (Ctrl+F)"
    list_share = 4, 3

    def __init__(self, controller, parent=None) -> None:
        self.columns = _columns(controller.today)
        super().__init__(controller, parent)
        self.sources_button = QPushButton("Sour&ces…")
        self.sources_button.setToolTip("The funding sources: basic funding, regional funds, EU programmes…")
        self.sources_button.clicked.connect(self.edit_sources)
        self.footer.insertWidget(1, self.sources_button)

    def filter_widgets(self):
        self.status_filter = QComboBox()
        for label, value in STATUS_FILTERS:
            self.status_filter.addItem(label, value)
        self.status_filter.setToolTip("Calls still in play (watching, preparing, submitted), all, or one status")
        self.source_filter = QComboBox()
        self.source_filter.addItem("All programmes", None)
        self.source_filter.setToolTip("Only calls from this programme")
        self.source_filter.setMinimumContentsLength(14)
        self.source_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return [self.status_filter, self.source_filter]

    def default_sort_column(self) -> int:
        return 3

    def make_editor(self) -> CallEditor:
        return CallEditor(self.controller)

    def refresh(self) -> None:
        if self.ctx is not None:
            wanted = self.source_filter.currentData()
            self.source_filter.blockSignals(True)
            self.source_filter.clear()
            self.source_filter.addItem("All programmes", None)
            for row in source_service.list_sources(self.ctx):
                self.source_filter.addItem(row.name, row.id)
            self.source_filter.setCurrentIndex(max(0, find_data(self.source_filter, wanted)))
            self.source_filter.blockSignals(False)
        super().refresh()

    def fetch_rows(self, text: str, deleted: bool):
        status = self.status_filter.currentData()
        return funding_service.list_calls(self.ctx, funding_service.CallFilter(
            text=text, status=None if deleted else status, source_id=self.source_filter.currentData(),
            deleted=deleted))

    def fetch_detail(self, record_id):
        return funding_service.get_call(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete call", funding_service.delete_call, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore call", funding_service.restore_call, record_id)

    def decorate(self, row, role: int):
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if row.status == CallStatus.GRANTED.value:
            return QBrush(QColor(DONE))
        if row.status in (CallStatus.REJECTED.value, CallStatus.WITHDRAWN.value):
            return QBrush(QColor("#8a96a3"))
        if row.next_deadline is not None:
            state = due_state(row.next_deadline.due_on, False, self.controller.today(), soon_days=14)
            if state == "overdue":
                return QBrush(QColor(OVERDUE))
            if state == "soon":
                return QBrush(QColor(DUE_SOON))
        return None

    def select_record(self, record_id, *, load: bool = True) -> bool:
        if self._proxy_row_of(record_id) < 0 and self.status_filter.currentData() is not None:
            # A decided call is not among the open ones: show every call rather than none.
            self.status_filter.setCurrentIndex(find_data(self.status_filter, None))
        return super().select_record(record_id, load=load)

    def edit_sources(self) -> None:
        from .sources import SourcesDialog

        SourcesDialog(self.controller, self).exec()
