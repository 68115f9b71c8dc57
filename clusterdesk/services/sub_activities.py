"""Sub-activities of the action plans on Today — due, overdue, ticked off with who and when —
and whether there is an action plan with concrete, measurable targets (Phase 3)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.text import plural
from ..store.models import ActionPlan, SubActivity
from .action_plans import list_action_plans
from .context import ServiceContext
from .errors import NotFound
from .records import load
from .today import AgendaItem


def due_sub_activities(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Open sub-activities due by `until` (overdue ones included) of live plans."""
    query = (select(SubActivity.id, SubActivity.due_on, SubActivity.text, SubActivity.owner,
                    ActionPlan.id, ActionPlan.name)
             .join(ActionPlan, ActionPlan.id == SubActivity.plan_id)
             .where(SubActivity.due_on.is_not(None), SubActivity.due_on <= until,
                    SubActivity.done_at.is_(None), SubActivity.deleted_at.is_(None),
                    ActionPlan.deleted_at.is_(None))
             .order_by(SubActivity.due_on, SubActivity.position))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AgendaItem("sub-activity", due, text,
                       plan if "action plan" in plan.casefold() else f"Action plan: {plan}",
                       "sub_activities", sub_id, owner)
            for sub_id, due, text, owner, _plan_id, plan in rows]


def complete_sub_activity(ctx: ServiceContext, sub_activity_id: uuid.UUID) -> Changes:
    """Mark a sub-activity done (from Today), recording who and when."""
    with ctx.uow() as uow:
        sub = load(uow.session, SubActivity, sub_activity_id, "That sub-activity", live=True)
        if sub.done_at is None:
            sub.done_at, sub.done_by = ctx.now(), ctx.actor
        return uow.commit()


def plan_of_sub_activity(ctx: ServiceContext, sub_activity_id: uuid.UUID) -> uuid.UUID:
    """The action plan a sub-activity belongs to (to open it from Today)."""
    with ctx.workspace.engine.connect() as conn:
        plan_id = conn.execute(select(SubActivity.plan_id).where(SubActivity.id == sub_activity_id)).scalar()
    if plan_id is None:
        raise NotFound("That sub-activity no longer exists.")
    return plan_id


def measurable_evidence(ctx: ServiceContext) -> str | None:
    """Is there an action plan with concrete, measurable targets?"""
    rows = list_action_plans(ctx)
    if not rows:
        return None
    with_targets = sum(1 for r in rows if r.targets)
    targets = sum(r.targets for r in rows)
    done = sum(r.progress.done for r in rows)
    total = sum(r.progress.total for r in rows)
    overdue = sum(r.overdue for r in rows)
    tail = f", {overdue} overdue" if overdue else ""
    return (f"{plural(len(rows), 'action plan')}, {with_targets} with numbered targets "
            f"({plural(targets, 'target')}); {done} of {plural(total, 'sub-activity', 'sub-activities')} "
            f"done{tail}.")
