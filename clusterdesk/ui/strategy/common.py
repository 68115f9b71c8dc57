"""Small pieces the strategy sections share: the choice of a strategy version, the colours
of a KPI's status, and saving the strategy document and action plans as files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from ...domain.strategy import KpiStatus
from ...services import strategy as strategy_service
from ..common.export import ask_save_path, open_file
from ..common.forms import find_data
from ..common.messages import confirm, show_error
from ..common.theme import DONE, DUE_SOON, OVERDUE

STATUS_COLOURS = {KpiStatus.ON_TRACK: DONE, KpiStatus.AT_RISK: DUE_SOON, KpiStatus.OFF_TRACK: OVERDUE,
                  KpiStatus.NO_DATA: "#8a96a3"}
STATUS_MARKS = {KpiStatus.ON_TRACK: "●", KpiStatus.AT_RISK: "▲", KpiStatus.OFF_TRACK: "■",
                KpiStatus.NO_DATA: "○"}  # shape as well as colour, for the colour-blind and print


class StrategyChoice(QComboBox):
    """The strategy versions, newest first, with the approved one marked; optionally an
    'all versions' entry (data None) first, for filters."""

    def __init__(self, all_label: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all_label = all_label
        self.setToolTip("The strategy version")
        self.setPlaceholderText("no strategy version yet — write one in Versions (Alt+1)")
        self.setMinimumContentsLength(22)

    def fill(self, ctx, *, prefer_approved: bool = True) -> None:
        """Refill from the services, keeping the current choice (or choosing the approved
        version the first time)."""
        current = self.currentData() if self.count() else "first time"
        self.blockSignals(True)
        self.clear()
        if self.all_label is not None:
            self.addItem(self.all_label, None)
        approved = None
        for row in strategy_service.list_strategies(ctx):
            mark = "  ✓ approved" if row.status == "approved" else ("  (draft)" if row.status == "draft" else "")
            self.addItem(row.title + mark, row.id)
            if row.status == "approved":
                approved = row.id
        wanted = approved if current == "first time" and prefer_approved else current
        index = find_data(self, wanted)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)

    def choose(self, strategy_id) -> None:
        index = find_data(self, strategy_id)
        if index >= 0:
            self.setCurrentIndex(index)


def _export(parent: QWidget, controller, title: str, work, target: Path, asked: bool) -> None:
    def done(path: Path) -> None:
        controller.status.emit(f"Saved {path}")
        if asked and confirm(parent, title, f"Saved to {path}.\n\nOpen it now?", "Open"):
            open_file(path)

    def failed(exc: BaseException, _trace: str) -> None:
        show_error(parent, title, f"The file could not be written: {exc}")

    controller.runner.run(work, done, failed)


def save_strategy_pdf(parent: QWidget, controller, strategy_id, target: Path | None = None) -> None:
    """The strategy document of a version as PDF; asks where when no target is given."""
    from ...services.strategy_document import strategy_document

    # Read here (a few quick queries); only the typesetting runs in the background.
    document = strategy_document(controller.ctx, strategy_id)
    asked = target is None
    target = target or ask_save_path(parent, "Strategy document", document.strategy.data.title,
                                     "PDF document", ".pdf")
    if target is None:
        return

    def work() -> Path:
        from ...exports.pdf.strategy_document import write_strategy_pdf

        return write_strategy_pdf(target, document)

    _export(parent, controller, "Strategy document", work, target, asked)


def save_action_plan(parent: QWidget, controller, plan_id, fmt: str, target: Path | None = None) -> None:
    """An action plan as PDF or Excel; asks where when no target is given."""
    from ...services.action_plans import get_action_plan

    plan = get_action_plan(controller.ctx, plan_id)
    name, today = controller.ctx.workspace.name, controller.ctx.today()
    asked = target is None
    kind = {"pdf": "PDF document", "xlsx": "Excel workbook"}[fmt]
    target = target or ask_save_path(parent, f"Action plan as {kind}", plan.name, kind, f".{fmt}")
    if target is None:
        return

    def work() -> Path:
        if fmt == "pdf":
            from ...exports.pdf.action_plan import write_action_plan_pdf

            return write_action_plan_pdf(target, plan, name, today)
        from ...exports.action_plans import write_action_plan_xlsx

        write_action_plan_xlsx(target, plan, today)
        return target

    _export(parent, controller, "Action plan", work, target, asked)
