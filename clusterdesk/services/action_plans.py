"""Action plans (§3.6): the purpose, short-term (output) and long-term (effect) targets with
numbers, sub-activities described so one can tell whether they were carried out (owner, due
date, done by whom and when), the members and institutions taking part, the dissemination
plan and the budget — and the Missions activities that carry the plan out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import case, func, select

from ..domain.changes import Changes
from ..domain.checklists import Progress
from ..domain.formatting import format_date_range
from ..domain.money import Money
from ..domain.strategy import TargetTerm, description_problem
from ..domain.text import search_fold, sort_key
from ..store.models import (
    ActionPlan,
    ActionPlanParticipant,
    ActionPlanTarget,
    Activity,
    Member,
    StrategyVersion,
    SubActivity,
)
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .records import load, set_deleted, sync_rows, touch
from .search import SearchHit, searcher

MISSING = "That action plan"
_FIELDS = ("name", "strategy_id", "responsible", "starts_on", "ends_on", "purpose", "institutions",
           "dissemination", "budget_note")


@dataclass(frozen=True)
class TargetInput:
    description: str
    target: Decimal | None
    term: str = TargetTerm.OUTPUT.value
    unit: str = ""
    achieved: Decimal | None = None
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class SubActivityInput:
    text: str
    owner: str = ""
    due_on: date | None = None
    done: bool = False
    note: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class ActionPlanInput:
    name: str
    strategy_id: uuid.UUID | None = None
    responsible: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    purpose: str = ""
    institutions: str = ""
    dissemination: str = ""
    budget: Money | None = None
    budget_note: str = ""
    targets: tuple[TargetInput, ...] = ()
    sub_activities: tuple[SubActivityInput, ...] = ()
    member_ids: tuple[uuid.UUID, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class SubActivityRow:
    id: uuid.UUID
    position: int
    text: str
    owner: str
    due_on: date | None
    done_at: datetime | None
    done_by: str
    note: str

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class PlanMember:
    id: uuid.UUID  # the member's id
    name: str
    city: str


@dataclass(frozen=True)
class LinkedActivity:
    id: uuid.UUID
    name: str
    kind: str
    status: str
    starts_on: date
    ends_on: date | None
    budget: Money | None

    @property
    def when(self) -> str:
        return format_date_range(self.starts_on, self.ends_on)


@dataclass(frozen=True)
class PlanBudget:
    """A Finance budget (Phase 2) of one of the activities that carry the plan out."""

    id: uuid.UUID
    name: str
    activity_name: str
    costs: Money
    funding: Money
    gap: Money


@dataclass(frozen=True)
class ActionPlanDetail:
    id: uuid.UUID
    data: ActionPlanInput
    strategy_title: str
    sub_activities: tuple[SubActivityRow, ...]
    members: tuple[PlanMember, ...]
    activities: tuple[LinkedActivity, ...]
    updated_by: str
    deleted: bool
    budgets: tuple[PlanBudget, ...] = ()

    @property
    def name(self) -> str:
        return self.data.name

    @property
    def progress(self) -> Progress:
        return Progress(sum(1 for s in self.sub_activities if s.done), len(self.sub_activities))

    def activity_budgets(self) -> list[Money]:
        """The linked activities' budgets added up, one sum per currency."""
        totals: dict[str, Money] = {}
        for activity in self.activities:
            if activity.budget is not None:
                cur = activity.budget.currency
                totals[cur] = totals[cur] + activity.budget if cur in totals else activity.budget
        return [totals[c] for c in sorted(totals)]


@dataclass(frozen=True)
class ActionPlanRow:
    id: uuid.UUID
    name: str
    strategy_id: uuid.UUID | None
    strategy_title: str
    responsible: str
    starts_on: date | None
    ends_on: date | None
    progress: Progress
    overdue: int
    next_due: date | None
    targets: int
    activities: int
    budget: Money | None


@dataclass(frozen=True)
class ActionPlanFilter:
    text: str = ""
    strategy_id: uuid.UUID | None = None
    deleted: bool = False


# --- the list -------------------------------------------------------------------------------------


