"""Budget arithmetic (handbook §2.2): cost lines, a patchwork of funding lines, the gap left
unfunded, and the price per participant under each co-funding model of §2.2.3. Exact: every
amount is Money (Decimal) in the budget's one currency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from .enums import CoFundingModel, CostCategory, CostTier
from .money import Money, minor_unit_digits

HUNDRED = Decimal(100)

#: which co-funding tier each cost category belongs to
TIER_OF: dict[CostCategory, CostTier] = {
    CostCategory.TRAVEL: CostTier.PARTICIPANTS,
    CostCategory.ACCOMMODATION: CostTier.PARTICIPANTS,
    CostCategory.SUBSISTENCE: CostTier.PARTICIPANTS,
    CostCategory.VENUE: CostTier.ACTIVITY,
    CostCategory.LOCAL_TRANSPORT: CostTier.ACTIVITY,
    CostCategory.PROGRAMME: CostTier.ACTIVITY,
    CostCategory.CATERING: CostTier.ACTIVITY,
    CostCategory.MARKETING: CostTier.ACTIVITY,
    CostCategory.OTHER: CostTier.ACTIVITY,
    CostCategory.STAFF_TIME: CostTier.SECRETARIAT,
    CostCategory.STAFF_TRAVEL: CostTier.SECRETARIAT,
}

#: the costs the participants pay between them under each model
MODEL_TIERS: dict[CoFundingModel, tuple[CostTier, ...]] = {
    CoFundingModel.NONE: (),
    CoFundingModel.OWN_COSTS: (CostTier.PARTICIPANTS,),
    CoFundingModel.PLUS_ACTIVITY: (CostTier.PARTICIPANTS, CostTier.ACTIVITY),
    CoFundingModel.PLUS_SECRETARIAT: (CostTier.PARTICIPANTS, CostTier.ACTIVITY, CostTier.SECRETARIAT),
}


class MixedCurrencies(ValueError):
    """A line in another currency than its budget's."""


def tier_of(category: str) -> CostTier:
    return TIER_OF[CostCategory(category)]


@dataclass(frozen=True)
class CostLine:
    category: str
    amount: Money  # per participant when `per_participant`, else for the whole activity
    per_participant: bool = False
    description: str = ""

    def total(self, participants: int | None) -> Money:
        return self.amount * (participants or 0) if self.per_participant else self.amount


@dataclass(frozen=True)
class FundingLine:
    amount: Money
    secured: bool = False
    description: str = ""


@dataclass(frozen=True)
class BudgetFigures:
    currency: str
    participants: int | None
    costs: Money
    by_tier: dict[CostTier, Money]
    funding: Money
    secured: Money
    gap: Money  # costs not covered by any funding line; negative when overfunded
    unsecured: Money  # costs not covered by secured funding
    prices: dict[CoFundingModel, Money | None] = field(default_factory=dict)

    @property
    def gap_percent(self) -> Decimal | None:
        return share(self.gap, self.costs)

    @property
    def funded_percent(self) -> Decimal | None:
        return share(self.funding, self.costs)

    def price(self, model: CoFundingModel | str) -> Money | None:
        return self.prices.get(CoFundingModel(model))

    def fees(self, model: CoFundingModel | str) -> Money | None:
        """What the participants pay together under `model` at its price."""
        price = self.price(model)
        return None if price is None else price * (self.participants or 0)


def _same_currency(amounts: Sequence[Money], currency: str, what: str) -> None:
    for number, amount in enumerate(amounts, start=1):
        if amount.currency != currency:
            raise MixedCurrencies(f"{what} {number} is in {amount.currency}; this budget is in "
                                  f"{currency}. A budget keeps one currency: convert the amount first.")


def sum_money(amounts, currency: str) -> Money:
    total = Money(Decimal(0), currency)
    for amount in amounts:
        total = total + amount
    return total


def share(part: Money, whole: Money) -> Decimal | None:
    """`part` as a percentage of `whole`, to one decimal; None when `whole` is nothing."""
    if whole.amount == 0:
        return None
    return (part.amount * HUNDRED / whole.amount).quantize(Decimal("0.1"), ROUND_HALF_UP)


def price_per_participant(by_tier: dict[CostTier, Money], model: CoFundingModel | str,
                          participants: int | None, currency: str) -> Money | None:
    """The price that covers the model's share of the costs, rounded up to the cent so that
    the participants together never pay less than the costs. None without participants."""
    tiers = MODEL_TIERS[CoFundingModel(model)]
    if not tiers:
        return Money(Decimal(0), currency)
    if not participants:
        return None
    covered = sum_money((by_tier[t] for t in tiers), currency)
    quantum = Decimal(1).scaleb(-minor_unit_digits(currency))
    return Money((covered.amount / participants).quantize(quantum, ROUND_CEILING), currency)


def budget_figures(currency: str, costs: Sequence[CostLine], funding: Sequence[FundingLine],
                   participants: int | None) -> BudgetFigures:
    """Totals, gap and prices of a budget; raises MixedCurrencies naming the first stray line."""
    _same_currency([c.amount for c in costs], currency, "Cost line")
    _same_currency([f.amount for f in funding], currency, "Funding line")
    by_tier = {tier: sum_money((c.total(participants) for c in costs
                                if tier_of(c.category) == tier), currency)
               for tier in CostTier}
    total_costs = sum_money(by_tier.values(), currency)
    total_funding = sum_money((f.amount for f in funding), currency)
    secured = sum_money((f.amount for f in funding if f.secured), currency)
    prices = {model: price_per_participant(by_tier, model, participants, currency)
              for model in CoFundingModel}
    return BudgetFigures(currency, participants, total_costs, by_tier, total_funding, secured,
                         total_costs - total_funding, total_costs - secured, prices)
