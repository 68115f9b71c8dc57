"""Saving a checklist from the window: PDF to print and take along, or Excel; written in the
background, with the status bar saying where."""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ..common.export import default_export_folder
from ..common.messages import show_error
from ..common.tab import ListExport
from ..common.table_model import Column

KINDS = {"pdf": "PDF", "xlsx": "Excel workbook"}


def ask_and_export(parent: QWidget, controller, checklist, fmt: str) -> None:
    name = "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in checklist.activity_name)
    suggested = default_export_folder() / f"Checklist {name.strip()}.{fmt}"
    path, _ = QFileDialog.getSaveFileName(parent, f"Save the checklist as {KINDS[fmt]}", str(suggested),
                                          f"{KINDS[fmt]} (*.{fmt})")
    if path:
        target = Path(path) if path.endswith(f".{fmt}") else Path(f"{path}.{fmt}")
        export_checklist(parent, controller, checklist, target, fmt)


def export_checklist(parent: QWidget, controller, checklist, path: Path, fmt: str) -> None:
    from ...exports.checklists import write_checklist_xlsx
    from ...exports.pdf.checklist import write_checklist_pdf

    name, today = controller.ctx.workspace.name, controller.ctx.today()

    def work():
        if fmt == "pdf":
            return write_checklist_pdf(path, checklist, name, today)
        return write_checklist_xlsx(path, checklist, today)

    def done(_result) -> None:
        controller.status.emit(f"Saved {path}")

    def failed(exc: BaseException, _trace: str) -> None:
        show_error(parent, "Export checklist", f"The file could not be written: {exc}")

    controller.runner.run(work, done, failed)


def checklist_list_export(checklist, today) -> ListExport:
    """The checklist for File ▸ Export list to Excel: the same columns as its own Excel file."""
    from ...exports.checklists import HEADERS, checklist_rows

    columns = [Column(str(i), title, itemgetter(i)) for i, title in enumerate(HEADERS)]
    return ListExport(f"Checklist – {checklist.activity_name}", columns, checklist_rows(checklist, today))
