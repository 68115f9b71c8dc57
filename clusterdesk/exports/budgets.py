"""A budget as an Excel workbook: the summary (totals, gap, price per participant under each
co-funding model), the cost lines with their tier and total, and the funding patchwork with
each line's share. Amounts are numbers, exact to the cent; the currency is named."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.budgets import share, tier_of
from ..domain.enums import CoFundingModel, CostCategory, CostTier
from ..domain.formatting import format_date
from .excel import Sheet, write_workbook

if TYPE_CHECKING:
    from ..services.budgets import BudgetDetail

COST_HEADERS = ("Category", "Paid by (§2.2.3)", "Description", "Amount", "Per participant",
                "Participants", "Total", "Currency")
FUNDING_HEADERS = ("Source", "Description", "Amount", "Secured", "Share of costs %", "Currency")


def _amount(money):
    return money.amount if money is not None else None


def summary_rows(detail: BudgetDetail) -> list[tuple]:
    data, figures = detail.data, detail.figures
    activity = detail.activity
    rows = [("Budget", data.name),
            ("For", f"{activity.name} ({format_date(activity.starts_on)})" if activity else "A project"),
            ("Currency", data.currency),
            ("Expected participants", data.participants),
            ("Co-funding model", CoFundingModel(data.co_funding_model).label),
            ("Total costs", figures.costs.amount)]
    rows += [(f"  {tier.label}", figures.by_tier[tier].amount) for tier in CostTier]
    rows += [("Funding", figures.funding.amount),
             ("  of it secured", figures.secured.amount),
             ("Unfunded gap", figures.gap.amount),
             ("Gap, % of the costs", figures.gap_percent),
             ("Not yet secured", figures.unsecured.amount)]
    rows += [(f"Price per participant: {model.label}", _amount(figures.price(model)))
             for model in CoFundingModel]
    rows.append(("Price per participant (the chosen model)", _amount(figures.price(data.co_funding_model))))
    if data.notes:
        rows.append(("Notes", data.notes))
    return rows


def cost_rows(detail: BudgetDetail) -> list[tuple]:
    participants = detail.data.participants
    return [(CostCategory(c.category).label, tier_of(c.category).label, c.description, c.amount.amount,
             "Yes" if c.per_participant else "", participants if c.per_participant else None,
             c.total(participants).amount, c.amount.currency)
            for c in _lines(detail.data.costs)]


def funding_rows(detail: BudgetDetail) -> list[tuple]:
    costs = detail.figures.costs
    return [(detail.source_names.get(f.source_id, ""), f.description, f.amount.amount,
             "Yes" if f.secured else "", share(f.amount, costs), f.amount.currency)
            for f in detail.data.funding]


def _lines(costs):
    from ..domain.budgets import CostLine

    return [CostLine(c.category, c.amount, c.per_participant, c.description) for c in costs]


def write_budget_xlsx(path: Path, detail: BudgetDetail) -> int:
    """Write the budget's three sheets; returns the number of cost and funding lines."""
    counts = write_workbook(Path(path), [
        Sheet("Summary", ("What", "Value"), summary_rows(detail)),
        Sheet("Costs", COST_HEADERS, cost_rows(detail)),
        Sheet("Funding", FUNDING_HEADERS, funding_rows(detail)),
    ])
    return counts[1] + counts[2]
