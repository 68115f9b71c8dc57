"""The row under an editor: what state it is in, Revert, and Save (Ctrl+S)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from .unsaved import UNSAVED_EDITORS

UNSAVED = "● Unsaved changes"


class SaveBar(QWidget):
    def __init__(self, what: str, save: Callable[[], object], revert: Callable[[], object],
                 parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel()
        self.state.setProperty("role", "hint")
        self.state.setWordWrap(True)
        layout.addWidget(self.state, 1)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setToolTip("Throw away unsaved changes")
        self.revert_button.clicked.connect(revert)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip(f"Save the {what} (Ctrl+S)")
        self.save_button.clicked.connect(save)
        layout.addWidget(self.revert_button)
        layout.addWidget(self.save_button)

    def show_state(self, dirty: bool, saved_text: str = "") -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        self.state.setText(UNSAVED if dirty else saved_text)
        UNSAVED_EDITORS.note(self, dirty)
