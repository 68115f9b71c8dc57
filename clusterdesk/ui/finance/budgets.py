"""Finance ▸ Budgets: every activity's or project's budget with its totals, how much is funded,
the gap and the price per participant, beside the budget editor; PDF and Excel of one budget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.enums import CoFundingModel
from ...domain.formatting import format_date, format_money_whole
from ...domain.funding import format_percent
from ...services import budgets as budget_service
from ..common.list_editor import ListEditorView
from ..common.table_model import Column
from ..common.theme import DONE, OVERDUE
from .budget_editor import BudgetEditor
from .budget_export import export_budget_dialog

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


COLUMNS = (
    Column("name", "Budget", lambda r: r.name, width=160, tooltip=lambda r: r.name),
    Column("for", "For", lambda r: r.activity_name or "Project", width=100,
           tooltip=lambda r: f"{r.activity_name}, {format_date(r.starts_on)}" if r.activity_name else "A project"),
    Column("costs", "Costs", lambda r: float(r.figures.costs.amount), width=82, align=RIGHT,
           text_of=lambda r: format_money_whole(r.figures.costs)),
    Column("gap", "Gap", lambda r: float(r.figures.gap.amount), width=80, align=RIGHT,
           text_of=lambda r: format_money_whole(r.figures.gap) if r.figures.gap.amount > 0 else "—",
           tooltip=lambda r: f"{format_percent(r.figures.gap_percent)} of the costs unfunded; "
                             f"{format_percent(r.figures.funded_percent)} funded"),
    Column("price", "Price each", lambda r: float(p.amount) if (p := r.figures.price(r.co_funding_model)) else -1,
           align=RIGHT, text_of=lambda r: format_money_whole(r.figures.price(r.co_funding_model))),
)


def _amount(money):
    return money.amount if money is not None else None


EXPORT_COLUMNS = (
    Column("name", "Budget", lambda r: r.name),
    Column("for", "Activity", lambda r: r.activity_name),
    Column("starts", "Starts", lambda r: r.starts_on),
    Column("currency", "Currency", lambda r: r.figures.currency),
    Column("participants", "Participants", lambda r: r.figures.participants),
    Column("costs", "Costs", lambda r: r.figures.costs.amount),
    Column("funding", "Funding", lambda r: r.figures.funding.amount),
    Column("secured", "Secured", lambda r: r.figures.secured.amount),
    Column("gap", "Gap", lambda r: r.figures.gap.amount),
    Column("gap_percent", "Gap %", lambda r: r.figures.gap_percent),
    Column("model", "Co-funding model", lambda r: CoFundingModel(r.co_funding_model).label),
    Column("price", "Price per participant", lambda r: _amount(r.figures.price(r.co_funding_model))),
)


class BudgetsView(ListEditorView):
    kinds = ("budgets", "budget_costs", "budget_funding", "funding_sources", "activities", "participants")
    noun = "budget"
    plural = "budgets"
    export_title = "Budgets"
    export_columns = EXPORT_COLUMNS
    filter_hint = "Filter by name or activity…  (Ctrl+F)"
    columns = COLUMNS
    list_share = 2, 3

    def __init__(self, controller, parent=None) -> None:
        super().__init__(controller, parent)
        self.editor.export_requested.connect(self.export)

    def make_editor(self) -> BudgetEditor:
        return BudgetEditor(self.controller)

    def fetch_rows(self, text: str, deleted: bool):
        return budget_service.list_budgets(self.ctx, text, deleted=deleted)

    def fetch_detail(self, record_id):
        return budget_service.get_budget(self.ctx, record_id)

    def delete_record(self, record_id):
        return self.controller.run_op(self, "Delete budget", budget_service.delete_budget, record_id)

    def restore_record(self, record_id):
        return self.controller.run_op(self, "Restore budget", budget_service.restore_budget, record_id)

    def decorate(self, row, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and row.figures.costs.amount:
            return QBrush(QColor(OVERDUE if row.figures.gap.amount > 0 else DONE))
        return None

    def export(self, fmt: str) -> None:
        """PDF (Ctrl+P) or Excel of the budget in the editor, as last saved."""
        if self.editor.record_id is None or (self.editor.dirty and not self.editor.save()):
            return
        export_budget_dialog(self, self.controller, budget_service.get_budget(self.ctx, self.editor.record_id), fmt)
