"""A small table of the rows a form owns, with its buttons: add a row (Insert), remove the
selected one (Delete), and, where order matters, move it (Ctrl+Up / Ctrl+Down)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .editable_rows import EditableRowsModel, EditColumn, use_choice_editors


class RowsTable(QWidget):
    changed = Signal()

    def __init__(self, columns: Sequence[EditColumn], *, noun: str = "row", height: int = 0,
                 movable: bool = False, choice_keys: Sequence[str] = (), defaults: dict | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.defaults = dict(defaults or {})  # the values a new row starts with
        self.model = EditableRowsModel(columns, self)
        self.model.changed.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                  & ~QAbstractItemView.EditTrigger.CurrentChanged)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(24)
        for number, column in enumerate(columns):
            if column.width:
                self.view.setColumnWidth(number, column.width)
        use_choice_editors(self.view, self.model, choice_keys)
        if height:
            self.view.setMinimumHeight(height)
        layout.addWidget(self.view, 1)
        self.buttons = QHBoxLayout()
        actions = [(f"Add {noun}", f"Add a {noun} below the selected one (Insert)", self.add_row, "Ins"),
                   (f"Remove {noun}", f"Remove the selected {noun} (Delete)", self.remove_row, "Del")]
        if movable:
            actions += [("Up", "Move the row up (Ctrl+Up)", lambda: self.move_row(-1), "Ctrl+Up"),
                        ("Down", "Move the row down (Ctrl+Down)", lambda: self.move_row(1), "Ctrl+Down")]
        self.action_buttons = []
        for text, tip, slot, keys in actions:
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.buttons.addWidget(button)
            self.action_buttons.append(button)
            shortcut = QShortcut(QKeySequence(keys), self.view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.buttons.addStretch(1)
        layout.addLayout(self.buttons)
        self.setFocusProxy(self.view)

    # --- rows -------------------------------------------------------------------------------

    def set_rows(self, rows) -> None:
        self.model.set_rows(rows)

    def rows(self) -> list[dict]:
        return self.model.rows()

    def first_editable(self) -> int:
        return next((i for i, c in enumerate(self.model.columns) if c.editable and not c.checkable), 0)

    def add_row(self, values: dict | None = None) -> int:
        if self.model.read_only:
            return -1
        current = self.view.currentIndex()
        row = self.model.insert_row(current.row() + 1 if current.isValid() else self.model.rowCount(),
                                    {**self.defaults, **(values or {})})
        index = self.model.index(row, self.first_editable())
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)
        return row

    def remove_row(self) -> None:
        current = self.view.currentIndex()
        if current.isValid() and not self.model.read_only:
            self.model.remove_row(current.row())

    def move_row(self, delta: int) -> None:
        current = self.view.currentIndex()
        if current.isValid() and not self.model.read_only:
            row = self.model.move_row(current.row(), delta)
            self.view.setCurrentIndex(self.model.index(row, current.column()))

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        for button in self.action_buttons:
            button.setEnabled(not read_only)
