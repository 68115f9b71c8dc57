"""Export the list on screen to Excel, in the background, then offer to open it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.text import plural
from .messages import show_error
from .tab import ListExport


def default_export_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


def safe_file_name(text: str, fallback: str = "export") -> str:
    """A file name from any title: letters, digits, spaces, - and _ kept, the rest '_'."""
    return "".join(ch if ch.isalnum() or ch in " -_" else "_" for ch in text).strip() or fallback


def ask_save_path(parent: QWidget | None, title: str, name: str, kind: str, suffix: str) -> Path | None:
    """Ask where to save, suggesting `name` in the documents folder; None when cancelled."""
    suggested = default_export_folder() / f"{safe_file_name(name)}{suffix}"
    path, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), f"{kind} (*{suffix})")
    if not path:
        return None
    return Path(path if path.lower().endswith(suffix) else path + suffix)


def export_list_dialog(parent: QWidget, controller, export: ListExport) -> None:
    target = ask_save_path(parent, "Export list to Excel", export.title, "Excel workbook", ".xlsx")
    if target is not None:
        export_list_to(controller, export, target, parent)


def export_list_to(controller, export: ListExport, target: Path, parent: QWidget | None = None) -> None:
    from ...exports.excel import write_table

    headers = [c.title for c in export.columns]
    # A long list may come as a lazy iterable (read through the services, which is safe off
    # the GUI thread); it is then read while the file is written, in the background.
    rows = export.rows
    columns = list(export.columns)

    def work() -> int:
        return write_table(target, export.title, headers,
                           ([c.export_value(row) for c in columns] for row in rows))

    def done(count: int) -> None:
        message = f"Exported {plural(count, 'row')} to {target}"
        controller.status.emit(message)
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(message, 10_000)

    def failed(exc: BaseException, _trace: str) -> None:
        show_error(parent, "Export list", f"The export failed: {exc}")

    controller.runner.run(work, done, failed)


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
