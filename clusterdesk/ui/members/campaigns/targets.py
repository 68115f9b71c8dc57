"""A campaign's member list: who calls whom and how far it got, with the actions on it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....domain.campaigns import CampaignKind, TargetStatus
from ....domain.enums import InternationalOrientation
from ....domain.formatting import format_date
from ....services import campaigns as campaign_service
from ...common.messages import confirm
from ...common.table_model import Column, RowTableModel
from ...common.tables import row_at, sorted_table
from ...common.theme import DONE, DUE_SOON, OVERDUE
from .dialogs import AddMembersDialog, AssignDialog

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
TARGET_COLUMNS = (
    Column("member", "Member", lambda r: r.member_name, width=210),
    Column("city", "City", lambda r: r.city, width=84),
    Column("orientation", "International", lambda r: InternationalOrientation(r.orientation).label,
           width=100),
    Column("assigned_to", "Calls", lambda r: r.assigned_to, width=132),
    Column("status", "Status", lambda r: TargetStatus(r.status).label + (" ✎" if r.has_draft else ""),
           width=98),
    Column("call_back_on", "Call back", lambda r: r.call_back_on, format_date, width=86),
    Column("attempts", "Tries", lambda r: r.attempts, align=RIGHT, width=40),
    Column("last_attempt_on", "Last try", lambda r: r.last_attempt_on, format_date, width=86),
)


class TargetsPanel(QWidget):
    call_requested = Signal(object)  # target id, or None for "the next one"

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.detail = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        head.addWidget(self.progress, 1)
        self.call_button = QPushButton("▶  Sta&rt calling")
        self.call_button.setToolTip("Open the call screen on your next member (Enter on the "
                                    "campaign list); continues where you paused")
        self.call_button.clicked.connect(lambda: self.call_requested.emit(None))
        head.addWidget(self.call_button)
        layout.addLayout(head)
        self.breakdown = QLabel()
        self.breakdown.setProperty("role", "hint")
        self.breakdown.setWordWrap(True)
        layout.addWidget(self.breakdown)
        self.model = RowTableModel(TARGET_COLUMNS, parent=self)
        self.model.decorate = self._decorate
        self.view, self.proxy = sorted_table(self.model, TARGET_COLUMNS, multi=True, stretch=0,
                                             row_height=24, parent=self)
        self.view.activated.connect(self._open_selected)
        self.view.setToolTip("Enter opens the call screen on that member (also to correct answers)")
        heading = QLabel("Mem&bers on the list", buddy=self.view)
        heading.setProperty("role", "subheading")
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add members…")
        self.add_button.setToolTip("Choose members with the member filters (status, orientation, "
                                   "sector or tag, city)")
        self.add_button.clicked.connect(self.add_members)
        self.assign_button = QPushButton("Who &calls…")
        self.assign_button.setToolTip("Give the selected members to someone, or share them out in turn")
        self.assign_button.clicked.connect(self.assign)
        self.remove_button = QPushButton("Take off the list")
        self.remove_button.setToolTip("Take the selected members off (Delete); called members stay")
        self.remove_button.clicked.connect(self.remove)
        for button in (self.add_button, self.assign_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _decorate(self, row, role):
        if role != Qt.ItemDataRole.ForegroundRole:
            return None
        if row.status == TargetStatus.CALL_BACK.value and row.call_back_on:
            today = self.controller.today()
            if row.call_back_on < today:
                return QBrush(QColor(OVERDUE))
            if row.call_back_on == today:
                return QBrush(QColor(DUE_SOON))
        if row.status in (TargetStatus.DONE.value, TargetStatus.DECLINED.value):
            return QBrush(QColor(DONE))
        return None

    def show_campaign(self, detail) -> None:
        self.detail = detail
        rows = campaign_service.campaign_targets(self.controller.ctx, detail.id) if detail else []
        self.model.set_rows(rows)
        for widget in (self.call_button, self.add_button, self.assign_button, self.remove_button,
                       self.view):
            widget.setEnabled(detail is not None)
        if detail is None:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat("Save the campaign, then add its members")
            self.breakdown.clear()
            return
        progress = detail.progress
        kind = CampaignKind(detail.data.kind)
        self.progress.setRange(0, max(1, progress.total))
        self.progress.setValue(progress.finished)
        self.progress.setFormat(progress.headline(kind) if progress.total else "No members yet")
        self.breakdown.setText(progress.breakdown() if progress.total else
                               "Add members (Alt+A) to start: choose them by status, orientation, "
                               "sector or city.")
        self.call_button.setEnabled(progress.total > 0)

    def selected_rows(self):
        rows = {row_at(self.view, i) for i in self.view.selectionModel().selectedRows()}
        return sorted(rows, key=lambda r: r.member_name)

    def _open_selected(self, index) -> None:
        row = row_at(self.view, index)
        if row is not None:
            self.call_requested.emit(row.id)

    def add_members(self) -> None:
        if self.detail is None:
            return
        already = {r.member_id for r in self.model.rows()}
        dialog = AddMembersDialog(self.controller, self.detail.id, already, self)
        if dialog.exec() and dialog.added:
            self.controller.status.emit(f"{dialog.added} members added to “{self.detail.data.name}”.")

    def assign(self) -> None:
        if self.detail is None:
            return
        AssignDialog(self.controller, self.detail.id, [r.id for r in self.selected_rows()], self).exec()

    def remove(self) -> None:
        rows = self.selected_rows()
        if self.detail is None or not rows:
            return
        names = ", ".join(r.member_name for r in rows[:3]) + (" …" if len(rows) > 3 else "")
        if confirm(self, "Take off the list", f"Take {len(rows)} member{'s' if len(rows) != 1 else ''} "
                   f"off “{self.detail.data.name}”? ({names})", "Take off"):
            self.controller.run_op(self, "Take off the list", campaign_service.remove_targets,
                                   self.detail.id, [r.id for r in rows])
