"""Small in-place tables for the rows a form owns (a partner's contacts, a template's items,
a budget's lines): typed into like a spreadsheet, collected on save — with tick-box columns,
pick-list columns and read-only columns where a row needs them. And a list of choices with
tick boxes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class EditColumn:
    key: str
    title: str
    width: int = 0
    tooltip: str = ""
    checkable: bool = False  # a tick box; the row holds True or False
    editable: bool = True  # False: shown (computed, or recorded elsewhere), never typed into
    choices: tuple[tuple[Any, str], ...] = ()  # a pick list of (value, label); the row holds the value
    numeric: bool = False  # amounts and counts: right-aligned

    def label_of(self, value: Any) -> str:
        return next((label for v, label in self.choices if v == value), "" if value is None else str(value))


class EditableRowsModel(QAbstractTableModel):
    """Rows as dicts of text (plus a hidden 'id'); `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, columns: Sequence[EditColumn], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict[str, Any]] = []
        self.read_only = False

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def set_choices(self, key: str, choices) -> None:
        """Replace the pick list of a column (e.g. the sources a workspace has)."""
        self.columns = [replace(c, choices=tuple(choices)) if c.key == key else c for c in self.columns]
        if self._rows:
            column = next(i for i, c in enumerate(self.columns) if c.key == key)
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = self.columns[index.column()]
        value = self._rows[index.row()].get(column.key)
        if column.checkable:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return column.tooltip or None
            return None
        if column.choices:
            if role == Qt.ItemDataRole.DisplayRole:
                return column.label_of(value)
            if role == Qt.ItemDataRole.EditRole:
                return value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(value or "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            text = column.label_of(value) if column.choices else str(value or "")
            return text if len(text) > 40 else (column.tooltip or None)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self.read_only:
            return False
        column = self.columns[index.column()]
        if column.checkable:
            if role != Qt.ItemDataRole.CheckStateRole or not column.editable:
                return False
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
            value = state == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole or not column.editable:
            return False
        key = column.key
        if self._rows[index.row()].get(key, "") == value:
            return False
        self._rows[index.row()][key] = value
        self.dataChanged.emit(index, index, [role])
        self.changed.emit()
        return True

    def set_value(self, row: int, key: str, value: Any) -> None:
        """Write a value the form works out (a line's total, who ticked it) into a row."""
        if self._rows[row].get(key) != value:
            self._rows[row][key] = value
            column = next(i for i, c in enumerate(self.columns) if c.key == key)
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if self.read_only or not column.editable:
            return flags
        return flags | (Qt.ItemFlag.ItemIsUserCheckable if column.checkable else Qt.ItemFlag.ItemIsEditable)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tooltip or None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)  # the row numbers that error messages name
        return None

    def insert_row(self, at: int, values: dict[str, Any] | None = None) -> int:
        at = max(0, min(at, len(self._rows)))
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, dict(values or {}))
        self.endInsertRows()
        self.changed.emit()
        return at

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.changed.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns where it went."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.changed.emit()
        return target


class CheckableListModel(QAbstractListModel):
    """Choices (value, label) with a tick box each; `changed` fires when one is ticked."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._choices: list[tuple[Any, str]] = []
        self._checked: set[Any] = set()

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self.endResetModel()

    def set_checked(self, values) -> None:
        self._checked = set(values)
        if self._choices:
            self.dataChanged.emit(self.index(0), self.index(len(self._choices) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])

    def choices(self) -> list[tuple[Any, str]]:
        return list(self._choices)

    def checked(self) -> tuple:
        """The ticked values, in the order of the list."""
        return tuple(v for v, _label in self._choices if v in self._checked)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._choices)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._choices)):
            return None
        value, label = self._choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if value in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        choice = self._choices[index.row()][0]
        state = Qt.CheckState(value) if not isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked:
            self._checked.add(choice)
        else:
            self._checked.discard(choice)
        self.dataChanged.emit(index, index, [role])
        self.changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a pick-list column with a combo box of its choices (typing a label's first
    letters picks it, as in any combo box)."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for value, label in index.model().columns[index.column()].choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QComboBox, index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(max(0, next((i for i in range(editor.count()) if editor.itemData(i) == value), 0)))

    def setModelData(self, editor: QComboBox, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def use_choice_editors(view, model: EditableRowsModel, keys: Sequence[str] = ()) -> None:
    """Give each pick-list column of `model` (and the columns named in `keys`, whose choices
    come later) a combo box to edit it in `view`."""
    delegate = ChoiceDelegate(view)
    for number, column in enumerate(model.columns):
        if column.choices or column.key in keys:
            view.setItemDelegateForColumn(number, delegate)
