"""Budgets (§2.2): per activity or project, cost lines and a patchwork of funding lines in one
currency, the gap left unfunded, and the price per participant that the chosen co-funding
model of §2.2.3 asks for."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select

from ..domain.budgets import BudgetFigures, CostLine, FundingLine, budget_figures
from ..domain.changes import Changes
from ..domain.enums import CoFundingModel, CostCategory
from ..domain.money import Money
from ..domain.text import search_fold, sort_key
from ..store.models import Activity, Budget, BudgetCost, BudgetFunding, FundingSource, Participant
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ServiceError, ValidationError
from .records import load, set_deleted, touch

MISSING = "That budget"
MAX_PARTICIPANTS = 10_000
LIVE_PARTICIPANT = ("registered", "confirmed", "attended")


@dataclass(frozen=True)
class CostInput:
    amount: Money | None
    category: str = CostCategory.OTHER.value
    description: str = ""
    per_participant: bool = False
    id: uuid.UUID | None = None

    def total(self, participants: int | None) -> Money | None:
        """The line's amount, times the participants when it is per participant."""
        if self.amount is None:
            return None
        return CostLine(self.category, self.amount, self.per_participant).total(participants)


@dataclass(frozen=True)
class FundingInput:
    amount: Money | None
    source_id: uuid.UUID | None = None
    description: str = ""
    secured: bool = False
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class BudgetInput:
    name: str
    activity_id: uuid.UUID | None = None
    currency: str = "DKK"
    participants: int | None = None
    co_funding_model: str = CoFundingModel.OWN_COSTS.value
    notes: str = ""
    costs: tuple[CostInput, ...] = ()
    funding: tuple[FundingInput, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class LinkedActivity:
    """The activity a budget belongs to, with what the activity itself records."""

    id: uuid.UUID
    name: str
    starts_on: date
    ends_on: date | None
    budget: Money | None
    price: Money | None
    signed_up: int
    deleted: bool


@dataclass(frozen=True)
class BudgetDetail:
    id: uuid.UUID
    data: BudgetInput
    updated_by: str
    deleted: bool
    activity: LinkedActivity | None
    figures: BudgetFigures
    source_names: dict[uuid.UUID, str]


@dataclass(frozen=True)
class BudgetRow:
    id: uuid.UUID
    name: str
    activity_id: uuid.UUID | None
    activity_name: str
    starts_on: date | None
    co_funding_model: str
    figures: BudgetFigures


_FIELDS = ("name", "activity_id", "currency", "participants", "co_funding_model", "notes")


def _money(minor: int, currency: str) -> Money:
    return Money.from_minor(minor, currency)


def _maybe_money(minor: int | None, currency: str) -> Money | None:
    return Money.from_minor(minor, currency) if minor is not None else None


def _live(rows: list) -> list:
    """The lines not in the bin, in their order (also right after a save that moved them)."""
    return sorted((r for r in rows if r.deleted_at is None), key=lambda r: r.position)


def _input(budget: Budget) -> BudgetInput:
    costs = tuple(CostInput(_money(c.amount_minor, c.amount_currency), c.category, c.description,
                            c.per_participant, c.id) for c in _live(budget.costs))
    funding = tuple(FundingInput(_money(f.amount_minor, f.amount_currency), f.source_id, f.description,
                                 f.secured, f.id) for f in _live(budget.funding))
    return BudgetInput(**{key: getattr(budget, key) for key in _FIELDS}, costs=costs, funding=funding,
                       version=budget.version)


def figures_of(data: BudgetInput) -> BudgetFigures:
    """The totals of a (validated) budget input: what the editor shows while typing, too."""
    costs = [CostLine(c.category, c.amount, c.per_participant, c.description)
             for c in data.costs if c.amount is not None]
    funding = [FundingLine(f.amount, f.secured, f.description) for f in data.funding if f.amount is not None]
    return budget_figures(data.currency, costs, funding, data.participants)


def _linked(session, budget: Budget) -> LinkedActivity | None:
    activity = budget.activity
    if activity is None:
        return None
    signed_up = session.scalar(select(func.count()).select_from(Participant).where(
        Participant.activity_id == activity.id, Participant.deleted_at.is_(None),
        Participant.status.in_(LIVE_PARTICIPANT)))
    return LinkedActivity(activity.id, activity.name, activity.starts_on, activity.ends_on,
                          _maybe_money(activity.budget_minor, activity.budget_currency),
                          _maybe_money(activity.price_minor, activity.price_currency), signed_up,
                          activity.deleted_at is not None)


def _detail(session, budget: Budget) -> BudgetDetail:
    data = _input(budget)
    names = {f.source_id: f.source.name for f in budget.funding
             if f.source is not None and f.deleted_at is None}
    return BudgetDetail(budget.id, data, budget.updated_by, budget.deleted_at is not None,
                        _linked(session, budget), figures_of(data), names)


# --- the list ---------------------------------------------------------------------------------


def list_budgets(ctx: ServiceContext, text: str = "", *, deleted: bool = False) -> list[BudgetRow]:
    """Budgets by name with their totals, gap and prices."""
    query = (select(Budget).where(Budget.deleted_at.is_not(None) if deleted else Budget.deleted_at.is_(None),
                                  *like_terms(Budget.search_text, text))
             .order_by(Budget.sort_name))
    with ctx.uow() as uow:
        rows = []
        for budget in uow.session.scalars(query):
            activity = budget.activity
            rows.append(BudgetRow(budget.id, budget.name, budget.activity_id,
                                  activity.name if activity else "",
                                  activity.starts_on if activity else None,
                                  budget.co_funding_model, figures_of(_input(budget))))
        return rows


def named_budgets(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, r.activity_name or "project") for r in list_budgets(ctx)]


