"""The editor beside a list: a heading, the fields, Save (Ctrl+S) and Revert. It knows when
something was typed (unsaved), and a refused save keeps every keystroke, marks the refused
fields and says why — the same behaviour in every editor of the program.

A subclass builds its fields, registers them with `watch(key, widget)`, and implements
`fill(detail)` (show a record, or defaults for None), `collect()` (what is typed, as the
service's input; raises ValidationError for what cannot even be read) and `write(data)`
(call the service through `controller.run_op`; return the saved detail or None) — or, for
the usual create/update/get trio, names them in `services` and leaves write and reload be.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.errors import ValidationError
from .forms import error_label, lock_fields, mark_invalid
from .unsaved import UNSAVED_EDITORS


class FormEditor(QWidget):
    saved = Signal(object)  # the saved detail
    dirty_changed = Signal(bool)

    noun = "record"  # "activity", "partner": used in headings and tooltips
    #: the service functions behind the default write() and reload(): (create, update, get) as
    #: create(ctx, data), update(ctx, id, data), get(ctx, id); or override those two methods
    services: tuple | None = None

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.record_id = None
        self.version = 0
        self._dirty = False
        self._loading = False
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}

        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        self.title = QLabel(f"No {self.noun} selected")
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        header.addWidget(self.title, 1)
        self.state = QLabel()
        self.state.setProperty("role", "hint")
        header.addWidget(self.state)
        self.outer.addLayout(header)
        self.errors = error_label()
        self.outer.addWidget(self.errors)

        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.revert_button = QPushButton("&Revert")
        self.revert_button.setToolTip("Throw away unsaved changes")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip(f"Save this {self.noun} (Ctrl+S)")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.buttons.addWidget(self.revert_button)
        self.buttons.addWidget(self.save_button)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def finish_layout(self, body: QWidget) -> None:
        """Put the subclass's body between the heading and the buttons."""
        self.outer.addWidget(body, 1)
        self.outer.addLayout(self.buttons)
        self._set_dirty(False)
        self.setEnabled(False)

    # --- what was typed ------------------------------------------------------------------

    def watch(self, key: str, widget: QWidget, label: str = "") -> QWidget:
        """Register a field: typing in it makes the editor unsaved; errors for `key` mark it."""
        self.fields[key] = widget
        self.labels[key] = label or key.replace("_", " ").capitalize()
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._changed)
            if widget.isEditable():
                widget.editTextChanged.connect(self._changed)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            widget.textChanged.connect(self._changed)
        elif isinstance(widget, QAbstractButton):
            widget.toggled.connect(self._changed)
        elif hasattr(widget, "changed"):
            widget.changed.connect(self._changed)
        return widget

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.state.setText("● Unsaved changes" if dirty else "Read-only" if self.controller.read_only
                           else "Saved" if self.record_id else "")
        UNSAVED_EDITORS.note(self, dirty)
        self.dirty_changed.emit(dirty)

    def clear_errors(self) -> None:
        for widget in self.fields.values():
            mark_invalid(widget, None)
        self.errors.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, message in errors.items():
            if key in self.fields:
                mark_invalid(self.fields[key], message)
        first = next((widget for key, widget in self.fields.items() if key in errors), None)  # form order
        if first is not None:
            self.reveal(first)
            first.setFocus()
        self.errors.setText("Not saved — " + "; ".join(
            f"{self.labels.get(key, key).replace('&', '')}: {msg}" for key, msg in errors.items()))
        self.errors.show()

    def focus_first(self) -> None:
        """Put the cursor in the first field (a new record starts there)."""
        first = next(iter(self.fields.values()), None)
        if first is not None:
            self.reveal(first)
            first.setFocus()

    def reveal(self, widget: QWidget) -> None:
        """Make a field visible before focusing it (e.g. switch to its inner tab)."""

    # --- load and save -------------------------------------------------------------------

    def load(self, detail: Any | None) -> None:
        """Show a saved record, or an empty form for a new one (None)."""
        self._loading = True
        self.clear_errors()
        try:
            self.record_id = getattr(detail, "id", None)
            self.version = detail.data.version if detail is not None else 0
            self.fill(detail)
        finally:
            self._loading = False
        self.setEnabled(True)
        lock_fields(self.fields.values(), self.controller.read_only)
        self._set_dirty(detail is None and not self.controller.read_only)

    def clear(self) -> None:
        """Nothing selected: an empty, disabled editor."""
        self.load(None)
        self._set_dirty(False)
        self.setEnabled(False)
        self.title.setText(f"No {self.noun} selected")

    def save(self) -> bool:
        """Save; on refusal keep the typing and say what is wrong. True when saved."""
        if not self._dirty:
            return True
        self.clear_errors()
        try:
            result = self.write(self.collect())
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if result is None:
            self._set_dirty(True)
            return False
        detail = result[0] if isinstance(result, tuple) else result
        self.load(detail)
        self.saved.emit(detail)
        return True

    def revert(self) -> None:
        if self.record_id is None:
            self.clear()
            return
        self.load(self.reload())

    # --- for subclasses --------------------------------------------------------------------

    def fill(self, detail: Any | None) -> None:
        raise NotImplementedError

    def collect(self) -> Any:
        raise NotImplementedError

    def write(self, data: Any) -> Any:
        if self.services is None:
            raise NotImplementedError
        create, update, _get = self.services
        title = f"Save {self.noun}"
        if self.record_id is None:
            return self.controller.run_op(self, title, create, data)
        return self.controller.run_op(self, title, update, self.record_id, data)

    def reload(self) -> Any:
        """The saved record again (for Revert)."""
        if self.services is None:
            raise NotImplementedError
        return self.services[2](self.controller.ctx, self.record_id)
