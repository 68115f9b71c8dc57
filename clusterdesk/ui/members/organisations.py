"""Members ▸ Organisations (Phase 1): the member list, filtered as you type, beside the editor."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.countries import country_name
from ...domain.enums import InternationalOrientation, MemberKind, MemberStatus
from ...domain.formatting import format_date
from ...services import members as member_service
from ..common.tab import ListExport, TabPage
from ..common.table_model import ROW_ROLE, Column, PagedTableModel

COLUMNS = (
    Column("name", "Name", lambda r: r.name, width=260),
    Column("city", "City", lambda r: r.city, width=110),
    Column("country", "Country", lambda r: country_name(r.country), width=90),
    Column("kind", "Kind", lambda r: MemberKind(r.kind).label, width=110),
    Column("status", "Status", lambda r: MemberStatus(r.status).label, width=70),
    Column("orientation", "International", lambda r: InternationalOrientation(r.orientation).label,
           width=130),
    Column("sectors", "Sectors", lambda r: ", ".join(r.sectors), width=180),
    Column("tags", "Tags", lambda r: ", ".join(r.tags), width=140),
    Column("last_interaction_on", "Last contact", lambda r: r.last_interaction_on, format_date,
           width=100),
)
SQL_SORTABLE = set(member_service.SORTABLE)


class OrganisationsView(TabPage):
    kinds = ("members", "tags", "member_markets", "interactions", "contacts")

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        from .editor import MemberEditor

        self.filter_state = member_service.MemberFilter()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by name, city, sector, tag, country, CVR…  (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        bar.addWidget(self.filter_edit, 1)
        self.status_filter = QComboBox()
        self.status_filter.addItem("All statuses", None)
        for value, label in MemberStatus.choices():
            self.status_filter.addItem(label, value)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        bar.addWidget(self.status_filter)
        self.bin_toggle = QCheckBox("&Bin")
        self.bin_toggle.setToolTip("Show deleted members, to restore them")
        self.bin_toggle.toggled.connect(self._filter_changed)
        bar.addWidget(self.bin_toggle)
        left_layout.addLayout(bar)

        self.model = PagedTableModel(COLUMNS, self._count, self._page, self)
        self.model.sort_key = "name"
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        for i, column in enumerate(COLUMNS):
            if column.width:
                self.view.setColumnWidth(i, column.width)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        left_layout.addWidget(self.view, 1)
        footer = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        footer.addWidget(self.count_label, 1)
        self.new_button = QPushButton("&New member")
        self.new_button.setToolTip("Add a member organisation (Ctrl+N)")
        self.new_button.clicked.connect(self.new_member)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip("Move the selected member to the bin (Del); it can be restored")
        self.delete_button.clicked.connect(self.delete_or_restore)
        footer.addWidget(self.new_button)
        footer.addWidget(self.delete_button)
        left_layout.addLayout(footer)
        splitter.addWidget(left)

        self.editor = MemberEditor(controller)
        self.editor.saved.connect(self._saved)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 480])

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_primary)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_member)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_or_restore)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.filter_edit.returnPressed.connect(self._focus_list)
        self._selecting = False

    # --- data ----------------------------------------------------------------------------

    def _count(self) -> int:
        return member_service.count_members(self.ctx, self.filter_state) if self.ctx else 0

    def _page(self, offset: int, limit: int):
        if self.ctx is None:
            return []
        key = self.model.sort_key if self.model.sort_key in SQL_SORTABLE else "name"
        return member_service.member_page(self.ctx, self.filter_state, sort=key,
                                          descending=self.model.descending, offset=offset, limit=limit)

    def refresh(self) -> None:
        current = self.current_member_id()
        self.model.reload()
        self._update_count()
        if current is not None:
            self.select_member(current, load=False)

    def _update_count(self) -> None:
        n = self.model.rowCount()
        noun = "member" if n == 1 else "members"
        where = " in the bin" if self.filter_state.deleted else ""
        self.count_label.setText(f"{n:,} {noun}{where}")
        self.delete_button.setText("&Restore" if self.filter_state.deleted else "&Delete")

    def _filter_changed(self, *_args) -> None:
        self.filter_state = member_service.MemberFilter(
            text=self.filter_edit.text(), status=self.status_filter.currentData(),
            deleted=self.bin_toggle.isChecked())
        self.model.reload()
        self._update_count()

    # --- selection and editing -----------------------------------------------------------

    def current_member_id(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row.id if row is not None else None

    def select_member(self, member_id: uuid.UUID, *, load: bool = True) -> bool:
        """Select a member in the list (clearing the filter if it hides it) and edit it."""
        row = self.model.find_row(lambda r: r.id == member_id)
        if row < 0 and (self.filter_state.text or self.filter_state.status or self.filter_state.deleted):
            self.filter_edit.blockSignals(True)
            self.filter_edit.clear()
            self.filter_edit.blockSignals(False)
            self.status_filter.setCurrentIndex(0)
            self.bin_toggle.setChecked(False)
            self._filter_changed()
            row = self.model.find_row(lambda r: r.id == member_id)
        if row < 0:
            # Not on a loaded page: show it alone by its name.
            try:
                detail = member_service.get_member(self.ctx, member_id)
            except Exception:  # noqa: BLE001
                return False
            self.filter_edit.setText(detail.data.name)
            row = self.model.find_row(lambda r: r.id == member_id)
            if row < 0:
                self.editor.load(detail)
                return True
        self._selecting = not load
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(self.model.index(row, 0))
        self._selecting = False
        return True

    def _row_changed(self, current, previous) -> None:
        if self._selecting:
            return
        row = self.model.data(current, ROW_ROLE) if current.isValid() else None
        if row is None:
            return
        moving_away = self.editor.dirty and self.editor.member_id != row.id
        if moving_away and not self.confirm_discard():
            self._selecting = True
            self.view.selectionModel().setCurrentIndex(
                previous, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self._selecting = False
            return
        self.editor.load(member_service.get_member(self.ctx, row.id))

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to move on."""
        if not self.editor.dirty:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", "Save the changes to this member first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.revert()
            return True
        return False

    def new_member(self) -> None:
        if not self.confirm_discard():
            return
        self.view.clearSelection()
        self.editor.start_new()

    def _saved(self, detail) -> None:
        QTimer.singleShot(0, lambda: self.select_member(detail.id, load=False))

    def delete_or_restore(self) -> None:
        member_id = self.current_member_id()
        if member_id is None:
            return
        if self.filter_state.deleted:
            self.controller.run_op(self, "Restore member", member_service.restore_member, member_id)
            self.controller.status.emit("Member restored.")
            return
        name = self.model.data(self.view.currentIndex(), ROW_ROLE).name
        if self.controller.run_op(self, "Delete member", member_service.delete_member, member_id):
            self.editor.load(None)
            self.editor._set_dirty(False)
            self.editor.setEnabled(False)
            self.controller.status.emit(f"“{name}” moved to the bin — tick Bin to restore it.")

    def _focus_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.selectRow(0)

    def focus_primary(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def list_export(self) -> ListExport:
        rows = member_service.member_page(self.ctx, self.filter_state, sort="name", limit=None)
        return ListExport("Members", COLUMNS, rows)