def activity_choices(ctx: ServiceContext) -> list[NamedRecord]:
    """Activities a budget can belong to, latest first."""
    query = (select(Activity.id, Activity.name, Activity.starts_on).where(Activity.deleted_at.is_(None))
             .order_by(Activity.starts_on.desc()))
    with ctx.workspace.engine.connect() as conn:
        return [NamedRecord(aid, name, starts.isoformat()) for aid, name, starts in conn.execute(query)]


# --- one budget --------------------------------------------------------------------------------


def _check_amount(amount: Money | None, currency: str, number: int, what: str, problems: list[str]) -> None:
    if amount is None:
        problems.append(f"row {number}: {what} needs an amount")
    elif amount.amount < 0:
        problems.append(f"row {number}: an amount cannot be negative")
    elif amount.currency != currency:
        problems.append(f"row {number}: {amount.currency} in a {currency} budget — a budget keeps "
                        f"one currency; convert the amount to {currency} first")


def validate_budget(data: BudgetInput) -> BudgetInput:
    """Normalise what was typed; raise ValidationError naming each bad field and row."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A budget needs a name (e.g. the activity's or the project's)."
    currency = data.currency.strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        errors["currency"] = f"“{data.currency}” is not a currency code (e.g. DKK, EUR)."
    if data.participants is not None and not 1 <= data.participants <= MAX_PARTICIPANTS:
        errors["participants"] = "Expect at least one participant (or leave it empty)."
    if data.co_funding_model not in {m.value for m in CoFundingModel}:
        errors["co_funding_model"] = f"“{data.co_funding_model}” is not a co-funding model."
    costs, problems, per_head = [], [], []
    for number, line in enumerate(data.costs, start=1):
        description = clean_text(line.description)
        if line.amount is None and not description:
            continue
        if line.category not in {c.value for c in CostCategory}:
            problems.append(f"row {number}: “{line.category}” is not a cost category")
        _check_amount(line.amount, currency, number, "a cost", problems)
        if line.per_participant:
            per_head.append(str(number))
        costs.append(replace(line, description=description))
    if problems:
        errors["costs"] = "; ".join(problems)
    if per_head and not data.participants and "participants" not in errors:
        rows = ", ".join(per_head)
        many = len(per_head) > 1
        errors["participants"] = (f"Cost row{'s' if many else ''} {rows} count{'' if many else 's'} "
                                  "per participant: give the expected number of participants.")
    funding, problems = [], []
    for number, line in enumerate(data.funding, start=1):
        description = clean_text(line.description)
        if line.amount is None and not description and line.source_id is None:
            continue
        _check_amount(line.amount, currency, number, "a funding line", problems)
        if line.source_id is None and not description:
            problems.append(f"row {number}: say where the money comes from (a source or a description)")
        funding.append(replace(line, description=description))
    if problems:
        errors["funding"] = "; ".join(problems)
    if errors:
        raise ValidationError(errors)
    return replace(data, name=name, currency=currency, notes=data.notes.strip(),
                   costs=tuple(costs), funding=tuple(funding))


def _sync(rows: list, inputs, make, fill, now) -> None:
    """Update the rows that are kept (by id), add new ones, tombstone the rest."""
    existing = {r.id: r for r in rows if r.deleted_at is None}
    kept = set()
    for position, line in enumerate(inputs):
        row = existing.get(line.id) if line.id else None
        if row is None:
            row = make()
            rows.append(row)
        kept.add(row.id)
        row.position = position
        fill(row, line)
    for row_id, row in existing.items():
        if row_id not in kept:
            row.deleted_at = now


def _fill_cost(row: BudgetCost, line: CostInput) -> None:
    row.category, row.description, row.per_participant = line.category, line.description, line.per_participant
    row.amount_minor, row.amount_currency = line.amount.minor, line.amount.currency


def _fill_funding(row: BudgetFunding, line: FundingInput) -> None:
    row.source_id, row.description, row.secured = line.source_id, line.description, line.secured
    row.amount_minor, row.amount_currency = line.amount.minor, line.amount.currency


def _apply(session, budget: Budget, data: BudgetInput, now) -> None:
    activity = None
    if data.activity_id is not None:
        activity = session.get(Activity, data.activity_id)
        if activity is None:
            raise ValidationError({"activity_id": "That activity no longer exists."})
    sources = {f.source_id for f in data.funding if f.source_id is not None}
    if sources:
        found = set(session.scalars(select(FundingSource.id).where(FundingSource.id.in_(sources))))
        if sources - found:
            raise ValidationError({"funding": "A funding source on a line no longer exists."})
    for key in _FIELDS:
        setattr(budget, key, getattr(data, key))
    budget.activity = activity
    budget.sort_name = sort_key(data.name)
    touch(budget, now)  # a change to the lines alone still moves the version on
    budget.search_text = search_fold(" ".join(p for p in (data.name, activity.name if activity else "",
                                                          data.currency) if p))
    _sync(budget.costs, data.costs, lambda: BudgetCost(id=uuid.uuid4()), _fill_cost, now)
    _sync(budget.funding, data.funding, lambda: BudgetFunding(id=uuid.uuid4()), _fill_funding, now)


def add_budget(session, data: BudgetInput, now) -> Budget:
    """Add a validated budget inside the caller's transaction (demo, create)."""
    budget = Budget(id=uuid.uuid4(), name=data.name, costs=[], funding=[])
    with session.no_autoflush:
        _apply(session, budget, data, now)
    session.add(budget)
    return budget


