"""The member's interaction history, newest first, with the selected entry in full underneath;
log, edit, mark the follow-up done, delete to the bin and restore."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QPushButton

from ...domain.formatting import format_date
from ...services import call_backs
from ...services import interactions as interaction_service
from ...services import today as today_service
from ...services.contacts import list_contacts
from ..common.table_model import Column, RowTableModel
from ..common.theme import DONE, DUE_SOON, OVERDUE
from .section import MemberSection

LOG_KEY = "Ctrl+L"
DONE_KEY = "Ctrl+D"


def follow_up_text(row) -> str:
    if row.follow_up_on is None:
        return ""
    if row.follow_up_done_at is not None:
        return f"✓ {format_date(row.follow_up_on)}"
    return format_date(row.follow_up_on)


COLUMNS = (
    Column("occurred_on", "Date", lambda r: r.occurred_on, format_date, width=90),
    Column("kind", "Kind", lambda r: r.kind_label, width=78),
    Column("people", "With", lambda r: r.people, width=120, tooltip=lambda r: r.people),
    Column("follow_up_on", "Follow-up", lambda r: r.follow_up_on, width=96,
           tooltip=lambda r: r.next_step),
    Column("staff", "Staff", lambda r: r.staff, width=105, tooltip=lambda r: r.staff),
    Column("summary", "Summary", lambda r: " ".join(r.summary.split()), width=220,
           tooltip=lambda r: r.summary),
)
EXPORT_COLUMNS = (
    COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[4],
    Column("summary", "Summary", lambda r: r.summary),
    Column("needs", "Needs recorded", lambda r: r.needs),
    Column("next_step", "Next step", lambda r: r.next_step),
    COLUMNS[3],
    Column("follow_up_done_at", "Follow-up done", lambda r: r.follow_up_done_at),
    Column("follow_up_done_by", "Done by", lambda r: r.follow_up_done_by),
)


class InteractionTableModel(RowTableModel):
    """Shows a done follow-up with a tick; its value stays the date, for sorting and Excel."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and index.isValid()
                and self.columns[index.column()].key == "follow_up_on"):
            return follow_up_text(self.row_at(index.row()))
        return super().data(index, role)


class InteractionsSection(MemberSection):
    noun = "interaction"
    columns = COLUMNS
    export_columns = EXPORT_COLUMNS
    model_class = InteractionTableModel
    delete_fn = staticmethod(interaction_service.delete_interaction)
    restore_fn = staticmethod(interaction_service.restore_interaction)

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)

    def extra_buttons(self):
        self.done_button = QPushButton("Follow-up done")
        self.done_button.setToolTip(f"Mark the selected interaction's follow-up as done ({DONE_KEY})")
        self.done_button.clicked.connect(self.mark_done)
        return [self.done_button]

    def extra_keys(self):
        return [(QKeySequence(DONE_KEY), self.mark_done)]

    def update_buttons(self, row, in_bin: bool) -> None:
        self.done_button.setEnabled(bool(row and row.follow_up_on and not row.follow_up_done_at
                                         and not in_bin))

    def decorate(self, row, role):
        if role == Qt.ItemDataRole.ForegroundRole and row.follow_up_on is not None:
            if row.follow_up_done_at is not None:
                return QColor(DONE)
            today = self.controller.today()
            if row.follow_up_on < today:
                return QColor(OVERDUE)
            if (row.follow_up_on - today).days <= 7:
                return QColor(DUE_SOON)
        return None

    def fetch(self, deleted: bool):
        return interaction_service.list_interactions(self.controller.ctx, self.member_id,
                                                     deleted=deleted)

    def empty_hint(self) -> str:
        return f"<i>Nothing logged yet — log a call or visit with {LOG_KEY}.</i>"

    def describe(self, row) -> str:
        lines = [f"<b>{escape(row.kind_label)}, {format_date(row.occurred_on)}</b>"
                 f" — {escape(row.staff)}" + (f", with {escape(row.people)}" if row.people else "")]
        for label, text in (("Summary", row.summary), ("Needs", row.needs),
                            ("Next step", row.next_step)):
            if text:
                lines.append(f"<b>{label}:</b> {escape(text)}".replace("\n", "<br>"))
        if row.follow_up_on:
            state = (f"done by {escape(row.follow_up_done_by or 'someone')} on "
                     f"{format_date(row.follow_up_done_at)}" if row.follow_up_done_at else
                     "open — on the Today list")
            lines.append(f"<b>Follow-up:</b> {format_date(row.follow_up_on)}, {state}")
        return "<br>".join(lines)

    def make_dialog(self, row):
        from .interaction_dialog import InteractionDialog

        ctx = self.controller.ctx
        return InteractionDialog(self.controller, self.member_id, self.member_name,
                                 list_contacts(ctx, self.member_id),
                                 interaction_service.known_staff(ctx), row, self)

    def saved_message(self, saved) -> str:
        task = f"; follow-up on {format_date(saved.follow_up_on)} is on Today" if (
            saved.follow_up_on and not saved.follow_up_done_at) else ""
        return f"{saved.kind_label} of {format_date(saved.occurred_on)} saved{task}."

    # the names the member view and its tests use
    log_interaction = MemberSection.add
    edit_interaction = MemberSection.edit
    current_interaction = MemberSection.current_row

    def mark_done(self) -> None:
        row = self.current_row()
        if row is None or row.follow_up_on is None or row.follow_up_done_at is not None:
            return
        in_campaign = call_backs.pending_call_back(self.controller.ctx, row.id) is not None
        if self.controller.run_op(self, "Follow-up done", today_service.complete_follow_up,
                                  row.id) is not None:
            self.controller.status.emit(
                "Call-back done: recorded in the campaign as a call that went through, without "
                "answers." if in_campaign else "Follow-up marked as done.")
