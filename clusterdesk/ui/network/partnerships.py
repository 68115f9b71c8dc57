"""Network ▸ Meta-clusters: the partnerships the cluster is in (§5.1.1, §5.3) — their kind, our
role, the partners abroad in them and the joint agenda's next point — beside the editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.countries import country_name
from ...domain.formatting import format_date
from ...domain.network import OurRole, PartnershipKind
from ...services import partnerships as service
from ..common.forms import enum_combo
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DUE_SOON, OVERDUE
from .partnership_editor import PartnershipEditor
from .widgets import compact

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NO_DATE = date.max  # sorts records without a date last


COLUMNS = (
    Column("name", "Name", lambda r: r.name,
           tooltip=lambda r: f"{r.name}\n{PartnershipKind(r.kind).label} · our role: {OurRole(r.our_role).label}"),
    Column("kind", "Kind", lambda r: PartnershipKind(r.kind).label, width=120),
    Column("partners", "Partners", lambda r: len(r.partners), width=66, align=RIGHT,
           tooltip=lambda r: "\n".join(r.partners) or "No partners ticked yet"),
    Column("open", "Open", lambda r: r.open_points, width=48, align=RIGHT,
           tooltip=lambda r: f"{r.open_points} open on the joint agenda, {r.overdue} overdue"),
    Column("next", "Next point", lambda r: r.next_due or NO_DATE, width=92,
           text_of=lambda r: format_date(r.next_due)),
)
EXPORT_COLUMNS = (
    Column("name", "Name", lambda r: r.name),
    Column("kind", "Kind", lambda r: PartnershipKind(r.kind).label),
    Column("role", "Our role", lambda r: OurRole(r.our_role).label),
    Column("from", "From", lambda r: r.starts_on),
    Column("until", "Until", lambda r: r.ends_on),
    Column("count", "Partners", lambda r: len(r.partners)),
    Column("partners", "Partners abroad", lambda r: "; ".join(r.partners)),
    Column("countries", "Countries", lambda r: ", ".join(country_name(c) for c in r.countries)),
    Column("open", "Open agenda points", lambda r: r.open_points),
    Column("overdue", "Overdue", lambda r: r.overdue),
    Column("next", "Next point due", lambda r: r.next_due),
    Column("done", "Points done in the last 12 months", lambda r: r.done_last_year),
)


class PartnershipsView(ListEditorView):
    kinds = ("partnerships", "partnership_agenda_items", "partners")
    noun = "partnership"
    plural = "partnerships"
    export_title = "Meta-clusters and partnerships"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by name, partner, agenda point…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 2, 3
    stretch_column = 0  # the name takes what the other columns leave

    def filter_widgets(self):
        self.kind_filter = compact(enum_combo(PartnershipKind, "All kinds"), 10)
        self.kind_filter.setToolTip("Only partnerships of this kind")
        return [self.kind_filter]

    def make_editor(self) -> PartnershipEditor:
        return PartnershipEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return service.list_partnerships(self.ctx, service.PartnershipFilter(
            text=text, kind=self.kind_filter.currentData(), deleted=deleted))

    def fetch_detail(self, record_id):
        return service.get_partnership(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete partnership", service.delete_partnership, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore partnership", service.restore_partnership, record_id)

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.next_due is not None:
            if row.overdue:
                return QBrush(QColor(OVERDUE))
            if (row.next_due - self.controller.today()).days <= 14:
                return QBrush(QColor(DUE_SOON))
        return None

    def open_point(self, point_id) -> bool:
        """Show the partnership of an agenda point, on its agenda (from Today)."""
        if not self.select_record(service.partnership_of_point(self.ctx, point_id)):
            return False
        self.editor.tabs.setCurrentIndex(1)
        agenda = self.editor.agenda
        for number, row in enumerate(agenda.rows()):
            if row.get("id") == point_id:
                agenda.view.setCurrentIndex(agenda.model.index(number, 1))
                agenda.view.setFocus()
        return True
