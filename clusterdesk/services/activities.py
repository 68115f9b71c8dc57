"""Activities (§4.3): missions, trips, matchmaking events, workshops, projects, visits from
abroad. Their dates, destination, partners, money and status; creating one from a checklist
template; moving one moves its open checklist items."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import case, func, select

from ..domain.catch_up import PastDates
from ..domain.changes import Changes
from ..domain.checklists import ChecklistTemplate, Progress
from ..domain.countries import country_name
from ..domain.enums import ActivityKind, ActivityStatus
from ..domain.formatting import format_date_range
from ..domain.money import Money
from ..domain.text import search_fold, sort_key
from ..store.models import (
    ActionPlan,
    Activity,
    ChecklistItem,
    Participant,
    Partner,
    activity_partners,
)
from .checklists import add_items_from_template, catch_up_items, move_open_items
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, NotFound, ValidationError
from .records import set_deleted
from .search import SearchHit, searcher
from .today import AgendaItem

LIVE_PARTICIPANT = ("registered", "confirmed", "attended")


@dataclass(frozen=True)
class ActivityFilter:
    text: str = ""
    kind: str | None = None
    status: str | None = None
    when: str = "all"  # "upcoming" (not ended yet), "past", "all"
    deleted: bool = False


@dataclass(frozen=True)
class ActivityRow:
    id: uuid.UUID
    name: str
    kind: str
    status: str
    starts_on: date
    ends_on: date | None
    city: str
    country: str | None
    responsible: str
    participants: int = 0
    attended: int = 0
    progress: Progress = Progress()
    overdue: int = 0
    next_due: date | None = None
    partners: tuple[str, ...] = ()

    @property
    def last_day(self) -> date:
        return self.ends_on or self.starts_on


@dataclass(frozen=True)
class ActivityInput:
    name: str
    starts_on: date | None
    kind: str = ActivityKind.COMPANY_MISSION.value
    status: str = ActivityStatus.PLANNED.value
    ends_on: date | None = None
    city: str = ""
    country: str | None = None
    responsible: str = ""
    action_plan: str = ""  # a note on the plan it serves
    action_plan_id: uuid.UUID | None = None  # the action plan (Phase 3) it carries out
    budget: Money | None = None
    price: Money | None = None
    description: str = ""
    partner_ids: tuple[uuid.UUID, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class ActivityDetail:
    id: uuid.UUID
    data: ActivityInput
    updated_by: str
    deleted: bool
    template_name: str
    progress: Progress
    participants: int
    moved_items: int = 0  # after a save: open checklist items whose due date moved
    caught_up: int = 0  # of the checklist's items, those whose passed date now falls from today


_FIELDS = ("name", "kind", "status", "starts_on", "ends_on", "city", "country", "responsible",
           "action_plan", "action_plan_id", "description")


# --- the list ----------------------------------------------------------------------------


def _where(f: ActivityFilter, today: date) -> list:
    clauses = [Activity.deleted_at.is_not(None) if f.deleted else Activity.deleted_at.is_(None)]
    clauses += like_terms(Activity.search_text, f.text)
    if f.kind:
        clauses.append(Activity.kind == f.kind)
    if f.status:
        clauses.append(Activity.status == f.status)
    last_day = func.coalesce(Activity.ends_on, Activity.starts_on)
    if f.when == "upcoming":
        clauses.append(last_day >= today)
    elif f.when == "past":
        clauses.append(last_day < today)
    return clauses


def list_activities(ctx: ServiceContext, f: ActivityFilter = ActivityFilter()) -> list[ActivityRow]:
    """Activities the filter matches by start date, with participants and checklist progress."""
    today = ctx.today()
    people = (select(Participant.activity_id,
                     func.sum(case((Participant.status.in_(LIVE_PARTICIPANT), 1), else_=0)).label("n"),
                     func.sum(case((Participant.status == "attended", 1), else_=0)).label("attended"))
              .where(Participant.deleted_at.is_(None)).group_by(Participant.activity_id).subquery())
    open_due = case((ChecklistItem.done_at.is_(None), ChecklistItem.due_on))
    items = (select(ChecklistItem.activity_id, func.count().label("total"),
                    func.count(ChecklistItem.done_at).label("done"),
                    func.sum(case((ChecklistItem.done_at.is_(None) & (ChecklistItem.due_on < today), 1),
                                  else_=0)).label("overdue"),
                    func.min(open_due).label("next_due"))
             .where(ChecklistItem.deleted_at.is_(None)).group_by(ChecklistItem.activity_id).subquery())
    query = (select(Activity.id, Activity.name, Activity.kind, Activity.status, Activity.starts_on,
                    Activity.ends_on, Activity.city, Activity.country, Activity.responsible,
                    func.coalesce(people.c.n, 0), func.coalesce(people.c.attended, 0),
                    func.coalesce(items.c.done, 0), func.coalesce(items.c.total, 0),
                    func.coalesce(items.c.overdue, 0), items.c.next_due)
             .outerjoin(people, people.c.activity_id == Activity.id)
             .outerjoin(items, items.c.activity_id == Activity.id)
             .where(*_where(f, today)).order_by(Activity.starts_on, Activity.sort_name))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
        names: dict[uuid.UUID, list[str]] = {}
        ids = [r[0] for r in rows]
        for start in range(0, len(ids), 5000):
            for activity_id, partner in conn.execute(
                    select(activity_partners.c.activity_id, Partner.name)
                    .join(Partner, Partner.id == activity_partners.c.partner_id)
                    .where(activity_partners.c.activity_id.in_(ids[start:start + 5000]),
                           Partner.deleted_at.is_(None))
                    .order_by(Partner.sort_name)):
                names.setdefault(activity_id, []).append(partner)
    return [ActivityRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                        Progress(r[11], r[12]), r[13], r[14], tuple(names.get(r[0], ())))
            for r in rows]


@searcher
def search_activities(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: activities by name, place, kind, responsible, action plan or partner."""
    query = (select(Activity.id, Activity.name, Activity.kind, Activity.starts_on, Activity.ends_on)
             .where(Activity.deleted_at.is_(None), *like_terms(Activity.search_text, text))
             .order_by(Activity.starts_on.desc()).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("activity", r.id, r.name,
                      f"{ActivityKind(r.kind).label} · {format_date_range(r.starts_on, r.ends_on)}",
                      "missions") for r in rows]


