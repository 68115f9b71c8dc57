"""A list on the left (filter as you type, sortable, keyboard-navigable, a bin for deleted
records) and the selected record's editor on the right: the shape of most screens (DESIGN §2).

For lists that fit in memory (partners, activities): rows come from a service with the
filter applied in SQL, and sort under a proxy. A subclass gives the columns, the filter
widgets, the service calls and the editor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import NotFound
from .form_editor import FormEditor
from .tab import ListExport, TabPage
from .table_model import ROW_ROLE, Column
from .table_view import sorted_table, stretch_column


class ListEditorView(TabPage):
    noun = "record"
    plural = "records"
    filter_hint = "Filter…  (Ctrl+F)"
    columns: Sequence[Column] = ()
    export_columns: Sequence[Column] = ()  # for Excel (Ctrl+E), when they differ from the screen's
    export_title = ""  # the exported sheet's title; the plural by default
    list_share = 3, 2  # stretch of the list and the editor
    stretch_column: int | None = None  # the column that takes the list's spare width
    wrap_rows = False  # long texts wrap onto a second line instead of being cut short

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.filter_bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.filter_hint)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.reload)
        self.filter_bar.addWidget(self.filter_edit, 1)
        for widget in self.filter_widgets():
            self.filter_bar.addWidget(widget)
            signal = getattr(widget, "currentIndexChanged", None)
            if signal is not None:
                signal.connect(self.reload)
        self.bin_toggle = QCheckBox("&Bin")
        self.bin_toggle.setToolTip(f"Show deleted {self.plural}, to restore them")
        self.bin_toggle.toggled.connect(self.reload)
        self.filter_bar.addWidget(self.bin_toggle)
        left_layout.addLayout(self.filter_bar)

        self.view, self.model, self.proxy = sorted_table(self.columns, self,
                                                         sort_column=self.default_sort_column())
        self.model.decorate = self.decorate
        if self.stretch_column is not None:
            stretch_column(self.view, self.stretch_column)
        if self.wrap_rows:
            self.view.setWordWrap(True)
            self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        left_layout.addWidget(self.view, 1)

        self.footer = footer = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "hint")
        footer.addWidget(self.count_label, 1)
        self.new_button = QPushButton(f"&New {self.noun}")
        self.new_button.setToolTip(f"Add a new {self.noun} (Ctrl+N)")
        self.new_button.clicked.connect(self.new_record)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setToolTip(f"Move the selected {self.noun} to the bin (Del); it can be restored")
        self.delete_button.clicked.connect(self.delete_or_restore)
        footer.addWidget(self.new_button)
        footer.addWidget(self.delete_button)
        left_layout.addLayout(footer)
        self.splitter.addWidget(left)

        self.editor = self.make_editor()
        self.editor.saved.connect(self._saved)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, self.list_share[0])
        self.splitter.setStretchFactor(1, self.list_share[1])
        self.splitter.setSizes([1000 * self.list_share[0], 1000 * self.list_share[1]])

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_primary)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_record)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_or_restore)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.filter_edit.returnPressed.connect(self._focus_list)
        self._selecting = False

    # --- for subclasses ------------------------------------------------------------------

    def filter_widgets(self) -> list[QWidget]:
        return []

    def default_sort_column(self) -> int:
        return 0

    def make_editor(self) -> FormEditor:
        raise NotImplementedError

    def fetch_rows(self, text: str, deleted: bool) -> list[Any]:
        raise NotImplementedError

    def fetch_detail(self, record_id) -> Any:
        raise NotImplementedError

    def delete_record(self, record_id) -> Any:
        """Call the service's delete through controller.run_op; returns its result."""
        raise NotImplementedError

    def restore_record(self, record_id) -> Any:
        raise NotImplementedError

    def decorate(self, row: Any, role: int) -> Any:
        return None

    # --- the list --------------------------------------------------------------------------

    def refresh(self) -> None:
        current = self.current_id()
        self.reload()
        if current is not None:
            self.select_record(current, load=False)
            if not self.editor.dirty and self.editor.record_id == current:
                try:  # what changed may be this record: show it (and its new version)
                    self.editor.load(self.fetch_detail(current))
                except NotFound:
                    self.editor.clear()

    def reload(self, *_args) -> None:
        if self.ctx is None:
            return
        self.model.set_rows(self.fetch_rows(self.filter_edit.text(), self.bin_toggle.isChecked()))
        n = self.model.rowCount()
        where = " in the bin" if self.bin_toggle.isChecked() else ""
        self.count_label.setText(f"{n:,} {self.noun if n == 1 else self.plural}{where}")
        self.delete_button.setText("&Restore" if self.bin_toggle.isChecked() else "&Delete")

    def current_id(self):
        index = self.view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.id if row is not None else None

    def _proxy_row_of(self, record_id) -> int:
        for row in range(self.proxy.rowCount()):
            data = self.proxy.index(row, 0).data(ROW_ROLE)
            if data is not None and data.id == record_id:
                return row
        return -1

    def select_record(self, record_id, *, load: bool = True) -> bool:
        """Select a record in the list (clearing filters that hide it) and edit it."""
        row = self._proxy_row_of(record_id)
        if row < 0:
            self.clear_filters()
            row = self._proxy_row_of(record_id)
        if row < 0:
            return False
        self._selecting = not load
        self.view.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(self.proxy.index(row, 0))
        self._selecting = False
        return True

    def clear_filters(self) -> None:
        widgets = [self.filter_edit, self.bin_toggle, *self.filter_widgets_in_bar()]
        for widget in widgets:
            widget.blockSignals(True)
        self.filter_edit.clear()
        self.bin_toggle.setChecked(False)
        for widget in self.filter_widgets_in_bar():  # the "all" choice of each filter
            widget.setCurrentIndex(next((i for i in range(widget.count())
                                         if widget.itemData(i) in (None, "all")), 0))
        for widget in widgets:
            widget.blockSignals(False)
        self.reload()

    def filter_widgets_in_bar(self) -> list[QWidget]:
        return [self.filter_bar.itemAt(i).widget() for i in range(1, self.filter_bar.count() - 1)]

    def _row_changed(self, current, previous) -> None:
        if self._selecting:
            return
        row = current.data(ROW_ROLE) if current.isValid() else None
        if row is None:
            return
        moving_away = self.editor.dirty and self.editor.record_id != row.id
        if moving_away and not self.confirm_discard():
            self._selecting = True
            self.view.selectionModel().setCurrentIndex(
                previous, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self._selecting = False
            return
        self.editor.load(self.fetch_detail(row.id))

    def confirm_discard(self) -> bool:
        """Ask what to do with unsaved changes; True when it is fine to move on."""
        if not self.editor.dirty:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to this {self.noun} first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.editor.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.editor.revert()
            return True
        return False

    def new_record(self) -> None:
        if not self.confirm_discard():
            return
        self.view.clearSelection()
        self.editor.load(None)
        self.editor.focus_first()

    def _saved(self, detail) -> None:
        QTimer.singleShot(0, lambda: self.select_record(detail.id, load=False))

    def delete_or_restore(self) -> None:
        record_id = self.current_id()
        if record_id is None:
            return
        if self.bin_toggle.isChecked():
            if self.restore_record(record_id) is not None:
                self.controller.status.emit(f"The {self.noun} is back.")
            return
        name = self.view.currentIndex().data(ROW_ROLE).name
        if self.delete_record(record_id) is not None:
            self.editor.clear()
            self.controller.status.emit(f"“{name}” moved to the bin — tick Bin to restore it.")

    def _focus_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.selectRow(0)

    def focus_primary(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def list_export(self) -> ListExport:
        rows = [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]
        return ListExport(self.export_title or self.plural.capitalize(), self.export_columns or self.columns, rows)
