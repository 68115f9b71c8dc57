"""What the member view's lists share: one kind of a member's records (contact persons,
interactions) in a table with the selected one in full underneath; Enter edits in a dialog,
Del moves to the bin (and, with Bin ticked, restores), Ctrl+C copies the cell."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..common.table_model import ROW_ROLE, SORT_ROLE, Column, RowTableModel


def table_view(model, proxy: QSortFilterProxyModel) -> QTableView:
    """The look every small list in the member view shares."""
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTabKeyNavigation(False)
    for i, column in enumerate(model.columns):
        if column.width:
            view.setColumnWidth(i, column.width)
    return view


def copy_current_cell(view: QTableView) -> None:
    index = view.currentIndex()
    if index.isValid():
        QGuiApplication.clipboard().setText(str(index.data() or ""))


class MemberSection(QWidget):
    count_changed = Signal(int)

    noun = "record"  # "contact", "interaction": used in tooltips and messages
    columns: Sequence[Column] = ()
    export_columns: Sequence[Column] = ()
    model_class = RowTableModel
    delete_fn: Callable
    restore_fn: Callable

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.member_id: uuid.UUID | None = None
        self.member_name = ""
        self.member_country: str | None = None
        self.dialog = None  # the open edit dialog, if any

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip(f"Edit the selected {self.noun} (Enter or F2)")
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_or_restore)
        self.bin = QCheckBox("Bin")
        self.bin.setToolTip(f"Show this member's deleted {self.noun}s, to restore them")
        self.bin.toggled.connect(self.refresh)
        for widget in (self.edit_button, *self.extra_buttons(), self.delete_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.bin)
        layout.addLayout(bar)

        self.model = self.model_class(self.columns, parent=self)
        self.model.decorate = self.decorate
        self.proxy = QSortFilterProxyModel(self)
        self.view = table_view(self.model, self.proxy)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.view.doubleClicked.connect(lambda _index: self.edit())
        layout.addWidget(self.view, 3)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(64)
        layout.addWidget(self.details, 2)

        keys = [(Qt.Key.Key_Return, self.edit), (Qt.Key.Key_Enter, self.edit),
                (Qt.Key.Key_F2, self.edit), (QKeySequence.StandardKey.Delete, self.delete_or_restore),
                (QKeySequence.StandardKey.Copy, lambda: copy_current_cell(self.view)),
                *self.extra_keys()]
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self.view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    # --- what a kind of record adds ------------------------------------------------------

    def extra_buttons(self) -> list[QWidget]:
        return []

    def extra_keys(self) -> list[tuple]:
        return []

    def fetch(self, deleted: bool) -> list:
        raise NotImplementedError

    def describe(self, row) -> str:
        """The selected record in full, as rich text."""
        raise NotImplementedError

    def empty_hint(self) -> str:
        return ""

    def make_dialog(self, row):
        """The dialog that edits `row` (None: a new record)."""
        raise NotImplementedError

    def saved_message(self, saved) -> str:
        return f"The {self.noun} was saved."

    def decorate(self, row, role):
        return None

    def update_buttons(self, row, in_bin: bool) -> None:
        """Enable what suits the selected row (None when the list is empty)."""

    # --- loading -------------------------------------------------------------------------

    def load(self, member_id: uuid.UUID | None, name: str = "", country: str | None = None) -> None:
        changed = member_id != self.member_id
        self.member_id, self.member_name, self.member_country = member_id, name, country
        if changed and self.bin.isChecked():
            self.bin.blockSignals(True)
            self.bin.setChecked(False)
            self.bin.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        current = self.current_row()
        in_bin = self.bin.isChecked()
        rows = self.fetch(in_bin) if self.member_id and self.controller.ctx else []
        self.model.set_rows(rows)
        self.setEnabled(self.member_id is not None)
        self.delete_button.setText("Restore" if in_bin else "Delete")
        self.delete_button.setToolTip(f"Bring the selected {self.noun} back (Del)" if in_bin else
                                      f"Move the selected {self.noun} to the bin (Del); it can be restored")
        self.edit_button.setEnabled(not in_bin and bool(rows))
        self.delete_button.setEnabled(bool(rows))
        if rows:
            self.select_record(current.id if current else None)
        self._show_details()
        if not in_bin:
            self.count_changed.emit(len(rows))

    def select_record(self, record_id) -> None:
        """Select the row of that record, or the first one."""
        rows = self.model.rows()
        wanted = next((i for i, r in enumerate(rows) if r.id == record_id), 0)
        index = self.proxy.mapFromSource(self.model.index(wanted, 0))
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.scrollTo(index)

    def current_row(self):
        index = self.view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_details(self) -> None:
        row = self.current_row()
        self.update_buttons(row, self.bin.isChecked())
        if row is None:
            self.details.setText(self.empty_hint() if self.member_id and not self.bin.isChecked() else "")
        else:
            self.details.setText(self.describe(row))

    # --- actions -------------------------------------------------------------------------

    def _open(self, row) -> None:
        self.dialog = self.make_dialog(row)
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(lambda _result: self._closed())
        self.dialog.open()
        self.dialog.activateWindow()

    def _closed(self) -> None:
        self.dialog = None
        self.window().activateWindow()  # back to the list, ready for the next key
        self.view.setFocus()

    def add(self) -> None:
        if self.member_id is None:
            return
        if self.bin.isChecked():
            self.bin.setChecked(False)
        self._open(None)

    def edit(self) -> None:
        row = self.current_row()
        if row is not None and not self.bin.isChecked():
            self._open(row)

    def _saved(self, saved) -> None:
        self.refresh()
        self.select_record(saved.id)
        self.controller.status.emit(self.saved_message(saved))

    def delete_or_restore(self) -> None:
        row = self.current_row()
        if row is None:
            return
        noun = self.noun.capitalize()
        if self.bin.isChecked():
            if self.controller.run_op(self, f"Restore {self.noun}", self.restore_fn,
                                      row.id) is not None:
                self.controller.status.emit(f"{noun} restored.")
            return
        if self.controller.run_op(self, f"Delete {self.noun}", self.delete_fn,
                                  row.id) is not None:
            self.controller.status.emit(f"{noun} moved to the bin — tick Bin to restore it.")

    def export_rows(self):
        return self.export_columns, self.model.rows()
