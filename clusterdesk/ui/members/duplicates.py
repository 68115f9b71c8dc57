"""Members ▸ Duplicates: likely duplicate members or contacts among all records, merged in a
side-by-side dialog; recent merges, each of which can be undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import Changes
from ...domain.formatting import format_datetime
from ...services import duplicates as duplicate_service
from ...services import merges as merge_service
from ..common.messages import confirm
from ..common.tab import ListExport, TabPage
from ..common.table_model import Column, RowTableModel
from ..common.tables import sorted_table
from ..imports.jobs import JobBar, selected_rows, was_cancelled

PAIR_COLUMNS = (
    Column("score", "Likeness", lambda p: p.score, lambda s: f"{s:.0f} %",
           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, width=70),
    Column("a", "One", lambda p: p.a.name, width=220, tooltip=lambda p: p.a.detail),
    Column("a_detail", "Details", lambda p: p.a.detail, width=230, tooltip=lambda p: p.a.detail),
    Column("b", "The other", lambda p: p.b.name, width=220, tooltip=lambda p: p.b.detail),
    Column("b_detail", "Details", lambda p: p.b.detail, width=230, tooltip=lambda p: p.b.detail),
    Column("why", "Why", lambda p: p.reason_text),
)
MERGE_COLUMNS = (
    Column("at", "When", lambda m: m.at, format_datetime, width=140),
    Column("by", "By", lambda m: m.by, width=130),
    Column("entity", "What", lambda m: "Member" if m.entity == duplicate_service.MEMBERS else "Contact",
           width=70),
    Column("kept", "Kept", lambda m: m.kept_name, width=220),
    Column("merged", "Merged into it", lambda m: m.merged_name, width=220),
    Column("state", "State", lambda m: "Undone " + format_datetime(m.undone_at) if m.undone_at else "Merged"),
)
KINDS = (("Members", duplicate_service.MEMBERS), ("Contacts", duplicate_service.CONTACTS))
HINTS = {
    duplicate_service.MEMBERS: "Compared: CVR/VAT, the name (legal forms like A/S, ApS, GmbH left "
                               "out, typos forgiven), email and web domain, phone.",
    duplicate_service.CONTACTS: "Compared: email address; phone and a similar name; a similar name "
                                "at the same member.",
}


class DuplicatesView(TabPage):
    kinds = ("members", "contacts", "merge_records")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        bar = QHBoxLayout()
        look_for = QLabel("&Look for duplicate")
        bar.addWidget(look_for)
        self.kind_combo = QComboBox()
        for title, kind in KINDS:
            self.kind_combo.addItem(title.lower(), kind)
        look_for.setBuddy(self.kind_combo)
        bar.addWidget(self.kind_combo)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.find())
        self.find_button = QPushButton("Find &again")
        self.find_button.setToolTip("Look for duplicates again (F5)")
        self.find_button.clicked.connect(self.find)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.find)
        bar.addWidget(self.find_button)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        bar.addWidget(self.count_label, 1)
        self.job = JobBar()
        bar.addWidget(self.job, 2)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.pairs_model = RowTableModel(PAIR_COLUMNS, [], self)
        self.pairs_view, _ = sorted_table(self.pairs_model, PAIR_COLUMNS, order=Qt.SortOrder.DescendingOrder, parent=self,
                                          stretch=len(PAIR_COLUMNS) - 1)
        self.pairs_view.doubleClicked.connect(lambda _i: self.merge_selected())
        self.pairs_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.pairs_view, lambda: self.merge_selected())
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.pairs_view, 1)
        pair_buttons = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setProperty("role", "hint")
        pair_buttons.addWidget(self.hint, 1)
        self.merge_button = QPushButton("&Merge…")
        self.merge_button.setToolTip("Compare the two side by side and merge them (Enter)")
        self.merge_button.clicked.connect(lambda: self.merge_selected())
        pair_buttons.addWidget(self.merge_button)
        top_layout.addLayout(pair_buttons)
        splitter.addWidget(top)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        recent = QLabel("Recent merges")
        recent.setProperty("role", "subheading")
        bottom_layout.addWidget(recent)
        self.merges_model = RowTableModel(MERGE_COLUMNS, [], self)
        self.merges_model.decorate = self._decorate_merge
        self.merges_view, _ = sorted_table(self.merges_model, MERGE_COLUMNS, order=Qt.SortOrder.DescendingOrder, parent=self,
                                           stretch=len(MERGE_COLUMNS) - 1)
        self.merges_view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        bottom_layout.addWidget(self.merges_view, 1)
        undo_row = QHBoxLayout()
        undo_row.addStretch(1)
        self.undo_button = QPushButton("&Undo merge…")
        self.undo_button.setToolTip("Split the selected merge again: both records as they were")
        self.undo_button.clicked.connect(lambda: self.undo_selected())
        undo_row.addWidget(self.undo_button)
        bottom_layout.addLayout(undo_row)
        splitter.addWidget(bottom)
        splitter.setSizes([420, 200])
        layout.addWidget(splitter, 1)
        self._stale = True
        self._update_buttons()

    @property
    def entity(self) -> str:
        return self.kind_combo.currentData()

    # --- finding ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = True
        if self.isVisible():
            self.find()
        self._load_merges()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.find()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.kinds):
            self.refresh()

    def find(self) -> None:
        if self.ctx is None:
            return
        self._stale = False
        ctx, entity = self.ctx, self.entity
        self.hint.setText(HINTS[entity])
        finder = (duplicate_service.find_member_duplicates if entity == duplicate_service.MEMBERS
                  else duplicate_service.find_contact_duplicates)

        def done(pairs) -> None:
            if entity != self.entity:
                self.find()
                return
            self.pairs_model.set_rows(pairs)
            noun = "pair" if len(pairs) == 1 else "pairs"
            self.count_label.setText(f"{len(pairs):,} likely duplicate {noun}" if pairs else
                                     f"No likely duplicate {self.kind_combo.currentText()} found.")
            if pairs:
                self.pairs_view.selectRow(0)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            self._stale = True
            self.count_label.setText("Cancelled." if was_cancelled(exc) else f"The search failed: {exc}")

        self.job.run(self.controller.runner, lambda progress, cancel: finder(ctx, progress, cancel),
                     done, failed, "Comparing")

    def _load_merges(self) -> None:
        self.merges_model.set_rows(merge_service.recent_merges(self.ctx) if self.ctx else [])
        if self.merges_model.rowCount():
            self.merges_view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(bool(selected_rows(self.pairs_view)))
        merges = selected_rows(self.merges_view)
        self.undo_button.setEnabled(bool(merges) and merges[0].undone_at is None)

    def _decorate_merge(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.undone_at is not None:
            return QColor("#8a96a3")
        return None

    # --- merging ------------------------------------------------------------------------------

    def merge_selected(self) -> None:
        pairs = selected_rows(self.pairs_view)
        if not pairs:
            return
        self.merge_dialog(pairs[0]).open()

    def merge_dialog(self, pair):
        """The side-by-side dialog for a pair."""
        from .merge_dialog import MergeDialog

        return MergeDialog(self.controller, pair.entity, pair.a.id, pair.b.id, self)

    def undo_selected(self, ask: bool = True) -> None:
        rows = selected_rows(self.merges_view)
        if not rows or rows[0].undone_at is not None:
            return
        row = rows[0]
        if ask and not confirm(self, "Undo merge", f"Split “{row.merged_name}” from “{row.kept_name}” "
                               "again? Everything that was moved goes back, and fields filled in by "
                               "the merge get their earlier values (unless edited since).", "Undo merge"):
            return
        result = self.controller.run_op(self, "Undo merge", merge_service.undo_merge, row.id)
        if result is None:
            return
        outcome, _changes = result
        text = f"“{outcome.restored.name}” is back as a record of its own."
        if outcome.kept_later_edits:
            text += " Kept edits made since the merge: " + ", ".join(outcome.kept_later_edits) + "."
        self.controller.status.emit(text)

    def list_export(self) -> ListExport:
        return ListExport("Likely duplicates", PAIR_COLUMNS, self.pairs_model.rows())

    def focus_primary(self) -> None:
        self.pairs_view.setFocus()
