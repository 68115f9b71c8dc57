"""The member's interaction history, newest first, with the selected entry in full underneath;
log, edit, mark the follow-up done, delete to the bin and restore."""

from __future__ import annotations

import uuid
from html import escape

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.formatting import format_date
from ...services import interactions as interaction_service
from ...services import today as today_service
from ...services.contacts import list_contacts
from ..common.table_model import ROW_ROLE, Column, RowTableModel
from ..common.theme import DONE, DUE_SOON, OVERDUE
from .contacts import copy_current_cell, table_view

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


class InteractionsSection(QWidget):
    count_changed = Signal(int)

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.member_id: uuid.UUID | None = None
        self.member_name = ""
        self.dialog = None  # the open InteractionDialog, if any

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Edit the selected interaction (Enter or F2)")
        self.edit_button.clicked.connect(self.edit_interaction)
        self.done_button = QPushButton("Follow-up done")
        self.done_button.setToolTip(f"Mark the selected interaction's follow-up as done ({DONE_KEY})")
        self.done_button.clicked.connect(self.mark_done)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_or_restore)
        self.bin = QCheckBox("Bin")
        self.bin.setToolTip("Show this member's deleted interactions, to restore them")
        self.bin.toggled.connect(self.refresh)
        for widget in (self.edit_button, self.done_button, self.delete_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.bin)
        layout.addLayout(bar)

        self.model = InteractionTableModel(COLUMNS, parent=self)
        self.model.decorate = self._decorate
        self.proxy = QSortFilterProxyModel(self)
        self.view = table_view(self.model, self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.view.doubleClicked.connect(lambda _index: self.edit_interaction())
        layout.addWidget(self.view, 3)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(70)
        layout.addWidget(self.details, 2)

        for key, slot in ((Qt.Key.Key_Return, self.edit_interaction),
                          (Qt.Key.Key_Enter, self.edit_interaction),
                          (Qt.Key.Key_F2, self.edit_interaction),
                          (QKeySequence(DONE_KEY), self.mark_done),
                          (QKeySequence.StandardKey.Delete, self.delete_or_restore),
                          (QKeySequence.StandardKey.Copy, lambda: copy_current_cell(self.view))):
            shortcut = QShortcut(QKeySequence(key), self.view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _decorate(self, row, role):
        if role == Qt.ItemDataRole.ForegroundRole and row.follow_up_on is not None:
            if row.follow_up_done_at is not None:
                return QColor(DONE)
            today = self.controller.today()
            if row.follow_up_on < today:
                return QColor(OVERDUE)
            if (row.follow_up_on - today).days <= 7:
                return QColor(DUE_SOON)
        return None

    # --- loading -------------------------------------------------------------------------

    def load(self, member_id: uuid.UUID | None, name: str = "") -> None:
        changed = member_id != self.member_id
        self.member_id, self.member_name = member_id, name
        if changed and self.bin.isChecked():
            self.bin.blockSignals(True)
            self.bin.setChecked(False)
            self.bin.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        current = self.current_interaction()
        rows = (interaction_service.list_interactions(self.controller.ctx, self.member_id,
                                                      deleted=self.bin.isChecked())
                if self.member_id and self.controller.ctx else [])
        self.model.set_rows(rows)
        self.setEnabled(self.member_id is not None)
        in_bin = self.bin.isChecked()
        self.delete_button.setText("Restore" if in_bin else "Delete")
        self.delete_button.setToolTip("Bring the selected interaction back (Del)" if in_bin else
                                      "Move the selected interaction to the bin (Del)")
        for button in (self.edit_button, self.done_button):
            button.setEnabled(not in_bin and bool(rows))
        self.delete_button.setEnabled(bool(rows))
        if rows:
            wanted = next((i for i, r in enumerate(rows) if current and r.id == current.id), 0)
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(wanted, 0)).row())
        self._show_details()
        if not in_bin:
            self.count_changed.emit(len(rows))

    def current_interaction(self) -> interaction_service.InteractionRow | None:
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_details(self) -> None:
        row = self.current_interaction()
        self.done_button.setEnabled(bool(row and row.follow_up_on and not row.follow_up_done_at
                                         and not self.bin.isChecked()))
        if row is None:
            self.details.setText(f"<i>Nothing logged yet — log a call or visit with {LOG_KEY}.</i>"
                                 if self.member_id and not self.bin.isChecked() else "")
            return
        lines = [f"<b>{escape(row.kind_label)}, {format_date(row.occurred_on, style='full')}</b>"
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
        self.details.setText("<br>".join(lines))

    # --- actions -------------------------------------------------------------------------

    def _open(self, row) -> None:
        from .interaction_dialog import InteractionDialog

        ctx = self.controller.ctx
        self.dialog = InteractionDialog(self.controller, self.member_id, self.member_name,
                                        list_contacts(ctx, self.member_id),
                                        interaction_service.known_staff(ctx), row, self)
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(lambda _result: self._closed())
        self.dialog.open()
        self.dialog.activateWindow()

    def _closed(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # back to the list, ready for the next key
        self.view.setFocus()

    def log_interaction(self) -> None:
        if self.member_id is None:
            return
        if self.bin.isChecked():
            self.bin.setChecked(False)
        self._open(None)

    def edit_interaction(self) -> None:
        row = self.current_interaction()
        if row is not None and not self.bin.isChecked():
            self._open(row)

    def _saved(self, row) -> None:
        self.refresh()
        source = next((i for i, r in enumerate(self.model.rows()) if r.id == row.id), -1)
        if source >= 0:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(source, 0)).row())
        task = f"; follow-up on {format_date(row.follow_up_on)} is on Today" if (
            row.follow_up_on and not row.follow_up_done_at) else ""
        self.controller.status.emit(f"{row.kind_label} of {format_date(row.occurred_on)} saved{task}.")

    def mark_done(self) -> None:
        row = self.current_interaction()
        if row is None or row.follow_up_on is None or row.follow_up_done_at is not None:
            return
        if self.controller.run_op(self, "Follow-up done", today_service.complete_follow_up,
                                  row.id) is not None:
            self.controller.status.emit("Follow-up marked as done.")

    def delete_or_restore(self) -> None:
        row = self.current_interaction()
        if row is None:
            return
        if self.bin.isChecked():
            if self.controller.run_op(self, "Restore interaction",
                                      interaction_service.restore_interaction, row.id) is not None:
                self.controller.status.emit("Interaction restored.")
            return
        if self.controller.run_op(self, "Delete interaction",
                                  interaction_service.delete_interaction, row.id) is not None:
            self.controller.status.emit("Interaction moved to the bin — tick Bin to restore it.")

    def export_rows(self):
        return EXPORT_COLUMNS, self.model.rows()
