"""Export the calendar (.ics): activities and everything due, from the File menu or Today."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ..common.export import default_export_folder
from ..common.messages import show_error


def export_calendar_dialog(parent: QWidget, controller) -> None:
    suggested = default_export_folder() / "ClusterDesk calendar.ics"
    path, _ = QFileDialog.getSaveFileName(parent, "Export calendar", str(suggested),
                                          "Calendar file (*.ics)")
    if path:
        export_calendar_to(controller, Path(path if path.endswith(".ics") else f"{path}.ics"), parent)


def export_calendar_to(controller, target: Path, parent: QWidget | None = None) -> None:
    """Write the calendar in the background; the status bar says how many entries."""
    from ...exports.ics import write_calendar
    from ...services.today import calendar_entries

    ctx = controller.ctx
    name = ctx.workspace.name

    def work() -> int:
        return write_calendar(target, calendar_entries(ctx), name)

    def done(count: int) -> None:
        controller.status.emit(f"Wrote {count} calendar entries to {target} — import it into your "
                               "calendar; importing a newer file updates them.")

    def failed(exc: BaseException, _trace: str) -> None:
        show_error(parent, "Export calendar", f"The calendar could not be written: {exc}")

    controller.runner.run(work, done, failed)
