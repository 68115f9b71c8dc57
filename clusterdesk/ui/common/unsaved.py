"""Which editors hold typing that is not saved yet, for the status bar: the window says
"All changes saved" only when that is true."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class UnsavedTracker(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._editors: dict[int, QWidget] = {}

    def note(self, editor: QWidget, dirty: bool) -> None:
        """An editor's unsaved state changed (editors call this from their own state)."""
        key = id(editor)
        if dirty:
            if key in self._editors:
                return
            self._editors[key] = editor
            editor.destroyed.connect(lambda *_: self._forget(key))
        elif self._editors.pop(key, None) is None:
            return
        self.changed.emit()

    def _forget(self, key: int) -> None:
        if self._editors.pop(key, None) is not None and shiboken6.isValid(self):
            self.changed.emit()  # not while the program exits (the tracker goes first then)

    def count(self) -> int:
        """Editors with unsaved typing in a window still open (a dialog closed without saving
        does not count: its typing is gone)."""
        return sum(1 for editor in list(self._editors.values())
                   if shiboken6.isValid(editor) and editor.window().isVisible())


UNSAVED_EDITORS = UnsavedTracker()
