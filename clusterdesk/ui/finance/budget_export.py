"""Saving a budget or a SWOT analysis from the window: ask where, write in the background, say
where it went in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..common.export import ask_save_path
from ..common.messages import show_error

KINDS = {"pdf": ("PDF", ".pdf"), "xlsx": ("Excel workbook", ".xlsx")}


def save_in_background(parent: QWidget, controller, what: str, name: str, fmt: str,
                       write: Callable[[Path], object]) -> None:
    """Ask for a file name (suggesting `name`), then run `write(path)` off the GUI thread."""
    kind, suffix = KINDS[fmt]
    target = ask_save_path(parent, f"Save the {what} as {kind}", name, kind, suffix)
    if target is not None:
        write_to(parent, controller, what, target, write)


def write_to(parent: QWidget | None, controller, what: str, target: Path, write: Callable[[Path], object]) -> None:
    def done(_result) -> None:
        controller.status.emit(f"Saved the {what} to {target}")

    def failed(exc: BaseException, _trace: str) -> None:
        show_error(parent, f"Save the {what}", f"The file could not be written: {exc}")

    controller.runner.run(lambda: write(target), done, failed)


def budget_writer(controller, detail, fmt: str) -> Callable[[Path], object]:
    from ...exports.budgets import write_budget_xlsx
    from ...exports.pdf.budget import write_budget_pdf

    name = controller.ctx.workspace.name
    if fmt == "pdf":
        return lambda path: write_budget_pdf(path, detail, name)
    return lambda path: write_budget_xlsx(path, detail)


def export_budget_dialog(parent: QWidget, controller, detail, fmt: str) -> None:
    save_in_background(parent, controller, "budget", f"Budget {detail.data.name}", fmt,
                       budget_writer(controller, detail, fmt))
