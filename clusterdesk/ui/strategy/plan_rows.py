"""The rows an action plan owns, typed like a spreadsheet: its targets (term chosen from a
list) and its sub-activities — each with a tick box that shows who ticked it and when, and
a description that turns red, with the reason as tooltip, while one could not yet tell
whether it was carried out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from ...domain.dates import DateParseError, parse_date
from ...domain.formatting import format_date, format_datetime
from ...domain.strategy import TargetTerm, description_problem
from ..common.editable_rows import EditableRowsModel, EditColumn, Index
from ..common.theme import DONE, OVERDUE

TARGET_COLUMNS = (
    EditColumn("term", "Term", 135, "Short term (output) or long term (effect)"),
    EditColumn("description", "What is counted", 250),
    EditColumn("target", "Aimed at", 70, "The number aimed at"),
    EditColumn("achieved", "Achieved", 70, "The number reached so far (empty: not counted yet)"),
    EditColumn("unit", "Unit", 90),
)
SUB_COLUMNS = (
    EditColumn("done", "Done", 118, "Tick when carried out (Space, or Ctrl+D anywhere in the row)"),
    EditColumn("text", "Sub-activity — so one can tell it was done", 290,
               "Concise and specific: how much, how many or by when"),
    EditColumn("owner", "Owner", 60),
    EditColumn("due", "Due", 90, "dd-mm-yyyy, or +14"),
    EditColumn("note", "Note", 100),
)


class TargetRowsModel(EditableRowsModel):
    """Targets; the term is stored as its value and shown as its label."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and self.columns[index.column()].key == "term" and role == Qt.ItemDataRole.DisplayRole:
            value = self._rows[index.row()].get("term") or TargetTerm.OUTPUT.value
            return TargetTerm(value).label if value in {t.value for t in TargetTerm} else value
        if index.isValid() and self.columns[index.column()].key == "term" and role == Qt.ItemDataRole.EditRole:
            return self._rows[index.row()].get("term") or TargetTerm.OUTPUT.value
        return super().data(index, role)


class TermDelegate(QStyledItemDelegate):
    """A choice of output or effect for the term column."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for value, label in TargetTerm.choices():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class SubActivityRowsModel(EditableRowsModel):
    """Sub-activities; the first column is a tick box saying who did it and when."""

    def __init__(self, actor, today, parent=None) -> None:
        super().__init__(SUB_COLUMNS, parent)
        self._actor = actor  # () -> the person at the keyboard, named on a fresh tick
        self._today = today  # () -> today's date: open sub-activities past their date show red

    def _key(self, index: Index) -> str:
        return self.columns[index.column()].key

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        key = self._key(index)
        if key == "done":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.get("done") else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                if not row.get("done"):
                    return ""
                if row.get("done_at"):
                    return f"{initials(row.get('done_by', ''))} {format_date(row['done_at'])}"
                return f"{initials(self._actor())} on save"
            if role == Qt.ItemDataRole.ToolTipRole and row.get("done_at"):
                return f"Done by {row.get('done_by')}, {format_datetime(row['done_at'])}"
            if role == Qt.ItemDataRole.ForegroundRole and row.get("done"):
                return QBrush(QColor(DONE))
            if role in (Qt.ItemDataRole.EditRole,):
                return None
        if key == "due" and role == Qt.ItemDataRole.ForegroundRole and not row.get("done"):
            try:
                due = parse_date(str(row.get("due") or ""), self._today())
            except DateParseError:
                return QBrush(QColor(OVERDUE))
            if due is not None and due < self._today():
                return QBrush(QColor(OVERDUE))
        if key == "text" and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole):
            problem = description_problem(str(row.get("text") or ""))
            if problem:
                return QBrush(QColor(OVERDUE)) if role == Qt.ItemDataRole.ForegroundRole else problem
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.isValid() and self._key(index) == "done":
            if role != Qt.ItemDataRole.CheckStateRole or self.read_only:
                return False
            state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
            self.set_done(index.row(), state == Qt.CheckState.Checked)
            return True
        return super().setData(index, value, role)

    def set_done(self, row: int, done: bool) -> None:
        current = self._rows[row]
        if bool(current.get("done")) == done:
            return
        current["done"] = done
        if not done:  # ticked again later, it is that later tick that counts
            current["done_at"], current["done_by"] = None, ""
        first = self.index(row, 0)
        self.dataChanged.emit(first, self.index(row, len(self.columns) - 1))
        self.changed.emit()

    def toggle_done(self, row: int) -> None:
        if 0 <= row < len(self._rows) and not self.read_only:
            self.set_done(row, not self._rows[row].get("done"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._key(index) == "done":
            flags &= ~Qt.ItemFlag.ItemIsEditable
            if not self.read_only:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


def initials(name: str) -> str:
    """'Mette Kjær (MK)' → 'MK'; a name without initials in brackets stays as it is."""
    if name.endswith(")") and "(" in name:
        return name[name.rindex("(") + 1:-1]
    return name
