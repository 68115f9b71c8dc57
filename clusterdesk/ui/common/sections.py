"""A tab made of sections (an inner tab bar): each section a view of its own that keeps the
TabPage contract, built from a ("title", "module:Class") registry; Alt+1, Alt+2… switch."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...domain.changes import Changes
from .tab import ListExport, TabPage


class SectionedTab(TabPage):
    #: (title, "module:Class") of each section, in the order of the inner tab bar
    SECTIONS: tuple[tuple[str, str], ...] = ()

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)
        self.views: dict[str, TabPage] = {}
        for number, (title, factory) in enumerate(self.SECTIONS, start=1):
            module_name, class_name = factory.split(":")
            view = getattr(importlib.import_module(module_name), class_name)(controller)
            self.views[title] = view
            index = self.sections.addTab(view, title)
            self.sections.setTabToolTip(index, f"{title} (Alt+{number})")
            QShortcut(QKeySequence(f"Alt+{number}"), self, lambda t=title: self.show_section(t))
        self.sections.setTabBarAutoHide(len(self.SECTIONS) == 1)
        self.sections.currentChanged.connect(self._section_shown)
        layout.addWidget(self.sections)

    def current_view(self) -> TabPage:
        return self.sections.currentWidget()

    def show_section(self, title: str) -> TabPage:
        self.sections.setCurrentWidget(self.views[title])
        return self.views[title]

    def _section_shown(self, _index: int) -> None:
        self.current_view().focus_primary()

    def refresh(self) -> None:
        for view in self.views.values():
            view.refresh()

    def on_changed(self, changes: Changes) -> None:
        for view in self.views.values():
            view.on_changed(changes)

    def list_export(self) -> ListExport | None:
        return self.current_view().list_export()

    def focus_primary(self) -> None:
        self.current_view().focus_primary()

    def confirm_discard(self) -> bool:
        return all(getattr(v, "confirm_discard", lambda: True)() for v in self.views.values())
