"""Editing a question's choices like typing lines: Enter on the last choice starts the
next one, Insert adds one after the current, Delete removes it, Alt+Up/Down moves it.
Each choice keeps its key through renames and moves, so earlier answers stay counted."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....domain.questionnaires import Choice

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class _ChoiceList(QListView):
    committed_last = Signal()

    def closeEditor(self, editor, hint) -> None:  # noqa: N802
        row = self.currentIndex().row()
        super().closeEditor(editor, hint)
        model = self.model()
        text = model.index(row, 0).data() if 0 <= row < model.rowCount() else ""
        if not (text or "").strip() and 0 <= row < model.rowCount():
            model.removeRow(row)  # an emptied choice is no choice
            return
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and row == model.rowCount() - 1:
            self.committed_last.emit()


class ChoiceListEditor(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.view = _ChoiceList()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setToolTip("Enter on the last choice adds the next · Insert adds · F2 edits · "
                             "Delete removes · Alt+Up/Down moves")
        self.view.committed_last.connect(self.add_choice)
        self.model.dataChanged.connect(lambda *_: self.changed.emit())
        self.model.rowsRemoved.connect(lambda *_: self.changed.emit())
        self.model.rowsMoved.connect(lambda *_: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton("Add choice")
        self.add_button.setToolTip("Add a choice after the selected one (Insert)")
        self.add_button.clicked.connect(self.add_choice)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setToolTip("Remove the selected choice (Delete)")
        self.remove_button.clicked.connect(self.remove_choice)
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for keys, slot in (((Qt.Key.Key_Insert,), self.add_choice),
                           ((Qt.Key.Key_Delete,), self.remove_choice),
                           ((Qt.KeyboardModifier.AltModifier | Qt.Key.Key_Up,), lambda: self.move(-1)),
                           ((Qt.KeyboardModifier.AltModifier | Qt.Key.Key_Down,), lambda: self.move(1))):
            shortcut = QShortcut(QKeySequence(*keys), self.view, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.model.blockSignals(True)
        self.model.clear()
        for choice in choices:
            self.model.appendRow(self._item(choice))
        self.model.blockSignals(False)
        self.view.reset()

    def choices(self) -> tuple[Choice, ...]:
        result = []
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            label = (item.text() or "").strip()
            if label:
                result.append(Choice(item.data(KEY_ROLE) or "", label))
        return tuple(result)

    @staticmethod
    def _item(choice: Choice) -> QStandardItem:
        item = QStandardItem(choice.label)
        item.setData(choice.key, KEY_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsEditable)
        return item

    def add_choice(self) -> None:
        current = self.view.currentIndex()
        row = current.row() + 1 if current.isValid() else self.model.rowCount()
        self.model.insertRow(row, self._item(Choice("", "")))
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def remove_choice(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.removeRow(current.row())

    def move(self, step: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        row, target = current.row(), current.row() + step
        if not 0 <= target < self.model.rowCount():
            return
        items = self.model.takeRow(row)
        self.model.insertRow(target, items)
        self.view.setCurrentIndex(self.model.index(target, 0, QModelIndex()))
        self.changed.emit()
