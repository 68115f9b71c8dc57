"""Chosen columns: show or hide a list's columns from the header's context menu (or any menu
built from it), remembered per list in the user's preferences."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QTableView

from .table_model import Column


class ColumnChooser(QObject):
    def __init__(self, view: QTableView, columns: Sequence[Column], list_name: str, controller,
                 *, default_hidden: Iterable[str] = (), always_shown: Iterable[str] = ()) -> None:
        super().__init__(view)
        self.view = view
        self.columns = list(columns)
        self.list_name = list_name
        self.controller = controller
        self.default_hidden = frozenset(default_hidden)
        self.always_shown = frozenset(always_shown) or frozenset({self.columns[0].key})
        header = view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.menu(view).exec(header.mapToGlobal(pos)))
        self.apply()

    def hidden(self) -> set[str]:
        saved = self.controller.prefs.hidden_columns
        chosen = saved.get(self.list_name) if isinstance(saved, dict) else None
        keys = {c.key for c in self.columns}
        if not isinstance(chosen, list):
            return set(self.default_hidden) & keys
        return {k for k in chosen if k in keys and k not in self.always_shown}

    def apply(self) -> None:
        hidden = self.hidden()
        for i, column in enumerate(self.columns):
            self.view.setColumnHidden(i, column.key in hidden)

    def set_visible(self, key: str, visible: bool) -> None:
        hidden = self.hidden()
        (hidden.discard if visible else hidden.add)(key)
        self._store(hidden)

    def reset(self) -> None:
        self._store(set(self.default_hidden))

    def _store(self, hidden: set[str]) -> None:
        prefs = self.controller.prefs
        if not isinstance(prefs.hidden_columns, dict):
            prefs.hidden_columns = {}
        prefs.hidden_columns[self.list_name] = sorted(hidden - self.always_shown)
        self.controller.save_prefs()
        self.apply()

    def fill_menu(self, menu: QMenu) -> None:
        """Checkable entries, one per column, and a reset."""
        menu.clear()
        hidden = self.hidden()
        for column in self.columns:
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(column.key not in hidden)
            action.setEnabled(column.key not in self.always_shown)
            action.toggled.connect(lambda on, key=column.key: self.set_visible(key, on))
        menu.addSeparator()
        menu.addAction("Reset to the standard columns", self.reset)

    def menu(self, parent) -> QMenu:
        menu = QMenu(parent)
        self.fill_menu(menu)
        return menu
