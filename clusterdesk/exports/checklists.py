"""An activity's checklist as an Excel sheet: one row per item with its status, due date,
owner, who ticked it and when, and the note."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..domain.checklists import due_state
from .excel import write_table

HEADERS = ("Section", "Item", "Status", "Due", "Owner", "Ticked by", "Ticked at", "Note",
           "Why / how")
STATUS_TEXT = {"done": "Done", "overdue": "Overdue", "soon": "Due soon", "later": "Open",
               "none": "Open"}


def checklist_rows(checklist, today: date) -> list[list]:
    return [[item.section, item.text, STATUS_TEXT[due_state(item.due_on, item.done, today)],
             item.due_on, item.owner, item.done_by, item.done_at, item.note, item.guidance]
            for item in checklist.items]


def write_checklist_xlsx(path: Path, checklist, today: date) -> int:
    """Write the checklist to `path`; returns the number of items written."""
    return write_table(Path(path), f"Checklist – {checklist.activity_name}", HEADERS,
                       checklist_rows(checklist, today), sheet_name=checklist.activity_name)