def list_action_plans(ctx: ServiceContext, f: ActionPlanFilter = ActionPlanFilter()) -> list[ActionPlanRow]:
    """Action plans with their sub-activities' progress, the overdue ones and the next due."""
    today = ctx.today()
    live_sub = SubActivity.deleted_at.is_(None)
    subs = (select(SubActivity.plan_id, func.count().label("total"),
                   func.count(SubActivity.done_at).label("done"),
                   func.sum(case((SubActivity.done_at.is_(None) & (SubActivity.due_on < today), 1),
                                 else_=0)).label("overdue"),
                   func.min(case((SubActivity.done_at.is_(None), SubActivity.due_on))).label("next_due"))
            .where(live_sub).group_by(SubActivity.plan_id).subquery())
    targets = (select(ActionPlanTarget.plan_id, func.count().label("n"))
               .where(ActionPlanTarget.deleted_at.is_(None)).group_by(ActionPlanTarget.plan_id).subquery())
    linked = (select(Activity.action_plan_id, func.count().label("n"))
              .where(Activity.deleted_at.is_(None)).group_by(Activity.action_plan_id).subquery())
    clauses = [ActionPlan.deleted_at.is_not(None) if f.deleted else ActionPlan.deleted_at.is_(None),
               *like_terms(ActionPlan.search_text, f.text)]
    if f.strategy_id is not None:
        clauses.append(ActionPlan.strategy_id == f.strategy_id)
    query = (select(ActionPlan.id, ActionPlan.name, ActionPlan.strategy_id, StrategyVersion.title,
                    ActionPlan.responsible, ActionPlan.starts_on, ActionPlan.ends_on,
                    func.coalesce(subs.c.done, 0), func.coalesce(subs.c.total, 0),
                    func.coalesce(subs.c.overdue, 0), subs.c.next_due,
                    func.coalesce(targets.c.n, 0), func.coalesce(linked.c.n, 0),
                    ActionPlan.budget_minor, ActionPlan.budget_currency)
             .outerjoin(StrategyVersion, StrategyVersion.id == ActionPlan.strategy_id)
             .outerjoin(subs, subs.c.plan_id == ActionPlan.id)
             .outerjoin(targets, targets.c.plan_id == ActionPlan.id)
             .outerjoin(linked, linked.c.action_plan_id == ActionPlan.id)
             .where(*clauses).order_by(ActionPlan.starts_on.desc(), ActionPlan.sort_name))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [ActionPlanRow(r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6], Progress(r[7], r[8]), r[9],
                          r[10], r[11], r[12],
                          Money.from_minor(r[13], r[14]) if r[13] is not None else None)
            for r in rows]


def named_action_plans(ctx: ServiceContext) -> list[NamedRecord]:
    """Action plans as the command line lists them."""
    return [NamedRecord(r.id, r.name, " · ".join(p for p in (
        r.strategy_title, f"{r.progress} sub-activities done" if r.progress.total else "") if p))
        for r in list_action_plans(ctx)]


def plan_choices(ctx: ServiceContext) -> list[NamedRecord]:
    """Live action plans to link an activity to, newest first."""
    return [NamedRecord(r.id, r.name, r.strategy_title) for r in list_action_plans(ctx)]


