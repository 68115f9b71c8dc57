"""The small contract every tab keeps (STYLE §11)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from ...domain.changes import Changes

if TYPE_CHECKING:
    from ..controller import WorkspaceController
    from .table_model import Column


@dataclass(frozen=True)
class ListExport:
    """What "Export list to Excel" writes for the tab's current list."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Any]  # a list, or a lazy iterable read in the background while writing


class TabPage(QWidget):
    #: table names this tab shows; a write touching any of them refreshes it
    kinds: tuple[str, ...] = ()

    def __init__(self, controller: WorkspaceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

    @property
    def ctx(self):
        return self.controller.ctx

    def refresh(self) -> None:
        """Reload everything shown from the services."""

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.kinds):
            self.refresh()

    def list_export(self) -> ListExport | None:
        """The list on screen, for Excel; None when the tab has no list."""
        return None

    def focus_primary(self) -> None:
        """Put the keyboard where the user starts working on this tab."""
        self.setFocus()
