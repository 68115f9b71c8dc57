"""A list of choices with tick boxes and a filter line above it, for a form that links a record
to a few of many others (a partnership's partners, a service's activities): type to narrow
the list, arrow down into it, Space ticks. Ticks made while the list is filtered are kept."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from .editable_rows import CheckableListModel


class TickList(QWidget):
    changed = Signal()

    def __init__(self, placeholder: str = "Filter…", *, height: int = 0, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.model = CheckableListModel(self)
        self.model.changed.connect(self._ticked)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.returnPressed.connect(self._into_list)
        self.view = QListView()
        self.view.setModel(self.proxy)
        if height:
            self.view.setFixedHeight(height)
        self.summary = QLabel()
        self.summary.setProperty("role", "hint")
        self.summary.setWordWrap(True)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.setFocusProxy(self.filter)
        self.noun = "ticked"

    def set_choices(self, choices: Sequence[tuple[Any, str]]) -> None:
        ticked = self.model.checked()
        self.model.set_choices(choices)
        self.model.set_checked(ticked)
        self._show_summary()

    def set_checked(self, values) -> None:
        self.model.set_checked(values)
        self._show_summary()

    def checked(self) -> tuple:
        return self.model.checked()

    def choices(self) -> list[tuple[Any, str]]:
        return self.model.choices()

    def _ticked(self) -> None:
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        labels = dict(self.model.choices())
        ticked = [labels[v] for v in self.model.checked()]
        self.summary.setText(f"{len(ticked)} {self.noun}" if ticked else "None ticked")
        self.summary.setToolTip("\n".join(ticked))

    def _into_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