@searcher
def search_action_plans(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: action plans by name, purpose, responsible or institutions."""
    query = (select(ActionPlan.id, ActionPlan.name, ActionPlan.responsible)
             .where(ActionPlan.deleted_at.is_(None), *like_terms(ActionPlan.search_text, text))
             .order_by(ActionPlan.sort_name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("action_plan", r.id, r.name,
                      "Action plan" + (f" · {r.responsible}" if r.responsible else ""), "strategy")
            for r in rows]


# --- one plan -------------------------------------------------------------------------------------


def _row_errors(data: ActionPlanInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    problems = []
    for number, target in enumerate(data.targets, start=1):
        if not clean_text(target.description):
            problems.append(f"row {number}: say what is counted")
        elif target.target is None:
            problems.append(f"row {number}: give the number aimed at")
        elif target.target < 0 or (target.achieved is not None and target.achieved < 0):
            problems.append(f"row {number}: a number cannot be negative")
        if target.term not in {t.value for t in TargetTerm}:
            problems.append(f"row {number}: “{target.term}” is neither output nor effect")
    if problems:
        errors["targets"] = "; ".join(problems)
    problems = []
    for number, sub in enumerate(data.sub_activities, start=1):
        problem = description_problem(sub.text)
        if problem:
            problems.append(f"row {number}: {problem}")
    if problems:
        errors["sub_activities"] = "; ".join(problems)
    return errors


def validate_action_plan(data: ActionPlanInput) -> ActionPlanInput:
    """Tidy what was typed; raise ValidationError naming each refused field, and the rows of
    the targets and sub-activities that are refused."""
    errors = _row_errors(data)
    name = clean_text(data.name)
    if not name:
        errors["name"] = "Name the action plan, e.g. “Action plan 2026: Germany”."
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        errors["ends_on"] = "The plan cannot end before it starts."
    if data.budget is not None and data.budget.amount < 0:
        errors["budget"] = "A budget cannot be negative."
    if errors:
        raise ValidationError(errors)
    targets = tuple(replace(t, description=clean_text(t.description), unit=clean_text(t.unit))
                    for t in data.targets)
    subs = tuple(replace(s, text=" ".join(s.text.split()), owner=clean_text(s.owner), note=s.note.strip())
                 for s in data.sub_activities)
    return replace(data, name=name, responsible=clean_text(data.responsible), purpose=data.purpose.strip(),
                   institutions=data.institutions.strip(), dissemination=data.dissemination.strip(),
                   budget_note=data.budget_note.strip(), targets=targets, sub_activities=subs,
                   member_ids=tuple(dict.fromkeys(data.member_ids)))


def _search_text(session, data: ActionPlanInput) -> str:
    strategy = session.get(StrategyVersion, data.strategy_id) if data.strategy_id else None
    parts = [data.name, data.responsible, data.purpose, data.institutions,
             strategy.title if strategy else ""]
    return search_fold(" ".join(p for p in parts if p))


def _apply(ctx: ServiceContext, session, plan: ActionPlan, data: ActionPlanInput) -> None:
    if data.strategy_id is not None:
        load(session, StrategyVersion, data.strategy_id, "That strategy version")
    for key in _FIELDS:
        setattr(plan, key, getattr(data, key))
    plan.budget_minor = data.budget.minor if data.budget else None
    plan.budget_currency = data.budget.currency if data.budget else plan.budget_currency or "DKK"
    plan.sort_name = sort_key(data.name)
    plan.search_text = _search_text(session, data)

    def rows_of(model):
        return list(session.scalars(select(model).where(model.plan_id == plan.id)))

    def update_target(row: ActionPlanTarget, t: TargetInput) -> None:
        row.term, row.description, row.target = t.term, t.description, t.target
        row.achieved, row.unit = t.achieved, t.unit

    def update_sub(row: SubActivity, s: SubActivityInput) -> None:
        row.text, row.owner, row.due_on, row.note = s.text, s.owner, s.due_on, s.note
        if s.done and row.done_at is None:
            row.done_at, row.done_by = ctx.now(), ctx.actor
        elif not s.done:
            row.done_at, row.done_by = None, ""

    sync_rows(session, rows_of(ActionPlanTarget), data.targets,
                   lambda t: ActionPlanTarget(id=uuid.uuid4(), plan_id=plan.id,
                                              description=t.description, target=t.target),
                   update_target, ctx.now())
    sync_rows(session, rows_of(SubActivity), data.sub_activities,
                   lambda s: SubActivity(id=uuid.uuid4(), plan_id=plan.id, text=s.text),
                   update_sub, ctx.now())
    stored = {p.member_id: p for p in rows_of(ActionPlanParticipant)}
    for member_id in data.member_ids:
        participant = stored.pop(member_id, None)
        if participant is None:
            if session.get(Member, member_id) is None:
                raise ValidationError({"member_ids": "One of the chosen members no longer exists."})
            participant = ActionPlanParticipant(id=uuid.uuid4(), plan_id=plan.id, member_id=member_id)
            session.add(participant)
        participant.deleted_at = None
    for participant in stored.values():
        if participant.deleted_at is None:
            participant.deleted_at = ctx.now()


def _detail(ctx: ServiceContext, session, plan: ActionPlan) -> ActionPlanDetail:
    def live(model):
        return list(session.scalars(select(model).where(model.plan_id == plan.id, model.deleted_at.is_(None))
                                    .order_by(model.position, model.created_at)))

    targets = tuple(TargetInput(t.description, t.target, t.term, t.unit, t.achieved, t.id)
                    for t in live(ActionPlanTarget))
    subs = live(SubActivity)
    members = session.execute(
        select(Member.id, Member.name, Member.city)
        .join(ActionPlanParticipant, ActionPlanParticipant.member_id == Member.id)
        .where(ActionPlanParticipant.plan_id == plan.id, ActionPlanParticipant.deleted_at.is_(None),
               Member.deleted_at.is_(None))
        .order_by(Member.sort_name)).all()
    activities = session.execute(
        select(Activity.id, Activity.name, Activity.kind, Activity.status, Activity.starts_on,
               Activity.ends_on, Activity.budget_minor, Activity.budget_currency)
        .where(Activity.action_plan_id == plan.id, Activity.deleted_at.is_(None))
        .order_by(Activity.starts_on)).all()
    data = ActionPlanInput(
        **{key: getattr(plan, key) for key in _FIELDS},
        budget=Money.from_minor(plan.budget_minor, plan.budget_currency) if plan.budget_minor is not None else None,
        targets=targets,
        sub_activities=tuple(SubActivityInput(s.text, s.owner, s.due_on, s.done_at is not None, s.note, s.id)
                             for s in subs),
        member_ids=tuple(m.id for m in members), version=plan.version)
    strategy = session.get(StrategyVersion, plan.strategy_id) if plan.strategy_id else None
    return ActionPlanDetail(
        plan.id, data, strategy.title if strategy else "",
        tuple(SubActivityRow(s.id, s.position, s.text, s.owner, s.due_on, s.done_at, s.done_by, s.note)
              for s in subs),
        tuple(PlanMember(*m) for m in members),
        tuple(LinkedActivity(a[0], a[1], a[2], a[3], a[4], a[5],
                             Money.from_minor(a[6], a[7]) if a[6] is not None else None) for a in activities),
        plan.updated_by, plan.deleted_at is not None,
        _finance_budgets(ctx, {a[0] for a in activities}))


def _finance_budgets(ctx: ServiceContext, activity_ids: set[uuid.UUID]) -> tuple[PlanBudget, ...]:
    """The Phase 2 budgets of the plan's activities, with their costs, funding and gap."""
    if not activity_ids:
        return ()
    from .budgets import list_budgets

    return tuple(PlanBudget(b.id, b.name, b.activity_name, b.figures.costs, b.figures.funding, b.figures.gap)
                 for b in list_budgets(ctx) if b.activity_id in activity_ids)


def get_action_plan(ctx: ServiceContext, plan_id: uuid.UUID) -> ActionPlanDetail:
    with ctx.uow() as uow:
        return _detail(ctx, uow.session, load(uow.session, ActionPlan, plan_id, MISSING))


def add_action_plan(ctx: ServiceContext, session, data: ActionPlanInput) -> ActionPlan:
    """Add a validated plan with its rows inside the caller's transaction."""
    plan = ActionPlan(id=uuid.uuid4(), name=data.name)
    session.add(plan)
    with session.no_autoflush:
        _apply(ctx, session, plan, data)
    return plan


def create_action_plan(ctx: ServiceContext, data: ActionPlanInput) -> tuple[ActionPlanDetail, Changes]:
    """A new action plan with its targets, sub-activities and participants."""
    data = validate_action_plan(data)
    with ctx.uow() as uow:
        plan = add_action_plan(ctx, uow.session, data)
        changes = uow.commit()
        return _detail(ctx, uow.session, plan), changes


def update_action_plan(ctx: ServiceContext, plan_id: uuid.UUID,
                       data: ActionPlanInput) -> tuple[ActionPlanDetail, Changes]:
    """Save the plan and its rows. A sub-activity newly marked done records who and when."""
    data = validate_action_plan(data)
    with ctx.uow() as uow:
        plan = load(uow.session, ActionPlan, plan_id, MISSING)
        if plan.version != data.version:
            theirs = _detail(ctx, uow.session, plan).data
            raise ConflictError(f"Action plan “{plan.name}”",
                                differences(theirs, data, (*_FIELDS, "budget", "targets", "sub_activities",
                                                           "member_ids")), plan.updated_by)
        with uow.session.no_autoflush:
            _apply(ctx, uow.session, plan, data)
        touch(plan, ctx.now())  # a change to its rows alone is a change of the plan too
        changes = uow.commit()
        return _detail(ctx, uow.session, plan), changes


def delete_action_plan(ctx: ServiceContext, plan_id: uuid.UUID) -> Changes:
    """Move a plan to the bin; its activities keep their link and show it as binned."""
    return set_deleted(ctx, ActionPlan, plan_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_action_plan(ctx: ServiceContext, plan_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, ActionPlan, plan_id, None, f"{MISSING} no longer exists.")
