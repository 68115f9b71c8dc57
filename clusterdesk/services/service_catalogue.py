"""The catalogue of permanent international services (§5.2): what the cluster offers its members
year after year — annual matchmaking, project help, partner search, presence at the big events —
for whom, at what price, who owns it; and the ad-hoc activities (Missions) that fed or proved
each one, per year with their participants, so the secretariat sees which services could
become permanent (Phase 5, question 2)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import extract, func, select

from ..domain.changes import Changes
from ..domain.network import (
    PriceModel,
    ServiceCategory,
    ServiceStatus,
    could_become_permanent,
    was_held,
)
from ..domain.text import plural, search_fold, sort_key
from ..store.models import Activity, ClusterService, PartnerRequest, ProjectIdea, service_activities
from .activities import ActivityRow, list_activities
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .network_links import linked, live_ids
from .records import load, set_deleted, touch
from .search import SearchHit, searcher

MISSING = "That service"


@dataclass(frozen=True)
class ServiceInput:
    name: str
    category: str = ServiceCategory.OTHER.value
    status: str = ServiceStatus.AD_HOC.value
    description: str = ""
    target_group: str = ""
    price_model: str = PriceModel.FREE.value
    price_note: str = ""
    owner: str = ""
    notes: str = ""
    activity_ids: tuple[uuid.UUID, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class ServiceActivity:
    id: uuid.UUID
    name: str
    kind: str
    status: str
    starts_on: date
    ends_on: date | None
    participants: int  # signed up and not withdrawn
    attended: int
    held: bool  # started by today, not cancelled


@dataclass(frozen=True)
class ServiceYear:
    """What a service did in one year: activities run, people in them, and the requests or
    ideas it handled (for partner search and project help)."""

    year: int
    activities: int
    held: int
    participants: int
    attended: int
    cases: int = 0


@dataclass(frozen=True)
class ServiceDetail:
    id: uuid.UUID
    data: ServiceInput
    updated_by: str
    deleted: bool
    activities: tuple[ServiceActivity, ...]
    years: tuple[ServiceYear, ...]
    cases_label: str  # what `cases` counts for this category ("" when nothing)

    @property
    def held(self) -> int:
        return sum(1 for a in self.activities if a.held)

    @property
    def could_become_permanent(self) -> bool:
        return could_become_permanent(self.data.status, self.held)


@dataclass(frozen=True)
class ServiceRow:
    id: uuid.UUID
    name: str
    category: str
    status: str
    price_model: str
    owner: str
    activities: int
    held: int
    participants: int
    attended: int
    years: tuple[int, ...]
    last_held: date | None
    next_planned: date | None

    @property
    def could_become_permanent(self) -> bool:
        return could_become_permanent(self.status, self.held)


@dataclass(frozen=True)
class ServiceFilter:
    text: str = ""
    category: str | None = None
    status: str | None = None
    deleted: bool = False


_FIELDS = ("name", "category", "status", "description", "target_group", "price_model", "price_note",
           "owner", "notes")
CASES = {ServiceCategory.PARTNER_SEARCH.value: "Partner-search requests",
         ServiceCategory.PROJECT_HELP.value: "Project ideas"}


def _service_activity(row: ActivityRow, today: date) -> ServiceActivity:
    return ServiceActivity(row.id, row.name, row.kind, row.status, row.starts_on, row.ends_on,
                           row.participants, row.attended, was_held(row.status, row.starts_on, today))


def _linked_activities(ctx: ServiceContext, service_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ServiceActivity]]:
    """Each service's live activities, oldest first, with their participants."""
    if not service_ids:
        return {}
    with ctx.workspace.engine.connect() as conn:
        links = conn.execute(select(service_activities.c.service_id, service_activities.c.activity_id)
                             .where(service_activities.c.service_id.in_(service_ids))).all()
    if not links:
        return {}
    today = ctx.today()
    rows = {r.id: _service_activity(r, today) for r in list_activities(ctx)}
    found: dict[uuid.UUID, list[ServiceActivity]] = defaultdict(list)
    for service_id, activity_id in links:
        if activity_id in rows:
            found[service_id].append(rows[activity_id])
    for activities in found.values():
        activities.sort(key=lambda a: (a.starts_on, a.name))
    return found


