"""The figures under the budget editor, as rich text: the costs by co-funding tier, the
funding and how much of it is secured, the gap, and the price per participant under each
model of §2.2.3 with the chosen one in bold — and the activity's own figures beside them."""

from __future__ import annotations

from xml.sax.saxutils import escape

from ...domain.budgets import BudgetFigures
from ...domain.enums import CoFundingModel, CostTier
from ...domain.formatting import format_money_compact as format_money
from ...domain.formatting import format_quantity
from ..common.theme import DONE, OVERDUE

SHORT_MODEL = {CoFundingModel.NONE: "free", CoFundingModel.OWN_COSTS: "own costs",
               CoFundingModel.PLUS_ACTIVITY: "+ activity", CoFundingModel.PLUS_SECRETARIAT: "+ secretariat"}


def gap_html(figures: BudgetFigures) -> str:
    gap = figures.gap
    if gap.amount > 0:
        return (f"<b style='color:{OVERDUE}'>Unfunded gap {format_money(gap)} "
                f"({format_quantity(figures.gap_percent, '%')})</b>")
    if gap.amount < 0:
        return f"<b style='color:{DONE}'>Funded, with {format_money(gap * -1)} to spare</b>"
    return f"<b style='color:{DONE}'>Fully funded</b>" if figures.costs.amount else "No costs yet"


def summary_html(figures: BudgetFigures, chosen: str, linked=None, left_out: list[str] | None = None) -> str:
    tiers = " · ".join(f"{tier.label.lower()} {format_money(figures.by_tier[tier])}" for tier in CostTier
                       if figures.by_tier[tier].amount)
    funded = figures.funded_percent
    lines = [
        f"Costs <b>{format_money(figures.costs)}</b>" + (f" — {tiers}" if tiers else ""),
        f"Funding <b>{format_money(figures.funding)}</b>" + (f" ({format_quantity(funded, '%')})" if funded is not None else "")
        + f", of it secured {format_money(figures.secured)} · {gap_html(figures)}",
    ]
    prices = []
    for model in CoFundingModel:
        price = figures.price(model)
        text = f"{SHORT_MODEL[model]}: {format_money(price) if price is not None else '—'}"
        prices.append(f"<b>{text}</b>" if model.value == chosen else text)
    who = (f"{figures.participants} expected" if figures.participants
           else "give the expected participants")
    lines.append(f"Price per participant ({who}): " + " · ".join(prices))
    fees = figures.fees(chosen)
    if fees is not None and fees.amount:
        lines.append(f"At that price the participants pay {format_money(fees)} together.")
    if linked is not None:
        recorded = ", ".join(p for p in (
            f"budget {format_money(linked.budget)}" if linked.budget else "",
            f"price {format_money(linked.price)}" if linked.price else "") if p) or "no budget or price"
        lines.append(f"<span style='color:gray'>The activity “{escape(linked.name)}” records {recorded}; "
                     f"{linked.signed_up} signed up.</span>")
    if left_out:
        lines.append(f"<span style='color:{OVERDUE}'>Not counted yet (no amount, or another currency): "
                     f"{', '.join(left_out)}.</span>")
    return "<br>".join(lines)
