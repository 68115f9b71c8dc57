"""Table views over the generic models: the settings every list shares, and finding and
selecting rows by their DTO (ROW_ROLE)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from .elided import ElidedToolTipDelegate
from .table_model import ROW_ROLE, SORT_ROLE, Column

SELECT_ROW = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def table_view(model, columns: Sequence[Column] = (), *, multi: bool = False,
               stretch: int | None = None, row_height: int = 0) -> QTableView:
    """A read-only table of whole rows, with the columns' starting widths."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    if row_height:
        view.verticalHeader().setDefaultSectionSize(row_height)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setItemDelegate(ElidedToolTipDelegate(view))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, column in enumerate(columns):
        if column.width:
            view.setColumnWidth(i, column.width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def sorted_table(model, columns: Sequence[Column], *, sort_column: int = 0,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder, parent=None,
                 **options) -> tuple[QTableView, QSortFilterProxyModel]:
    """A table that sorts by clicking a header, through a proxy on the models' SORT_ROLE."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = table_view(proxy, columns, **options)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, order)
    return view, proxy


def row_at(view: QTableView, index: QModelIndex | None = None) -> Any:
    """The DTO of the given (or the current) row, or None."""
    index = view.currentIndex() if index is None else index
    if not index.isValid():
        return None
    model = view.model()
    return model.data(model.index(index.row(), 0), ROW_ROLE)


def select_row(view: QTableView, index: QModelIndex) -> None:
    view.selectionModel().setCurrentIndex(index, SELECT_ROW)


def select_row_with_id(view: QTableView, row_id) -> bool:
    """Make the row whose DTO has this id the current one; False when it is not listed."""
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if getattr(model.data(index, ROW_ROLE), "id", None) == row_id:
            select_row(view, index)
            return True
    return False


class RowChooser:
    """Keeps a list and the editor beside it in step: choosing a row loads it — unless the
    editor holds unsaved changes the user wants to keep, and then the row stays put."""

    def __init__(self, view: QTableView, load: Callable[[Any], None],
                 may_leave: Callable[[], bool]) -> None:
        self.view = view
        self._load = load
        self._may_leave = may_leave
        self._quiet = False
        view.selectionModel().currentRowChanged.connect(self._changed)

    def current_id(self):
        row = row_at(self.view)
        return row.id if row is not None else None

    def go_to(self, row_id) -> bool:
        """Select the row without loading it (the caller decides); False when not listed."""
        self._quiet = True
        try:
            return select_row_with_id(self.view, row_id)
        finally:
            self._quiet = False

    def _changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._quiet:
            return
        row = row_at(self.view, current)
        if row is None:
            return
        if not self._may_leave():
            self._quiet = True
            select_row(self.view, previous)
            self._quiet = False
            return
        self._load(row.id)