def named_activities(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, f"{ActivityKind(r.kind).label} · "
                                      f"{format_date_range(r.starts_on, r.ends_on)}")
            for r in list_activities(ctx)]


# --- one activity --------------------------------------------------------------------------


def validate_activity(data: ActivityInput) -> ActivityInput:
    """Normalise what was typed; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "An activity needs a name."
    if data.kind not in {k.value for k in ActivityKind}:
        errors["kind"] = f"“{data.kind}” is not a kind of activity."
    if data.status not in {s.value for s in ActivityStatus}:
        errors["status"] = f"“{data.status}” is not one of the choices."
    if data.starts_on is None:
        errors["starts_on"] = "An activity needs a first day (a rough date is fine; move it later)."
    elif data.ends_on is not None and data.ends_on < data.starts_on:
        errors["ends_on"] = "The last day cannot be before the first day."
    for key in ("budget", "price"):
        money = getattr(data, key)
        if money is not None and money.amount < 0:
            errors[key] = "An amount cannot be negative."
    if errors:
        raise ValidationError(errors)
    ends_on = None if data.ends_on == data.starts_on else data.ends_on
    return replace(data, name=name, city=clean_text(data.city), ends_on=ends_on,
                   responsible=clean_text(data.responsible), action_plan=clean_text(data.action_plan),
                   partner_ids=tuple(dict.fromkeys(data.partner_ids)))


def activity_search_text(data: ActivityInput, partner_names: list[str]) -> str:
    parts = [data.name, data.city, country_name(data.country), country_name(data.country, "da"),
             ActivityKind(data.kind).label, data.responsible, data.action_plan, *partner_names]
    return search_fold(" ".join(p for p in parts if p))


def _apply(session, activity: Activity, data: ActivityInput) -> None:
    if data.action_plan_id is not None and session.get(ActionPlan, data.action_plan_id) is None:
        raise ValidationError({"action_plan_id": "The chosen action plan no longer exists."})
    for key in _FIELDS:
        setattr(activity, key, getattr(data, key))
    activity.budget_minor = data.budget.minor if data.budget else None
    activity.budget_currency = data.budget.currency if data.budget else activity.budget_currency or "DKK"
    activity.price_minor = data.price.minor if data.price else None
    activity.price_currency = data.price.currency if data.price else activity.price_currency or "DKK"
    partners = []
    for partner_id in data.partner_ids:
        partner = session.get(Partner, partner_id)
        if partner is None:
            raise ValidationError({"partner_ids": "One of the chosen partners no longer exists."})
        partners.append(partner)
    activity.partners = partners
    activity.sort_name = sort_key(data.name)
    activity.search_text = activity_search_text(data, [p.name for p in partners])


def _detail(session, activity: Activity, moved: int = 0, caught_up: int = 0) -> ActivityDetail:
    data = ActivityInput(
        **{key: getattr(activity, key) for key in _FIELDS},
        budget=(Money.from_minor(activity.budget_minor, activity.budget_currency)
                if activity.budget_minor is not None else None),
        price=(Money.from_minor(activity.price_minor, activity.price_currency)
               if activity.price_minor is not None else None),
        partner_ids=tuple(p.id for p in activity.partners), version=activity.version)
    total, done = session.execute(
        select(func.count(), func.count(ChecklistItem.done_at))
        .where(ChecklistItem.activity_id == activity.id, ChecklistItem.deleted_at.is_(None))).one()
    people = session.scalar(select(func.count()).select_from(Participant).where(
        Participant.activity_id == activity.id, Participant.deleted_at.is_(None),
        Participant.status.in_(LIVE_PARTICIPANT)))
    return ActivityDetail(activity.id, data, activity.updated_by, activity.deleted_at is not None,
                          activity.checklist_template, Progress(done, total), people, moved,
                          caught_up)


def get_activity(ctx: ServiceContext, activity_id: uuid.UUID) -> ActivityDetail:
    with ctx.uow() as uow:
        activity = uow.session.get(Activity, activity_id)
        if activity is None:
            raise NotFound("That activity no longer exists.")
        return _detail(uow.session, activity)


def add_activity(session, data: ActivityInput, template: ChecklistTemplate | None = None) -> Activity:
    """Add a validated activity (and its checklist from the template) inside the caller's
    transaction."""
    activity = Activity(id=uuid.uuid4(), name=data.name, starts_on=data.starts_on,
                        checklist_template=template.name if template else "")
    with session.no_autoflush:
        _apply(session, activity, data)
    session.add(activity)
    if template is not None:
        add_items_from_template(session, activity, template)
    return activity


def create_activity(ctx: ServiceContext, data: ActivityInput,
                    template: ChecklistTemplate | None = None,
                    past_dates: PastDates = PastDates.KEEP) -> tuple[ActivityDetail, Changes]:
    """Add an activity; with a template, its checklist is made with real due dates. Dates
    that have already passed stay (KEEP) or fall due from today on (CATCH_UP; see
    `checklists.template_past_due` to ask first)."""
    data = validate_activity(data)
    with ctx.uow() as uow:
        activity = add_activity(uow.session, data, template)
        caught = 0
        if template is not None and past_dates is PastDates.CATCH_UP:
            uow.session.flush()
            caught = catch_up_items(_items(uow.session, activity), ctx.today())
        changes = uow.commit()
        return _detail(uow.session, activity, caught_up=caught), changes


def _items(session, activity: Activity) -> list[ChecklistItem]:
    return list(session.scalars(select(ChecklistItem).where(
        ChecklistItem.activity_id == activity.id, ChecklistItem.deleted_at.is_(None))
        .order_by(ChecklistItem.position)))


def update_activity(ctx: ServiceContext, activity_id: uuid.UUID, data: ActivityInput,
                    past_dates: PastDates = PastDates.KEEP) -> tuple[ActivityDetail, Changes]:
    """Save the activity editor. New dates move the due dates of open checklist items (done
    ones keep theirs); `moved_items` in the result says how many moved. Open items the move
    puts in the past stay there (KEEP) or fall due from today on (CATCH_UP; see
    `checklists.move_past_due` to ask first)."""
    data = validate_activity(data)
    with ctx.uow() as uow:
        activity = uow.session.get(Activity, activity_id)
        if activity is None:
            raise NotFound("That activity no longer exists.")
        if activity.version != data.version:
            theirs = _detail(uow.session, activity).data
            raise ConflictError(f"Activity “{activity.name}”",
                                differences(theirs, data, (*_FIELDS, "budget", "price")),
                                activity.updated_by)
        moved_dates = (activity.starts_on, activity.ends_on) != (data.starts_on, data.ends_on)
        with uow.session.no_autoflush:
            _apply(uow.session, activity, data)
        moved = move_open_items(uow.session, activity) if moved_dates else 0
        caught = 0
        if moved_dates and past_dates is PastDates.CATCH_UP:
            caught = catch_up_items(_items(uow.session, activity), ctx.today())
        changes = uow.commit()
        return _detail(uow.session, activity, moved, caught), changes


def delete_activity(ctx: ServiceContext, activity_id: uuid.UUID) -> Changes:
    """Move an activity to the bin, with its checklist and participants; restore brings all back."""
    return set_deleted(ctx, Activity, activity_id, ctx.now(), "That activity no longer exists.")


def restore_activity(ctx: ServiceContext, activity_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, Activity, activity_id, None, "That activity no longer exists.")


# --- Today, the calendar and the phase evidence -------------------------------------------


def activity_starts(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Activities that start between today and `until`."""
    query = (select(Activity.id, Activity.name, Activity.kind, Activity.starts_on, Activity.ends_on,
                    Activity.city, Activity.country, Activity.responsible)
             .where(Activity.deleted_at.is_(None), Activity.status != "cancelled",
                    Activity.starts_on >= ctx.today(), Activity.starts_on <= until)
             .order_by(Activity.starts_on))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    items = []
    for aid, name, kind, starts, ends, city, country, responsible in rows:
        where = ", ".join(p for p in (city, country_name(country)) if p)
        days = f"{(ends - starts).days + 1} days" if ends else "1 day"
        items.append(AgendaItem("activity", starts, f"Starts: {name}",
                                f"{ActivityKind(kind).label}, {days}" + (f", {where}" if where else ""),
                                "activities", aid, responsible, activity_id=aid))
    return items


