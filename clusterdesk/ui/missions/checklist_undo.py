"""Ctrl+Z on the checklist: the last ticks, unticks, notes, edits, additions and removals are
undone one by one, newest first — also for an item "Hide done" has taken off the screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...services import checklists as checklist_service

MAX_STEPS = 50


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class UndoStep:
    what: str  # "tick of “Launch the event website”"
    activity_id: Any
    item_id: Any
    undo: Callable[..., Any]  # (controller, parent) -> the service's result, None when refused


class ChecklistUndo:
    """The steps that can be undone, newest last."""

    def __init__(self) -> None:
        self.steps: list[UndoStep] = []

    def _push(self, step: UndoStep) -> None:
        self.steps.append(step)
        del self.steps[:-MAX_STEPS]

    def changed(self, action: str, before, after) -> None:
        """An item was ticked, unticked, given a note or edited: undo puts `before` back,
        provided it still looks as the change left it (`after`)."""
        def undo(controller, parent=None):
            return controller.run_op(parent, "Undo", checklist_service.revert_item, before, after)
        self._push(UndoStep(f"{action} “{_short(before.text)}”", before.activity_id, before.id, undo))

    def added(self, row) -> None:
        def undo(controller, parent=None):
            return controller.run_op(parent, "Undo", checklist_service.remove_item, row.id)
        self._push(UndoStep(f"adding of “{_short(row.text)}”", row.activity_id, row.id, undo))

    def removed(self, row) -> None:
        def undo(controller, parent=None):
            return controller.run_op(parent, "Undo", checklist_service.restore_item, row.id)
        self._push(UndoStep(f"removal of “{_short(row.text)}”", row.activity_id, row.id, undo))

    def pop(self) -> UndoStep | None:
        return self.steps.pop() if self.steps else None

    def __bool__(self) -> bool:
        return bool(self.steps)
