"""Everything the strategy document (PDF) of one version shows, read in one go: the version
and its sections, the cluster's target markets, the KPIs with their measurements, the action
plans and the strategy wheel of the year."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..store.models import ActionPlan
from . import action_plans, kpis, markets, strategy, strategy_wheel
from .context import ServiceContext


@dataclass(frozen=True)
class StrategyDocument:
    strategy: strategy.StrategyDetail
    cluster: str
    today: date
    target_markets: tuple[str, ...]  # country names, from Members ▸ Markets
    kpis: tuple[kpis.KpiDetail, ...]
    plans: tuple[action_plans.ActionPlanDetail, ...]
    wheel_year: int | None
    wheel: tuple[strategy_wheel.MilestoneRow, ...]


def strategy_document(ctx: ServiceContext, strategy_id: uuid.UUID) -> StrategyDocument:
    """The version with everything its document prints."""
    detail = strategy.get_strategy(ctx, strategy_id)
    with ctx.workspace.engine.connect() as conn:
        plan_ids = conn.execute(select(ActionPlan.id).where(
            ActionPlan.strategy_id == strategy_id, ActionPlan.deleted_at.is_(None))
            .order_by(ActionPlan.starts_on, ActionPlan.sort_name)).scalars().all()
    years = strategy_wheel.wheel_years(ctx)
    year = ctx.today().year if ctx.today().year in years else (years[0] if years else None)
    return StrategyDocument(
        detail, ctx.workspace.name, ctx.today(),
        tuple(m.name for m in markets.list_target_markets(ctx)),
        tuple(kpis.kpi_details(ctx, strategy_id)),
        tuple(action_plans.get_action_plan(ctx, plan_id) for plan_id in plan_ids),
        year, tuple(strategy_wheel.wheel(ctx, year)) if year is not None else ())