def calendar_activities(ctx: ServiceContext, *, since_days: int = 90) -> list[ActivityRow]:
    """Live activities that ended at most `since_days` ago (or are still to come), for a
    calendar file."""
    since = ctx.today() - timedelta(days=since_days)
    return [r for r in list_activities(ctx) if r.status != ActivityStatus.CANCELLED.value
            and r.last_day >= since]


def services_evidence(ctx: ServiceContext) -> str | None:
    """What the cluster offered abroad in the last twelve months and how many members took part
    (Phase 4: the right international services)."""
    today = ctx.today()
    since = today - timedelta(days=365)
    base = (Activity.deleted_at.is_(None), Activity.status != "cancelled",
            Activity.starts_on >= since, Activity.starts_on <= today)
    with ctx.workspace.engine.connect() as conn:
        kinds = conn.execute(select(Activity.kind, func.count()).where(*base)
                             .group_by(Activity.kind).order_by(func.count().desc())).all()
        members = conn.execute(
            select(func.count(func.distinct(Participant.member_id)))
            .join(Activity, Activity.id == Participant.activity_id)
            .where(*base, Participant.deleted_at.is_(None), Participant.status == "attended")
        ).scalar_one()
        planned = conn.execute(select(func.count()).select_from(Activity).where(
            Activity.deleted_at.is_(None), Activity.status != "cancelled",
            Activity.starts_on > today)).scalar_one()
    if not kinds and not planned:
        return None
    done = ", ".join(f"{n} × {ActivityKind(kind).label.lower()}" for kind, n in kinds) or "none"
    return (f"Last 12 months: {done}; {members} members took part. "
            f"{planned} more planned.")
