"""Small in-place tables for the rows a form owns (a partner's contacts, a template's items):
typed into like a spreadsheet, collected on save. And a list of choices with tick boxes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class EditColumn:
    key: str
    title: str
    width: int = 0
    tooltip: str = ""


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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return str(self._rows[index.row()].get(self.columns[index.column()].key, "") or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            text = str(self._rows[index.row()].get(self.columns[index.column()].key, "") or "")
            return text if len(text) > 40 else (self.columns[index.column()].tooltip or None)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        key = self.columns[index.column()].key
        if self._rows[index.row()].get(key, "") == value:
            return False
        self._rows[index.row()][key] = value
        self.dataChanged.emit(index, index, [role])
        self.changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.read_only else flags | Qt.ItemFlag.ItemIsEditable

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
