"""The members expected to take a larger part in an action plan: typed by name (the member
look-up of Missions ▸ participants), listed, and removed with Delete — saved with the plan."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services.action_plans import PlanMember
from ..common.member_lookup import MemberLookup
from ..common.table_model import ROW_ROLE, Column
from ..common.table_view import sorted_table

COLUMNS = (
    Column("name", "Member", lambda m: m.name, width=340, tooltip=lambda m: m.name),
    Column("city", "City", lambda m: m.city),
)


class PlanMembers(QWidget):
    changed = Signal()

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        add = QHBoxLayout()
        label = QLabel("&Add member:")
        self.lookup = MemberLookup(controller)
        label.setBuddy(self.lookup)
        self.lookup.returnPressed.connect(self.add)
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("Add the member typed (Enter)")
        self.add_button.clicked.connect(self.add)
        add.addWidget(label)
        add.addWidget(self.lookup, 1)
        add.addWidget(self.add_button)
        layout.addLayout(add)
        self.view, self.model, self.proxy = sorted_table(COLUMNS, self)
        self.view.setToolTip("Delete removes the selected member from the plan")
        self.view.setMinimumHeight(120)
        layout.addWidget(self.view, 1)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)

    def set_members(self, members) -> None:
        self.model.set_rows(list(members))

    def member_ids(self) -> tuple:
        return tuple(m.id for m in self.model.rows())

    def count(self) -> int:
        return self.model.rowCount()

    def add(self) -> None:
        choice = self.lookup.choice()
        if choice is None:
            self.lookup.refuse()
            return
        if choice.id in self.member_ids():
            self.lookup.refuse(f"{choice.name} is already on the plan")
            return
        self.model.set_rows([*self.model.rows(), PlanMember(choice.id, choice.name, choice.city)])
        self.lookup.clear()
        self.lookup.setFocus()
        self.changed.emit()

    def remove(self) -> None:
        index = self.view.currentIndex()
        member = index.data(ROW_ROLE) if index.isValid() else None
        if member is not None:
            self.model.set_rows([m for m in self.model.rows() if m.id != member.id])
            self.changed.emit()