def _cases_by_year(ctx: ServiceContext, category: str) -> dict[int, int]:
    """Partner-search requests received (or project ideas added) per year."""
    if category == ServiceCategory.PARTNER_SEARCH.value:
        year = extract("year", PartnerRequest.received_on)
        query = (select(year, func.count()).where(PartnerRequest.deleted_at.is_(None)).group_by(year))
    elif category == ServiceCategory.PROJECT_HELP.value:
        year = extract("year", ProjectIdea.created_at)
        query = (select(year, func.count()).where(ProjectIdea.deleted_at.is_(None)).group_by(year))
    else:
        return {}
    with ctx.workspace.engine.connect() as conn:
        return {int(y): n for y, n in conn.execute(query) if y is not None}


def service_years(activities: list[ServiceActivity], cases: dict[int, int]) -> tuple[ServiceYear, ...]:
    """Activities, participants and cases per year, oldest year first."""
    years = sorted({a.starts_on.year for a in activities} | set(cases))
    summary = []
    for year in years:
        this_year = [a for a in activities if a.starts_on.year == year]
        summary.append(ServiceYear(year, len(this_year), sum(a.held for a in this_year),
                                   sum(a.participants for a in this_year), sum(a.attended for a in this_year),
                                   cases.get(year, 0)))
    return tuple(summary)


def _row(service: ClusterService, activities: list[ServiceActivity], today: date) -> ServiceRow:
    held = [a for a in activities if a.held]
    ahead = [a.starts_on for a in activities if a.starts_on > today and a.status != "cancelled"]
    return ServiceRow(service.id, service.name, service.category, service.status, service.price_model,
                      service.owner, len(activities), len(held), sum(a.participants for a in activities),
                      sum(a.attended for a in activities), tuple(sorted({a.starts_on.year for a in held})),
                      max((a.starts_on for a in held), default=None), min(ahead, default=None))


# --- the list ---------------------------------------------------------------------------------


def list_services(ctx: ServiceContext, f: ServiceFilter = ServiceFilter()) -> list[ServiceRow]:
    """The services the filter matches, by name, with what ran under each."""
    clauses = [ClusterService.deleted_at.is_not(None) if f.deleted else ClusterService.deleted_at.is_(None),
               *like_terms(ClusterService.search_text, f.text)]
    if f.category:
        clauses.append(ClusterService.category == f.category)
    if f.status:
        clauses.append(ClusterService.status == f.status)
    with ctx.uow() as uow:
        services = list(uow.session.scalars(select(ClusterService).where(*clauses)
                                            .order_by(ClusterService.sort_name)))
        activities = _linked_activities(ctx, [s.id for s in services])
        today = ctx.today()
        return [_row(s, activities.get(s.id, []), today) for s in services]


def named_services(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, f"{ServiceCategory(r.category).label} · {ServiceStatus(r.status).label}")
            for r in list_services(ctx)]