def get_budget(ctx: ServiceContext, budget_id: uuid.UUID) -> BudgetDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, load(uow.session, Budget, budget_id, MISSING))


def create_budget(ctx: ServiceContext, data: BudgetInput) -> tuple[BudgetDetail, Changes]:
    """Add a budget for an activity or a project."""
    data = validate_budget(data)
    with ctx.uow() as uow:
        budget = add_budget(uow.session, data, ctx.now())
        changes = uow.commit()
        return _detail(uow.session, budget), changes


def update_budget(ctx: ServiceContext, budget_id: uuid.UUID, data: BudgetInput) -> tuple[BudgetDetail, Changes]:
    """Save the budget editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_budget(data)
    with ctx.uow() as uow:
        budget = load(uow.session, Budget, budget_id, MISSING)
        if budget.version != data.version:
            theirs = _input(budget)
            changed = differences(theirs, data, _FIELDS)
            if (theirs.costs, theirs.funding) != (data.costs, data.funding):
                changed["lines"] = ("changed", "changed")
            raise ConflictError(f"Budget “{budget.name}”", changed, budget.updated_by)
        with uow.session.no_autoflush:
            _apply(uow.session, budget, data, ctx.now())
        changes = uow.commit()
        return _detail(uow.session, budget), changes


def delete_budget(ctx: ServiceContext, budget_id: uuid.UUID) -> Changes:
    """Move a budget to the bin; restore brings it back with all its lines."""
    return set_deleted(ctx, Budget, budget_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_budget(ctx: ServiceContext, budget_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, Budget, budget_id, None, f"{MISSING} no longer exists.")


def copy_to_activity(ctx: ServiceContext, budget_id: uuid.UUID) -> tuple[BudgetDetail, Changes]:
    """Write the budget's total costs and its price per participant into its activity, so the
    Missions tab shows the same figures."""
    with ctx.uow() as uow:
        budget = load(uow.session, Budget, budget_id, MISSING, live=True)
        activity = budget.activity
        if activity is None or activity.deleted_at is not None:
            raise ServiceError("This budget belongs to no activity; choose one first.")
        figures = figures_of(_input(budget))
        price = figures.price(budget.co_funding_model)
        activity.budget_minor, activity.budget_currency = figures.costs.minor, figures.currency
        if price is not None:
            activity.price_minor, activity.price_currency = price.minor, price.currency
        changes = uow.commit()
        return _detail(uow.session, budget), changes
