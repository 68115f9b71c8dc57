"""Meta-clusters and partnerships (§5.1.1, §5.3): an ESCP-4i, a formal alliance, a global
network — the partners abroad in it (from Missions ▸ Partners), our role, the joint agenda
with its dated points (due ones on Today) and what our members get from it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.network import AgendaKind, AgendaStatus, OurRole, PartnershipKind
from ..domain.text import search_fold, sort_key
from ..domain.validation import InvalidValue, normalise_website
from ..store.models import Partner, Partnership, PartnershipAgendaItem
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, NotFound, ValidationError
from .network_links import linked, live, live_ids
from .records import load, set_deleted, sync_rows, touch
from .search import SearchHit, searcher
from .today import AgendaItem

MISSING = "That partnership"


@dataclass(frozen=True)
class AgendaInput:
    text: str
    due_on: date | None
    kind: str = AgendaKind.JOINT_ACTION.value
    owner: str = ""
    status: str = AgendaStatus.PLANNED.value
    note: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class AgendaPoint:
    """A point of the joint agenda as saved, with who ticked it done and when."""

    id: uuid.UUID
    kind: str
    text: str
    due_on: date
    owner: str
    status: str
    done_at: datetime | None
    done_by: str
    note: str


@dataclass(frozen=True)
class PartnershipInput:
    name: str
    kind: str = PartnershipKind.INFORMAL.value
    our_role: str = OurRole.PARTNER.value
    starts_on: date | None = None
    ends_on: date | None = None
    website: str = ""
    purpose: str = ""
    member_benefits: str = ""
    notes: str = ""
    partner_ids: tuple[uuid.UUID, ...] = ()
    agenda: tuple[AgendaInput, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class MemberPartner:
    """A partner abroad in the partnership."""

    id: uuid.UUID
    name: str
    country: str | None
    trust_stage: str


@dataclass(frozen=True)
class PartnershipDetail:
    id: uuid.UUID
    data: PartnershipInput
    updated_by: str
    deleted: bool
    partners: tuple[MemberPartner, ...]
    agenda: tuple[AgendaPoint, ...]


@dataclass(frozen=True)
class PartnershipRow:
    id: uuid.UUID
    name: str
    kind: str
    our_role: str
    starts_on: date | None
    ends_on: date | None
    partners: tuple[str, ...]
    countries: tuple[str, ...]
    open_points: int
    overdue: int
    next_due: date | None
    done_last_year: int


@dataclass(frozen=True)
class PartnershipFilter:
    text: str = ""
    kind: str | None = None
    deleted: bool = False


_FIELDS = ("name", "kind", "our_role", "starts_on", "ends_on", "website", "purpose",
           "member_benefits", "notes")


def _points(partnership: Partnership) -> tuple[AgendaPoint, ...]:
    live = sorted((p for p in partnership.agenda if p.deleted_at is None), key=lambda p: (p.due_on, p.position))
    return tuple(AgendaPoint(p.id, p.kind, p.text, p.due_on, p.owner, p.status, p.done_at, p.done_by, p.note)
                 for p in live)


def _input(partnership: Partnership) -> PartnershipInput:
    return PartnershipInput(
        **{key: getattr(partnership, key) for key in _FIELDS},
        partner_ids=live_ids(partnership.partners),
        agenda=tuple(AgendaInput(p.text, p.due_on, p.kind, p.owner, p.status, p.note, p.id)
                     for p in _points(partnership)),
        version=partnership.version)


def _detail(partnership: Partnership) -> PartnershipDetail:
    partners = tuple(MemberPartner(p.id, p.name, p.country, p.trust_stage) for p in live(partnership.partners))
    return PartnershipDetail(partnership.id, _input(partnership), partnership.updated_by,
                             partnership.deleted_at is not None, partners, _points(partnership))


def _row(partnership: Partnership, today: date) -> PartnershipRow:
    points = _points(partnership)
    open_points = [p for p in points if AgendaStatus(p.status).is_open]
    year_ago = today - timedelta(days=365)
    partners = live(partnership.partners)
    return PartnershipRow(
        partnership.id, partnership.name, partnership.kind, partnership.our_role, partnership.starts_on,
        partnership.ends_on, tuple(p.name for p in partners),
        tuple(sorted({p.country for p in partners if p.country}, key=country_name)),
        len(open_points), sum(1 for p in open_points if p.due_on < today),
        min((p.due_on for p in open_points), default=None),
        sum(1 for p in points if p.status == AgendaStatus.DONE.value and p.due_on >= year_ago))


# --- the list ---------------------------------------------------------------------------------


def list_partnerships(ctx: ServiceContext, f: PartnershipFilter = PartnershipFilter()) -> list[PartnershipRow]:
    """The partnerships the filter matches, by name, with their partners and open agenda."""
    clauses = [Partnership.deleted_at.is_not(None) if f.deleted else Partnership.deleted_at.is_(None),
               *like_terms(Partnership.search_text, f.text)]
    if f.kind:
        clauses.append(Partnership.kind == f.kind)
    today = ctx.today()
    with ctx.uow() as uow:
        return [_row(p, today) for p in uow.session.scalars(
            select(Partnership).where(*clauses).order_by(Partnership.sort_name))]


def named_partnerships(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.name, f"{PartnershipKind(r.kind).label} · {len(r.partners)} partners")
            for r in list_partnerships(ctx)]


@searcher
def search_partnerships(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: meta-clusters by name, kind, partner or agenda point."""
    query = (select(Partnership.id, Partnership.name, Partnership.kind, Partnership.our_role)
             .where(Partnership.deleted_at.is_(None), *like_terms(Partnership.search_text, text))
             .order_by(Partnership.sort_name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("partnership", r.id, r.name,
                      f"{PartnershipKind(r.kind).label} · our role: {OurRole(r.our_role).label.lower()}",
                      "network") for r in rows]


# --- one partnership ------------------------------------------------------------------------------


def _agenda(data: PartnershipInput, errors: dict[str, str]) -> tuple[AgendaInput, ...]:
    points, problems = [], []
    for number, point in enumerate(data.agenda, start=1):
        text = clean_text(point.text)
        if not text and point.due_on is None and not point.owner.strip() and not point.note.strip():
            continue  # an empty row left in the table
        if not text:
            problems.append(f"row {number}: say what is to be done")
        if point.due_on is None:
            problems.append(f"row {number}: a point of the agenda needs a date")
        if point.kind not in {k.value for k in AgendaKind}:
            problems.append(f"row {number}: “{point.kind}” is not a kind of agenda point")
        if point.status not in {s.value for s in AgendaStatus}:
            problems.append(f"row {number}: “{point.status}” is not a status")
        points.append(replace(point, text=text, owner=clean_text(point.owner), note=point.note.strip()))
    if problems:
        errors["agenda"] = "; ".join(problems)
    return tuple(points)


def validate_partnership(data: PartnershipInput) -> PartnershipInput:
    """Normalise what was typed; raise ValidationError naming each bad field (and agenda row)."""
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A partnership needs a name."
    for key, enum in (("kind", PartnershipKind), ("our_role", OurRole)):
        if getattr(data, key) not in {m.value for m in enum}:
            errors[key] = f"“{getattr(data, key)}” is not one of the choices."
    if data.starts_on and data.ends_on and data.ends_on < data.starts_on:
        errors["ends_on"] = "The partnership cannot end before it starts."
    website = data.website
    try:
        website = normalise_website(data.website)
    except InvalidValue as exc:
        errors["website"] = str(exc)
    agenda = _agenda(data, errors)
    if errors:
        raise ValidationError(errors)
    return replace(data, name=name, website=website, purpose=data.purpose.strip(),
                   member_benefits=data.member_benefits.strip(), notes=data.notes.strip(),
                   agenda=agenda)


def _apply(session, partnership: Partnership, data: PartnershipInput, now: datetime, actor: str) -> None:
    for key in _FIELDS:
        setattr(partnership, key, getattr(data, key))
    partnership.sort_name = sort_key(data.name)
    partnership.partners = linked(session, Partner, data.partner_ids, partnership.partners,
                                  "partner_ids", "partners")
    touch(partnership, now)  # a change to the agenda alone still moves the version on

    def build(point: AgendaInput) -> PartnershipAgendaItem:
        return PartnershipAgendaItem(id=uuid.uuid4(), partnership=partnership, text=point.text,
                                     due_on=point.due_on)

    def update(row: PartnershipAgendaItem, point: AgendaInput) -> None:
        row.kind, row.text, row.due_on, row.owner, row.note = (point.kind, point.text, point.due_on,
                                                               point.owner, point.note)
        row.status = point.status
        if point.status == AgendaStatus.DONE.value:
            if row.done_at is None:
                row.done_at, row.done_by = now, actor
        else:
            row.done_at, row.done_by = None, ""

    sync_rows(session, [p for p in partnership.agenda if p.deleted_at is None], data.agenda, build, update, now)
    parts = [data.name, PartnershipKind(data.kind).label, *(p.name for p in partnership.partners),
             *(p.text for p in data.agenda)]
    partnership.search_text = search_fold(" ".join(p for p in parts if p))


def add_partnership(session, data: PartnershipInput, now: datetime, actor: str) -> Partnership:
    """Add a validated partnership inside the caller's transaction (demo, create)."""
    partnership = Partnership(id=uuid.uuid4(), name=data.name, partners=[], agenda=[])
    session.add(partnership)
    with session.no_autoflush:
        _apply(session, partnership, data, now, actor)
    return partnership


def get_partnership(ctx: ServiceContext, partnership_id: uuid.UUID) -> PartnershipDetail:
    with ctx.uow() as uow:
        return _detail(load(uow.session, Partnership, partnership_id, MISSING))


def create_partnership(ctx: ServiceContext, data: PartnershipInput) -> tuple[PartnershipDetail, Changes]:
    """Add a meta-cluster or partnership."""
    data = validate_partnership(data)
    with ctx.uow() as uow:
        partnership = add_partnership(uow.session, data, ctx.now(), ctx.actor)
        changes = uow.commit()
        return _detail(partnership), changes


def update_partnership(ctx: ServiceContext, partnership_id: uuid.UUID,
                       data: PartnershipInput) -> tuple[PartnershipDetail, Changes]:
    """Save the partnership editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_partnership(data)
    with ctx.uow() as uow:
        partnership = load(uow.session, Partnership, partnership_id, MISSING)
        if partnership.version != data.version:
            raise ConflictError(f"Partnership “{partnership.name}”",
                                differences(_input(partnership), data, (*_FIELDS, "partner_ids")),
                                partnership.updated_by)
        with uow.session.no_autoflush:
            _apply(uow.session, partnership, data, ctx.now(), ctx.actor)
        changes = uow.commit()
        return _detail(partnership), changes


def delete_partnership(ctx: ServiceContext, partnership_id: uuid.UUID) -> Changes:
    """Move a partnership to the bin (its agenda leaves Today); restore brings it back."""
    return set_deleted(ctx, Partnership, partnership_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_partnership(ctx: ServiceContext, partnership_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, Partnership, partnership_id, None, f"{MISSING} no longer exists.")


# --- the joint agenda on Today --------------------------------------------------------------------


def agenda_due(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Open points of the joint agendas due by `until` (overdue ones included)."""
    query = (select(PartnershipAgendaItem.id, PartnershipAgendaItem.due_on, PartnershipAgendaItem.text,
                    PartnershipAgendaItem.kind, PartnershipAgendaItem.status, PartnershipAgendaItem.owner,
                    Partnership.name)
             .join(Partnership, Partnership.id == PartnershipAgendaItem.partnership_id)
             .where(PartnershipAgendaItem.due_on <= until,
                    PartnershipAgendaItem.status.in_([s.value for s in AgendaStatus if s.is_open]),
                    PartnershipAgendaItem.deleted_at.is_(None), Partnership.deleted_at.is_(None))
             .order_by(PartnershipAgendaItem.due_on, Partnership.sort_name, PartnershipAgendaItem.position))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AgendaItem("joint-agenda", due, f"{name}: {text}",
                       f"{AgendaKind(kind).label} · {AgendaStatus(status).label.lower()}",
                       "partnership_agenda_items", point_id, owner)
            for point_id, due, text, kind, status, owner, name in rows]


def complete_agenda_point(ctx: ServiceContext, point_id: uuid.UUID) -> Changes:
    """Mark a point of a joint agenda done (from Today), recording who and when."""
    with ctx.uow() as uow:
        point = load(uow.session, PartnershipAgendaItem, point_id, "That agenda point", live=True)
        if point.status != AgendaStatus.DONE.value:
            point.status = AgendaStatus.DONE.value
            point.done_at, point.done_by = ctx.now(), ctx.actor
            touch(uow.session.get(Partnership, point.partnership_id), ctx.now())
        return uow.commit()


def partnership_of_point(ctx: ServiceContext, point_id: uuid.UUID) -> uuid.UUID:
    """The partnership an agenda point belongs to (to open it from Today)."""
    with ctx.workspace.engine.connect() as conn:
        found = conn.execute(select(PartnershipAgendaItem.partnership_id)
                             .where(PartnershipAgendaItem.id == point_id)).scalar()
    if found is None:
        raise NotFound("That agenda point no longer exists.")
    return found
