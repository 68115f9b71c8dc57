"""A grid typed into like a spreadsheet, for many rows at once (outcomes, a round's values):
typing starts editing, Enter goes down, Tab goes right, Insert adds a row, Delete removes it,
choices complete as you type; a refused save marks each refused cell red with its reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ..common.editable_rows import EditableRowsModel, EditColumn

Index = QModelIndex | QPersistentModelIndex
ERROR_BACKGROUND = "#f6d5d1"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class GridModel(EditableRowsModel):
    """Editable rows with cells marked as refused, columns that only show, and columns
    aligned right (numbers)."""

    def __init__(self, columns: Sequence[EditColumn], parent=None, *, read_only_keys: Sequence[str] = (),
                 right_keys: Sequence[str] = ()) -> None:
        super().__init__(columns, parent)
        self.read_only_keys = set(read_only_keys)
        self.right_keys = set(right_keys)
        self._errors: dict[tuple[int, str], str] = {}

    def set_rows(self, rows) -> None:
        self._errors.clear()
        super().set_rows(rows)

    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        """(row index, column key) → reason; the cells are shown red with the reason as tooltip."""
        self._errors = dict(errors)
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def errors(self) -> dict[tuple[int, str], str]:
        return dict(self._errors)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()].key
        error = self._errors.get((index.row(), key))
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return QBrush(QColor(ERROR_BACKGROUND))
        if role == Qt.ItemDataRole.ToolTipRole and error:
            return error
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.right_keys:
            return RIGHT
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        changed = super().setData(index, value, role)
        if changed and self._errors.pop((index.row(), self.columns[index.column()].key), None):
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.BackgroundRole])
        return changed

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key in self.read_only_keys:
            flags &= ~Qt.ItemFlag.ItemIsEditable
        return flags

    def remove_row(self, row: int) -> None:
        # Marks below the removed row move up with their rows.
        self._errors = {(r - (r > row), k): m for (r, k), m in self._errors.items() if r != row}
        super().remove_row(row)


def wrap_headers(view: QTableView, height: int = 40) -> None:
    """Long column titles (questions, indicators) wrap onto two lines instead of being cut."""
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    header.setMinimumHeight(height)


def stretch_first(view: QTableView) -> None:
    """The first column (a name, a question) takes the room left; the figures keep theirs."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class ChoiceDelegate(QStyledItemDelegate):
    """An editable combo box for a column: the choices complete as you type (any part of
    the word), and what is typed stays as typed (the service says whether it is right)."""

    def __init__(self, choices: Callable[[], Sequence[str]], parent=None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(self._choices()))
        completer = QCompleter(QStringListModel(list(self._choices()), combo), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        return combo

    def setEditorData(self, editor: QComboBox, index: Index) -> None:  # noqa: N802
        editor.setEditText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.lineEdit().selectAll()

    def setModelData(self, editor: QComboBox, model, index: Index) -> None:  # noqa: N802
        model.setData(index, editor.currentText().strip(), Qt.ItemDataRole.EditRole)


class GridView(QTableView):
    """The table of a grid: keys as in a spreadsheet; Insert and Delete call back."""

    def __init__(self, model: GridModel, *, add: Callable[[], None] | None = None,
                 remove: Callable[[], None] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(24)
        self.use(model)
        for key, slot in ((QKeySequence(Qt.Key.Key_Insert), add), (QKeySequence.StandardKey.Delete, remove)):
            if slot is not None:
                shortcut = QShortcut(key, self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def use(self, model: GridModel) -> None:
        """Show another model (e.g. a round with other indicators) at its columns' widths."""
        self.setModel(model)
        for i, column in enumerate(model.columns):
            if column.width:
                self.setColumnWidth(i, column.width)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Enter moves down, as in a spreadsheet (F2 edits the cell in place).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            current = self.currentIndex()
            if current.isValid() and current.row() + 1 < self.model().rowCount():
                self.setCurrentIndex(self.model().index(current.row() + 1, current.column()))
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in the cell
            current = self.currentIndex()
            if current.isValid() and current.row() + 1 < self.model().rowCount():
                self.setCurrentIndex(self.model().index(current.row() + 1, current.column()))

    def commit_editing(self) -> None:
        """Take what is being typed in a cell into the grid (Ctrl+S while still in the cell)."""
        editor = QApplication.focusWidget()
        if self.state() == QAbstractItemView.State.EditingState and editor is not None \
                and self.isAncestorOf(editor):
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def go_to(self, row: int, key: str) -> None:
        """Put the cursor on a cell (the first refused one after a save)."""
        model: GridModel = self.model()
        column = next((i for i, c in enumerate(model.columns) if c.key == key), 0)
        index = model.index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
            self.setFocus()