@searcher
def search_services(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: services by name, category, target group or owner."""
    query = (select(ClusterService.id, ClusterService.name, ClusterService.category, ClusterService.status)
             .where(ClusterService.deleted_at.is_(None), *like_terms(ClusterService.search_text, text))
             .order_by(ClusterService.sort_name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("service", r.id, r.name,
                      f"{ServiceCategory(r.category).label} · {ServiceStatus(r.status).label}", "network")
            for r in rows]


# --- one service ------------------------------------------------------------------------------


def validate_service(data: ServiceInput) -> ServiceInput:
    """Normalise what was typed; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A service needs a name."
    for key, enum in (("category", ServiceCategory), ("status", ServiceStatus), ("price_model", PriceModel)):
        if getattr(data, key) not in {m.value for m in enum}:
            errors[key] = f"“{getattr(data, key)}” is not one of the choices."
    if errors:
        raise ValidationError(errors)
    return replace(data, name=name, owner=clean_text(data.owner), price_note=clean_text(data.price_note),
                   description=data.description.strip(), target_group=data.target_group.strip(),
                   notes=data.notes.strip())


def _input(service: ClusterService) -> ServiceInput:
    return ServiceInput(**{key: getattr(service, key) for key in _FIELDS},
                        activity_ids=live_ids(service.activities, "starts_on"), version=service.version)


def _detail(ctx: ServiceContext, service: ClusterService) -> ServiceDetail:
    activities = _linked_activities(ctx, [service.id]).get(service.id, [])
    cases = _cases_by_year(ctx, service.category)
    return ServiceDetail(service.id, _input(service), service.updated_by, service.deleted_at is not None,
                         tuple(activities), service_years(activities, cases), CASES.get(service.category, ""))


def _apply(session, service: ClusterService, data: ServiceInput, now) -> None:
    for key in _FIELDS:
        setattr(service, key, getattr(data, key))
    service.sort_name = sort_key(data.name)
    service.activities = linked(session, Activity, data.activity_ids, service.activities,
                                "activity_ids", "activities")
    touch(service, now)
    parts = [data.name, ServiceCategory(data.category).label, data.target_group, data.owner]
    service.search_text = search_fold(" ".join(p for p in parts if p))


def add_service(session, data: ServiceInput, now) -> ClusterService:
    """Add a validated service inside the caller's transaction (demo, create)."""
    service = ClusterService(id=uuid.uuid4(), name=data.name, activities=[])
    session.add(service)
    with session.no_autoflush:
        _apply(session, service, data, now)
    return service


def get_service(ctx: ServiceContext, service_id: uuid.UUID) -> ServiceDetail:
    with ctx.uow() as uow:
        return _detail(ctx, load(uow.session, ClusterService, service_id, MISSING))


def create_service(ctx: ServiceContext, data: ServiceInput) -> tuple[ServiceDetail, Changes]:
    """Add a service to the catalogue."""
    data = validate_service(data)
    with ctx.uow() as uow:
        service_id = add_service(uow.session, data, ctx.now()).id
        changes = uow.commit()
    return get_service(ctx, service_id), changes


def update_service(ctx: ServiceContext, service_id: uuid.UUID, data: ServiceInput) -> tuple[ServiceDetail, Changes]:
    """Save the service editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_service(data)
    with ctx.uow() as uow:
        service = load(uow.session, ClusterService, service_id, MISSING)
        if service.version != data.version:
            raise ConflictError(f"Service “{service.name}”",
                                differences(_input(service), data, (*_FIELDS, "activity_ids")),
                                service.updated_by)
        with uow.session.no_autoflush:
            _apply(uow.session, service, data, ctx.now())
        changes = uow.commit()
    return get_service(ctx, service_id), changes


def delete_service(ctx: ServiceContext, service_id: uuid.UUID) -> Changes:
    """Move a service to the bin; restore brings it back with its activities."""
    return set_deleted(ctx, ClusterService, service_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_service(ctx: ServiceContext, service_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, ClusterService, service_id, None, f"{MISSING} no longer exists.")


def activity_choices(ctx: ServiceContext) -> list[NamedRecord]:
    """Every live activity, newest first, for linking to a service (the detail: its dates)."""
    from ..domain.formatting import format_date_range

    rows = sorted(list_activities(ctx), key=lambda r: (r.starts_on, r.name), reverse=True)
    return [NamedRecord(r.id, r.name, format_date_range(r.starts_on, r.ends_on)) for r in rows]


# --- Phase 5, question 2 ----------------------------------------------------------------------------


def permanence_evidence(ctx: ServiceContext) -> str | None:
    """Which services could become permanent: ad-hoc services run more than once."""
    rows = list_services(ctx)
    if not rows:
        return None
    permanent = sum(1 for r in rows if r.status == ServiceStatus.PERMANENT.value)
    candidates = sorted((r for r in rows if r.could_become_permanent), key=lambda r: -r.held)
    head = f"{plural(len(rows), 'service')} in the catalogue, {permanent} permanent."
    if not candidates:
        return head + " No ad-hoc service has been run more than once yet."
    named = "; ".join(f"{r.name} (held {plural(r.held, 'time')}, {r.attended} took part)"
                      for r in candidates[:3])
    return f"{head} Run repeatedly, could become permanent: {named}."
