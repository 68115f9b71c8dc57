"""What the checklist view shows instead of items: no activities yet, everything done and
hidden, or an activity without a checklist — then a template to start from, whose items are
added with real due dates (asking first when some of those dates have already passed)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.catch_up import PastDates
from ...domain.enums import ActivityKind
from ...domain.text import plural
from ...services import checklist_templates as template_service
from ...services import checklists as checklist_service
from .past_due import ask_past_due


class ChecklistStart(QWidget):
    added = Signal()  # the template's items were added

    def __init__(self, controller, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.checklist = None
        box = QVBoxLayout(self)
        box.addStretch(1)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.combo = QComboBox()
        row.addWidget(self.combo)
        self.button = QPushButton("Add the &template's items")
        self.button.setToolTip("Copy the template's items onto this activity with real due dates")
        self.button.clicked.connect(self.add_template_items)
        row.addWidget(self.button)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(2)

    def say(self, text: str) -> None:
        """A message alone (no template to offer)."""
        self.label.setText(text)
        self.combo.hide()
        self.button.hide()

    def offer_templates(self, checklist) -> None:
        """An activity without a checklist: the templates meant for its kind first."""
        self.checklist = checklist
        kind = ActivityKind(checklist.activity_kind).label.lower()
        self.label.setText(f"“{checklist.activity_name}” has no checklist yet.\nStart from "
                           f"a template, or add items one by one (Insert).")
        self.combo.clear()
        templates = template_service.list_templates(self.controller.ctx)
        for template in sorted(templates, key=lambda t: checklist.activity_kind not in t.suits):
            self.combo.addItem(f"{template.name} ({len(template.items)} items)", template.ref)
        self.combo.setToolTip(f"Templates meant for a {kind} come first")
        self.combo.show()
        self.button.show()

    def add_template_items(self) -> None:
        ref = self.combo.currentData()
        checklist = self.checklist
        if ref is None or checklist is None:
            return
        ctx = self.controller.ctx
        template = template_service.get_template(ctx, ref)
        past_dates = PastDates.KEEP
        plan = checklist_service.template_past_due(ctx, template, checklist.starts_on, checklist.ends_on)
        if plan:
            past_dates = ask_past_due(self, plan)
            if past_dates is None:
                return
        result = self.controller.run_op(self, "Add template items", checklist_service.add_template_items,
                                        checklist.activity_id, template, past_dates)
        if result is None:
            return
        if result[0]:
            self.controller.status.emit(f"{plural(result[0], 'item')} whose handbook dates had "
                                        "passed are due from today on.")
        self.added.emit()
