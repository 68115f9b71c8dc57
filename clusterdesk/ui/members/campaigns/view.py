"""Members ▸ Campaigns (handbook §1.1.1, §1.1.2): the campaigns with their progress; the
selected campaign's facts and member list; and the call screen, which takes the whole
section while calling."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ....domain.campaigns import CampaignKind
from ....domain.formatting import format_date
from ....services import campaigns as campaign_service
from ...common.messages import ask_to_save, confirm
from ...common.tab import ListExport, TabPage
from ...common.table_model import Column, RowTableModel
from ...common.tables import RowChooser, row_at, sorted_table
from .call_screen import CallScreen
from .editor import CampaignEditor
from .targets import TARGET_COLUMNS, TargetsPanel


def _progress(row) -> str:
    """The same words as the progress bar: '31 of 71 called'."""
    return row.progress.headline(CampaignKind(row.kind)) if row.progress.total else "—"


def _mine(row) -> str:
    return f"{row.mine.finished} of {row.mine.total}" if row.mine.total else "—"


RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    Column("name", "Campaign", lambda r: r.name, width=160),
    Column("kind", "Kind", lambda r: CampaignKind(r.kind).label, width=114),
    Column("starts_on", "From", lambda r: r.starts_on, format_date, width=86),
    Column("progress", "Progress", lambda r: r.progress.fraction, width=106, text_of=_progress,
           tooltip=lambda r: r.progress.breakdown()),
    Column("mine", "Yours", lambda r: r.mine.fraction, width=58, align=RIGHT, text_of=_mine,
           tooltip=lambda r: f"Members assigned to you: {r.mine.headline(CampaignKind(r.kind))} — "
                             f"{r.mine.breakdown()}"),
)


class CampaignsView(TabPage):
    kinds = ("campaigns", "campaign_targets", "members", "questionnaires", "interactions",
             "answer_sets", "contacts")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)

        overview = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RowTableModel(COLUMNS, parent=self)
        self.view, self.proxy = sorted_table(self.model, COLUMNS, sort_column=2,
                                             order=Qt.SortOrder.DescendingOrder, stretch=0, parent=self)
        self.chooser = RowChooser(self.view, self._load, self.confirm_discard)
        self.view.activated.connect(lambda _i: self.start_calling())
        left_layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("Ne&w campaign")
        self.new_button.setToolTip("A new visit or phone campaign (Ctrl+N)")
        self.new_button.clicked.connect(self.new_campaign)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Move the selected campaign to the bin (Delete); its logged "
                                      "calls and answers stay with the members")
        self.delete_button.clicked.connect(self.delete_campaign)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        overview.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        self.editor = CampaignEditor(controller)
        self.editor.saved.connect(lambda detail: self._go_to(detail.id))
        right_layout.addWidget(self.editor)
        self.targets = TargetsPanel(controller)
        self.targets.call_requested.connect(self.start_calling)
        right_layout.addWidget(self.targets, 1)
        overview.addWidget(right)
        overview.setSizes([540, 780])
        self.stack.addWidget(overview)
        self.overview = overview

        self.call_screen = CallScreen(controller)
        self.call_screen.closed.connect(self.stop_calling)
        self.stack.addWidget(self.call_screen)

        QShortcut(QKeySequence.StandardKey.New, overview, self.new_campaign).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_campaign)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx is None:
            return
        if self.calling():
            return  # the call screen brings itself up to date after each save
        current = self.current_id()
        self.model.set_rows(campaign_service.list_campaigns(self.ctx))
        if current is None and self.proxy.rowCount():
            current = row_at(self.view, self.proxy.index(0, 0)).id
        self._go_to(current)

    def current_id(self) -> uuid.UUID | None:
        return self.chooser.current_id()

    def _go_to(self, campaign_id) -> None:
        if self.chooser.go_to(campaign_id):
            self._load(campaign_id)
        elif not self.editor.dirty:
            self._load(None)

    def _load(self, campaign_id) -> None:
        detail = campaign_service.get_campaign(self.ctx, campaign_id) if campaign_id else None
        if not (self.editor.dirty and self.editor.detail and detail and self.editor.detail.id == detail.id):
            self.editor.load(detail)
        self.editor.setEnabled(detail is not None or self.editor.dirty)
        self.targets.show_campaign(detail)

    # --- actions -------------------------------------------------------------------------

    def confirm_discard(self) -> bool:
        if self.calling():
            self.call_screen.keep_typing()
            return True
        if not self.editor.dirty:
            return True
        answer = ask_to_save(self, "Save the changes to this campaign first?")
        if answer == "save":
            return self.editor.save()
        if answer == "discard":
            self.editor.revert()
        return answer == "discard"

    def new_campaign(self) -> None:
        if not self.confirm_discard():
            return
        self.view.clearSelection()
        self.editor.setEnabled(True)
        self.editor.start_new()
        self.targets.show_campaign(None)

    def delete_campaign(self) -> None:
        row = row_at(self.view)
        if row is None:
            return
        if confirm(self, "Delete campaign", f"Move “{row.name}” to the bin? Its logged calls and "
                   "answers stay with the members.", "Delete"):
            self.controller.run_op(self, "Delete campaign", campaign_service.delete_campaign, row.id)

    def calling(self) -> bool:
        return self.stack.currentWidget() is self.call_screen

    def start_calling(self, target_id=None) -> None:
        campaign_id = self.current_id()
        if campaign_id is None or not self.confirm_discard():
            return
        self.stack.setCurrentWidget(self.call_screen)
        self.call_screen.open(campaign_id, target_id)

    def call_member(self, campaign_id, target_id) -> bool:
        """Open the call screen on one member of a campaign (from Today); what was typed for
        the member on screen waits on that member. False when the campaign is not listed."""
        if self.calling():
            self.call_screen.keep_typing()
            self.stack.setCurrentWidget(self.overview)
            self.refresh()
        if not self.confirm_discard() or not self.chooser.go_to(campaign_id):
            return False
        self._load(campaign_id)
        self.start_calling(target_id)
        return self.calling()

    def stop_calling(self) -> None:
        self.stack.setCurrentWidget(self.overview)
        self.refresh()
        self.view.setFocus()

    def focus_primary(self) -> None:
        if self.calling():
            first = self.call_screen.form.first_field()
            (first or self.call_screen.notes).setFocus()
        else:
            self.view.setFocus()

    def list_export(self) -> ListExport | None:
        if self.targets.detail is None:
            return ListExport("Campaigns", COLUMNS, self.model.rows())
        return ListExport(f"Campaign {self.targets.detail.data.name}", TARGET_COLUMNS,
                          self.targets.model.rows())
