"""A tab made of sections (an inner tab bar): each section a view of its own that keeps the
TabPage contract, built from a ("title", "module:Class") registry; Alt+1, Alt+2… switch.

A section is built when first shown; a hidden one only notes that its data changed and
refreshes when it is shown again, so a save in one section never waits for the others."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedLayout, QTabWidget, QVBoxLayout, QWidget

from ...domain.changes import Changes
from .tab import ListExport, TabPage


class _Section(QWidget):
    """Holds a section's place in the tab bar until it is first shown."""

    def __init__(self, factory: str, controller) -> None:
        super().__init__()
        self.factory = factory
        self.controller = controller
        self.view: TabPage | None = None
        self.stale = True
        self._layout = QStackedLayout(self)

    def build(self) -> TabPage:
        if self.view is None:
            module_name, class_name = self.factory.split(":")
            self.view = getattr(importlib.import_module(module_name), class_name)(self.controller)
            self._layout.addWidget(self.view)
        return self.view


class SectionedTab(TabPage):
    #: (title, "module:Class") of each section, in the order of the inner tab bar
    SECTIONS: tuple[tuple[str, str], ...] = ()

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)
        self._holders: dict[str, _Section] = {}
        for number, (title, factory) in enumerate(self.SECTIONS, start=1):
            holder = _Section(factory, controller)
            self._holders[title] = holder
            index = self.sections.addTab(holder, title)
            self.sections.setTabToolTip(index, f"{title} (Alt+{number})")
            QShortcut(QKeySequence(f"Alt+{number}"), self, lambda t=title: self.show_section(t))
        self.sections.setTabBarAutoHide(len(self.SECTIONS) == 1)
        self.sections.currentChanged.connect(self._section_shown)
        layout.addWidget(self.sections)

    @property
    def views(self) -> dict[str, TabPage]:
        """The sections built so far, by title."""
        return {title: h.view for title, h in self._holders.items() if h.view is not None}

    def view(self, title: str) -> TabPage:
        """A section's view, built (and brought up to date) if needed."""
        holder = self._holders[title]
        view = holder.build()
        if holder.stale:
            holder.stale = False
            view.refresh()
        return view

    def _current_title(self) -> str:
        holder = self.sections.currentWidget()
        return next(t for t, h in self._holders.items() if h is holder)

    def current_view(self) -> TabPage:
        return self.view(self._current_title())

    def show_section(self, title: str) -> TabPage:
        self.sections.setCurrentWidget(self._holders[title])
        return self.view(title)

    def _section_shown(self, _index: int) -> None:
        self.current_view().focus_primary()

    def refresh(self) -> None:
        for holder in self._holders.values():
            holder.stale = True
        self.current_view()  # refreshes the one on screen; the others when shown

    def on_changed(self, changes: Changes) -> None:
        current = self.sections.currentWidget()
        for holder in self._holders.values():
            if holder.view is None:
                continue
            if holder is current and self.isVisible():
                holder.view.on_changed(changes)
            elif changes.touches(*holder.view.kinds):
                holder.stale = True

    def list_export(self) -> ListExport | None:
        return self.current_view().list_export()

    def focus_primary(self) -> None:
        self.current_view().focus_primary()

    def confirm_discard(self) -> bool:
        return all(getattr(v, "confirm_discard", lambda: True)() for v in self.views.values())
