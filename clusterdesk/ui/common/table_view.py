"""The one way list tables look and behave: whole rows selected, sortable by a click on the
header, columns at their starting widths, no row numbers, one line per row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from .elided import ElidedToolTipDelegate
from .table_model import SORT_ROLE, Column, RowTableModel


def sorted_table(columns: Sequence[Column], parent, *, sort_column: int = 0,
                 multi_select: bool = False) -> tuple[QTableView, RowTableModel, QSortFilterProxyModel]:
    """A table view over a RowTableModel (under a sorting proxy), set up the house way."""
    model = RowTableModel(columns, parent=parent)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi_select
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setItemDelegate(ElidedToolTipDelegate(view))
    for i, column in enumerate(columns):
        if column.width:
            view.setColumnWidth(i, column.width)
    return view, model, proxy


def stretch_column(view: QTableView, number: int) -> None:
    """Give the table's spare width to one column (the text that needs it) instead of the last."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
