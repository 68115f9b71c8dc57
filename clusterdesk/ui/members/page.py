"""Members (Phase 1): organisations, and the sections for campaigns, questionnaires and
markets, each a view of its own in an inner tab bar."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from ...domain.changes import Changes
from ..common.tab import ListExport, TabPage

# (title, "module:Class"); each class keeps the TabPage contract.
SECTIONS = (
    ("Organisations", "clusterdesk.ui.members.organisations:OrganisationsView"),
    ("Duplicates", "clusterdesk.ui.members.duplicates:DuplicatesView"),
    ("Imports", "clusterdesk.ui.imports.history:ImportHistoryView"),
)


class MembersTab(TabPage):
    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)
        self.views: dict[str, TabPage] = {}
        for title, factory in SECTIONS:
            module_name, class_name = factory.split(":")
            view = getattr(importlib.import_module(module_name), class_name)(controller)
            self.views[title] = view
            self.sections.addTab(view, title)
        self.sections.setTabBarAutoHide(len(SECTIONS) == 1)
        self.sections.currentChanged.connect(lambda _i: self.focus_primary())
        layout.addWidget(self.sections)

    @property
    def organisations(self):
        return self.views["Organisations"]

    def current_view(self) -> TabPage:
        return self.sections.currentWidget()

    def show_section(self, title: str) -> TabPage:
        self.sections.setCurrentWidget(self.views[title])
        return self.views[title]

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

    def select_member(self, member_id) -> bool:
        self.show_section("Organisations")
        return self.organisations.select_member(member_id)

    def confirm_discard(self) -> bool:
        return all(getattr(v, "confirm_discard", lambda: True)() for v in self.views.values())
