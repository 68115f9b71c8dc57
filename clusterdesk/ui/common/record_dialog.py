"""A dialog that adds or edits one record: Save (Enter in a one-line field, Ctrl+S, or the
shortcuts a dialog adds) writes through the service; a refused save keeps the dialog open
with everything typed, each refused field marked with its reason; Esc asks before throwing
typing away."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...services.errors import ValidationError
from .forms import error_label, mark_invalid, show_field_errors
from .messages import confirm


class RecordDialog(QDialog):
    saved = Signal(object)  # what the service returned for the record

    #: the words of "Discard …?" when typing would be thrown away
    noun = "record"

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.record_id = None
        self.version = 0
        self.errors = error_label()
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self._typed: tuple = ()

    def add_buttons(self, layout: QLayout, save_keys: Sequence = ()) -> None:
        """The Save and Cancel buttons; call last, once the fields hold what was loaded."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        keys = ", ".join(("Ctrl+S", *save_keys))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(f"Save ({keys})")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for key in (QKeySequence.StandardKey.Save, *save_keys):
            QShortcut(QKeySequence(key), self, self.save)
        self._typed = self.snapshot()

    # --- what each dialog provides -------------------------------------------------------

    def collect(self):
        """What is typed, as the service's input; raises ValidationError naming bad fields."""
        raise NotImplementedError

    def write(self, data):
        """Create or update through controller.run_op; its result, or None when refused."""
        raise NotImplementedError

    def snapshot(self) -> tuple:
        """Everything typed, to tell whether there is typing to lose."""
        raise NotImplementedError

    def mark_other_errors(self, errors: dict[str, str]) -> QWidget | None:
        """Mark errors that are not about one of `fields` (rows of a grid); the widget to
        focus when no field was refused."""
        return None

    # --- save and cancel -----------------------------------------------------------------

    def clear_errors(self) -> None:
        for widget in self.fields.values():
            mark_invalid(widget, None)
        self.errors.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        other = self.mark_other_errors(errors)
        if show_field_errors(self.fields, errors, self.errors, self.labels) is None and other:
            other.setFocus()
        self.adjustSize()

    def save(self) -> bool:
        """Save and close; on refusal stay open with the typing kept. True when saved."""
        self.clear_errors()
        try:
            result = self.write(self.collect())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            return False
        record = result[0]
        self.record_id = record.id
        self._typed = self.snapshot()
        self.saved.emit(record)
        self.accept()
        return True

    def reject(self) -> None:
        """Esc or Cancel: ask before throwing typing away."""
        if self.snapshot() != self._typed and not confirm(
                self, f"Discard {self.noun}", f"Throw away what you typed for this {self.noun}?",
                "Discard"):
            return
        super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Enter in a one-line field saves, as the default button would.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
                self.focusWidget(), QPlainTextEdit | QPushButton):
            self.save()
            return
        super().keyPressEvent(event)
