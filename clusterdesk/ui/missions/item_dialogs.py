"""Small dialogs of the checklist: the note of an item, and adding or editing an item (its
text, section, owner and due date). They open without blocking (`open()`), save through the
services when accepted, and stay open with the field marked when a save is refused."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ...domain.dates import DateParseError
from ...services import checklists as checklist_service
from ...services.errors import ValidationError
from ..common.forms import DateField, error_label, mark_invalid


class NoteDialog(QDialog):
    """The note of one item. Ctrl+Enter saves."""

    saved = Signal(object)  # ChecklistItemRow

    def __init__(self, controller, item, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.item = item
        self.setWindowTitle("Note")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        heading = QLabel(item.text)
        heading.setWordWrap(True)
        heading.setProperty("role", "subheading")
        layout.addWidget(heading)
        self.text = QPlainTextEdit(item.note)
        self.text.setPlaceholderText("What happened, what is missing, who to call…")
        self.text.setTabChangesFocus(True)
        layout.addWidget(self.text)
        hint = QLabel("Ctrl+Enter saves · Esc cancels")
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text.installEventFilter(self)  # Ctrl+Enter saves from inside the text
        self.resize(460, 240)
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (watched is self.text and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        result = self.controller.run_op(self, "Save note", checklist_service.set_item_note,
                                        self.item.id, self.text.toPlainText(), self.item.version)
        if result is not None:
            self.saved.emit(result[0])
            super().accept()


class ItemDialog(QDialog):
    """Add an item to an activity's checklist (after the selected one), or edit one."""

    saved = Signal(object)  # ChecklistItemRow

    def __init__(self, controller, checklist, item=None, after=None, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.checklist = checklist
        self.item = item
        self.after = after
        self.setWindowTitle("Edit item" if item else "Add an item")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        self.errors = error_label()
        layout.addWidget(self.errors)
        form = QFormLayout()
        layout.addLayout(form)
        self.section = QComboBox()
        self.section.setEditable(True)
        self.section.addItems([title for title, _items in checklist.sections()] or ["General"])
        base = item or after
        if base is not None:
            self.section.setCurrentText(base.section)
        self.text = QPlainTextEdit(item.text if item else "")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        self.owner = QLineEdit(item.owner if item else "")
        self.owner.setPlaceholderText("initials or name, e.g. MK")
        self.due = DateField(today=controller.today)
        self.due.set_date(item.due_on if item else None)
        self.moves = QCheckBox("&Moves with the activity")
        self.moves.setToolTip("When the activity's dates change, this due date moves along. "
                              "Untick for a fixed date, e.g. a partner's own deadline.")
        self.moves.setChecked(item is None or item.rule is not None or item.due_on is None)
        if item is not None and item.rule is not None:
            self.moves.setText(f"&Moves with the activity (now {item.rule.describe()})")
        self.guidance = QLineEdit(item.guidance if item else "")
        self.guidance.setPlaceholderText("why, or how (optional)")
        form.addRow("&Section:", self.section)
        form.addRow("&Item:", self.text)
        form.addRow("&Owner:", self.owner)
        form.addRow("&Due:", self.due)
        form.addRow("", self.moves)
        form.addRow("&Why / how:", self.guidance)
        self.fields = {"section": self.section, "text": self.text, "owner": self.owner, "due_on": self.due}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 320)
        self.text.setFocus()

    def accept(self) -> None:
        for widget in self.fields.values():
            mark_invalid(widget, None)
        try:
            try:
                due = self.due.date()
            except DateParseError as exc:
                raise ValidationError({"due_on": str(exc)}) from exc
            data = checklist_service.ItemInput(
                self.section.currentText(), self.text.toPlainText(), self.owner.text(), due,
                self.moves.isChecked(), self.guidance.text())
            if self.item is None:
                result = self.controller.run_op(self, "Add item", checklist_service.add_item,
                                                self.checklist.activity_id, data,
                                                self.after.id if self.after else None)
            else:
                result = self.controller.run_op(self, "Edit item", checklist_service.update_item,
                                                self.item.id, data, self.item.version)
        except ValidationError as exc:
            for key, message in exc.errors.items():
                if key in self.fields:
                    mark_invalid(self.fields[key], message)
            self.errors.setText("Not saved — " + "; ".join(exc.errors.values()))
            self.errors.show()
            return
        if result is not None:
            self.saved.emit(result[0])
            super().accept()
