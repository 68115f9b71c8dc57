"""One quadrant of a SWOT analysis: its points as a list typed into directly — Insert adds a
point, F2 or Enter edits it, Delete removes it, Alt+Up and Alt+Down move it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 20
COLOURS = {"strengths": "#3d7a4f", "weaknesses": "#b0543f", "opportunities": "#2f6f9f", "threats": "#8a5a9c"}


class QuadrantList(QWidget):
    changed = Signal()

    def __init__(self, quadrant: str, title: str, hint: str, parent=None) -> None:
        super().__init__(parent)
        self.quadrant = quadrant
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.heading = QLabel(title)
        self.heading.setStyleSheet(f"font-weight: 600; color: {COLOURS[quadrant]};")
        self.heading.setToolTip(hint)
        top.addWidget(self.heading, 1)
        self.count = QLabel()
        self.count.setProperty("role", "hint")
        top.addWidget(self.count)
        for text, tip, slot in (("+", "Add a point (Insert)", self.add_point),
                                ("−", "Remove the selected point (Delete)", self.remove_point),
                                ("↑", "Move the point up (Alt+Up)", lambda: self.move_point(-1)),
                                ("↓", "Move the point down (Alt+Down)", lambda: self.move_point(1))):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFixedWidth(28)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            top.addWidget(button)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setStyleSheet(f"QListWidget {{ border-top: 3px solid {COLOURS[quadrant]}; }}")
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setToolTip(f"{hint}\nInsert adds a point · F2 or Enter edits · Delete removes · "
                             "Alt+Up / Alt+Down move")
        self.list.itemActivated.connect(self.list.editItem)
        self.list.itemChanged.connect(self._item_changed)
        self.list.model().rowsMoved.connect(lambda *_: self._emit())
        self.list.itemDelegate().closeEditor.connect(self._editor_closed)
        self.heading.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        for keys, slot in (("Ins", self.add_point), ("Del", self.remove_point),
                           ("Alt+Up", lambda: self.move_point(-1)), ("Alt+Down", lambda: self.move_point(1))):
            shortcut = QShortcut(QKeySequence(keys), self.list, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.setFocusProxy(self.list)
        self._quiet = False
        self._update_count()

    # --- the points ------------------------------------------------------------------------

    def set_points(self, points) -> None:
        self._quiet = True
        self.list.clear()
        for point in points:
            self._append(point.text, point.id)
        self._quiet = False
        self._update_count()

    def points(self) -> list[tuple[str, object]]:
        """(text, id) of every point, in order; id None for a new one."""
        return [(self.list.item(i).text(), self.list.item(i).data(ID_ROLE)) for i in range(self.list.count())]

    def _append(self, text: str, point_id=None, at: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setData(ID_ROLE, point_id)
        if at is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(at, item)
        return item

    def add_point(self) -> None:
        """A new point below the selected one, ready to type into."""
        row = self.list.currentRow()
        at = row + 1 if row >= 0 else self.list.count()
        self._quiet = True
        item = self._append("", None, at)
        self._quiet = False
        self.list.setCurrentItem(item)
        self.list.setFocus()
        self.list.editItem(item)

    def remove_point(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self._emit()

    def move_point(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        self._quiet = True
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self._quiet = False
        self.list.setCurrentRow(target)
        self._emit()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._quiet:
            return
        if not item.text().strip():
            # Editing ended with nothing typed: the point was never meant.
            self._quiet = True
            self.list.takeItem(self.list.row(item))
            self._quiet = False
        self._emit()

    def _editor_closed(self, *_args) -> None:
        """Esc on a new point that got no text: it goes again."""
        for row in reversed(range(self.list.count())):
            if not self.list.item(row).text().strip():
                self._quiet = True
                self.list.takeItem(row)
                self._quiet = False
        self._update_count()

    def _emit(self) -> None:
        self._update_count()
        if not self._quiet:
            self.changed.emit()

    def _update_count(self) -> None:
        n = self.list.count()
        self.count.setText(f"{n} point{'s' if n != 1 else ''}" if n else "")
