"""Table models: `RowTableModel` for lists that fit in memory (under a proxy for sorting),
`PagedTableModel` for lists of any size (filtered and sorted in SQL, rows fetched in pages)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.formatting import format_date, format_datetime
from ...domain.money import Money

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


# Values a spreadsheet keeps as what they are: dates to filter by, numbers to add up.
_TYPED = (date, datetime, int, float, Decimal, Money)


@dataclass(frozen=True)
class Column:
    """One column of a list. `value` is what it sorts by; `display` turns that value into
    the text shown (a format: "27 Nov 2026" for a date, a label for a code); `text_of` gives
    the text of a column whose value is only a sort key (a rank, a percentage)."""

    key: str
    title: str
    value: Callable[[Any], Any]  # row -> raw value (used for sorting)
    display: Callable[[Any], str] | None = None  # raw value -> text shown
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    width: int = 0  # a starting width in pixels; 0 = size to contents
    tooltip: Callable[[Any], str] | None = None
    # row -> text shown, for a column whose text needs more than its (sortable) value
    text_of: Callable[[Any], str] | None = None

    def text(self, row: Any) -> str:
        if self.text_of is not None:
            return self.text_of(row)
        raw = self.value(row)
        if self.display is not None:
            return self.display(raw)
        return shown(raw)

    def export_value(self, row: Any) -> Any:
        """What Excel gets: dates, numbers and amounts as themselves (typed cells); anything
        else as the text the screen shows — the label, never the code behind it."""
        if self.text_of is not None:
            return self.text_of(row)
        raw = self.value(row)
        if raw is None or (isinstance(raw, _TYPED) and not isinstance(raw, bool)):
            return raw
        return self.text(row)


def shown(value: Any) -> str:
    """A value as a list shows it: dates and times the one way the program writes them."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def _sortable(value: Any) -> Any:
    """A value Qt's proxy can compare: it cannot order Python dates (they reach it as opaque
    objects), so those become ISO text, which sorts the same way."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


class RowTableModel(QAbstractTableModel):
    """A list of frozen DTOs shown through column definitions."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Any] = (), parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows = list(rows)
        self.decorate: Callable[[Any, int], Any] | None = None  # (row, role) -> value

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_columns(self, columns: Sequence[Column], rows: Sequence[Any] = ()) -> None:
        """Other columns (and rows), for a table whose columns follow the data."""
        self.beginResetModel()
        self.columns = list(columns)
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return _sortable(column.value(row))
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if self.decorate is not None:
            return self.decorate(row, role)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None


class PagedTableModel(QAbstractTableModel):
    """A list of any length: `count()` and `page(offset, limit)` query the database.

    Only the pages the view paints are fetched; filtering and sorting happen in SQL, so a
    keystroke in the filter costs one count and one page, however long the list is.
    """

    PAGE = 200

    def __init__(self, columns: Sequence[Column], count: Callable[[], int],
                 page: Callable[[int, int], Sequence[Any]], parent=None,
                 page_size: int | None = None) -> None:
        super().__init__(parent)
        if page_size:
            self.PAGE = page_size
        self.columns = list(columns)
        self._count_fn = count
        self._page_fn = page
        self._count = 0
        self._pages: dict[int, list[Any]] = {}
        self.sort_key = columns[0].key if columns else ""
        self.descending = False
        self.decorate: Callable[[Any, int], Any] | None = None

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        first = list(self._page_fn(0, self.PAGE))
        # A first page that is not full is the whole list: no need to count (a narrow filter
        # then costs one query instead of two).
        self._count = len(first) if len(first) < self.PAGE else self._count_fn()
        if first:
            self._pages[0] = first
        self.endResetModel()

    def set_sources(self, count: Callable[[], int], page: Callable[[int, int], Sequence[Any]]) -> None:
        self._count_fn, self._page_fn = count, page
        self.reload()

    def row_at(self, row: int) -> Any:
        number, offset = divmod(row, self.PAGE)
        rows = self._pages.get(number)
        if rows is None:
            rows = self._pages[number] = list(self._page_fn(number * self.PAGE, self.PAGE))
            if len(self._pages) > 50:  # keep memory flat while scrolling a huge list
                for stale in [n for n in self._pages if abs(n - number) > 10][:20]:
                    del self._pages[stale]
        return rows[offset] if offset < len(rows) else None

    def rows_loaded(self) -> list[Any]:
        return [row for n in sorted(self._pages) for row in self._pages[n]]

    def find_row(self, predicate: Callable[[Any], bool]) -> int:
        """The row number of a loaded row that matches, or -1."""
        for number in sorted(self._pages):
            for offset, row in enumerate(self._pages[number]):
                if predicate(row):
                    return number * self.PAGE + offset
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, ROW_ROLE, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.ToolTipRole, SORT_ROLE) and self.decorate is None:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return _sortable(column.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        return self.decorate(row, role) if self.decorate else None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
