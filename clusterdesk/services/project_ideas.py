"""The project ideas pipeline (§5.2.2, the project exchange market): members' ideas for
international projects, the members and partners abroad in them, how mature each is (idea →
concept → consortium → application → funded, or dropped), the funding calls chosen for it
(suggested by `idea_calls`), and the next step with a date — on Today until it is done."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.enums import CallStatus
from ..domain.network import Maturity, move_stage
from ..domain.text import plural, search_fold, sort_key
from ..store.models import FundingCall, Member, Partner, ProjectIdea
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .network_links import linked, live, live_ids
from .records import load, set_deleted, touch
from .search import SearchHit, searcher
from .today import AgendaItem

MISSING = "That project idea"


@dataclass(frozen=True)
class IdeaInput:
    title: str
    description: str = ""
    keywords: str = ""
    maturity: str = Maturity.IDEA.value
    owner: str = ""
    next_step: str = ""
    next_step_on: date | None = None
    notes: str = ""
    member_ids: tuple[uuid.UUID, ...] = ()
    partner_ids: tuple[uuid.UUID, ...] = ()
    call_ids: tuple[uuid.UUID, ...] = ()
    version: int = 0


@dataclass(frozen=True)
class Linked:
    """A record an idea links to, as the editor lists it."""

    id: uuid.UUID
    name: str
    detail: str = ""


@dataclass(frozen=True)
class IdeaDetail:
    id: uuid.UUID
    data: IdeaInput
    updated_by: str
    deleted: bool
    members: tuple[Linked, ...]
    partners: tuple[Linked, ...]
    calls: tuple[Linked, ...]
    next_step_done_at: datetime | None
    next_step_done_by: str


@dataclass(frozen=True)
class IdeaRow:
    id: uuid.UUID
    title: str
    maturity: str
    owner: str
    members: tuple[str, ...]
    partners: tuple[str, ...]
    calls: tuple[str, ...]
    next_step: str
    next_step_on: date | None
    next_step_done: bool
    keywords: str
    version: int

    @property
    def name(self) -> str:
        return self.title

    @property
    def open_step_on(self) -> date | None:
        """The date of the next step while it is still to be done."""
        return None if self.next_step_done else self.next_step_on


@dataclass(frozen=True)
class IdeaFilter:
    text: str = ""
    maturity: str | None = None  # ACTIVE_ONLY for the ideas still on their way
    deleted: bool = False


ACTIVE_ONLY = "active"
_FIELDS = ("title", "description", "keywords", "maturity", "owner", "next_step", "next_step_on", "notes")


def _row(idea: ProjectIdea) -> IdeaRow:
    return IdeaRow(idea.id, idea.title, idea.maturity, idea.owner,
                   tuple(m.name for m in live(idea.members)), tuple(p.name for p in live(idea.partners)),
                   tuple(c.title for c in live(idea.calls, "sort_title")),
                   idea.next_step, idea.next_step_on, idea.next_step_done_at is not None, idea.keywords,
                   idea.version)


def _input(idea: ProjectIdea) -> IdeaInput:
    return IdeaInput(**{key: getattr(idea, key) for key in _FIELDS}, member_ids=live_ids(idea.members),
                     partner_ids=live_ids(idea.partners), call_ids=live_ids(idea.calls, "sort_title"),
                     version=idea.version)


def _detail(idea: ProjectIdea) -> IdeaDetail:
    from ..domain.countries import country_name

    members = tuple(Linked(m.id, m.name, m.city) for m in live(idea.members))
    partners = tuple(Linked(p.id, p.name, country_name(p.country)) for p in live(idea.partners))
    calls = tuple(Linked(c.id, c.title, " · ".join(p for p in (c.source.name if c.source else "",
                                                               CallStatus(c.status).label) if p))
                  for c in live(idea.calls, "sort_title"))
    return IdeaDetail(idea.id, _input(idea), idea.updated_by, idea.deleted_at is not None, members, partners,
                      calls, idea.next_step_done_at, idea.next_step_done_by)


# --- the list and the board ------------------------------------------------------------------


def list_ideas(ctx: ServiceContext, f: IdeaFilter = IdeaFilter()) -> list[IdeaRow]:
    """The ideas the filter matches, by title, with their members, partners and calls."""
    clauses = [ProjectIdea.deleted_at.is_not(None) if f.deleted else ProjectIdea.deleted_at.is_(None),
               *like_terms(ProjectIdea.search_text, f.text)]
    if f.maturity == ACTIVE_ONLY:
        clauses.append(ProjectIdea.maturity.in_([m.value for m in Maturity if m.is_active]))
    elif f.maturity:
        clauses.append(ProjectIdea.maturity == f.maturity)
    with ctx.uow() as uow:
        return [_row(i) for i in uow.session.scalars(select(ProjectIdea).where(*clauses)
                                                     .order_by(ProjectIdea.sort_title))]


def named_ideas(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.title, Maturity(r.maturity).label) for r in list_ideas(ctx)]


@searcher
def search_ideas(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: project ideas by title, keywords, member, partner or owner."""
    query = (select(ProjectIdea.id, ProjectIdea.title, ProjectIdea.maturity)
             .where(ProjectIdea.deleted_at.is_(None), *like_terms(ProjectIdea.search_text, text))
             .order_by(ProjectIdea.sort_title).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("idea", r.id, r.title, f"Project idea · {Maturity(r.maturity).label}", "network")
            for r in rows]


# --- one idea ---------------------------------------------------------------------------------


def validate_idea(data: IdeaInput) -> IdeaInput:
    """Normalise what was typed; raise ValidationError naming each bad field."""
    errors: dict[str, str] = {}
    title = clean_text(data.title)
    if not title:
        errors["title"] = "An idea needs a title (a few words say what it is)."
    if data.maturity not in {m.value for m in Maturity}:
        errors["maturity"] = f"“{data.maturity}” is not one of the stages."
    next_step = clean_text(data.next_step)
    if data.next_step_on is not None and not next_step:
        errors["next_step"] = "Say what the next step is, or clear its date."
    if errors:
        raise ValidationError(errors)
    keywords = ", ".join(k for k in (clean_text(k) for k in data.keywords.replace(";", ",").split(",")) if k)
    return replace(data, title=title, next_step=next_step, keywords=keywords, owner=clean_text(data.owner),
                   description=data.description.strip(), notes=data.notes.strip())


def _apply(session, idea: ProjectIdea, data: IdeaInput, now: datetime) -> None:
    if (idea.next_step, idea.next_step_on) != (data.next_step, data.next_step_on):
        idea.next_step_done_at, idea.next_step_done_by = None, ""  # a new step is still to be done
    for key in _FIELDS:
        setattr(idea, key, getattr(data, key))
    idea.sort_title = sort_key(data.title)
    idea.members = linked(session, Member, data.member_ids, idea.members, "member_ids", "members")
    idea.partners = linked(session, Partner, data.partner_ids, idea.partners, "partner_ids", "partners")
    idea.calls = linked(session, FundingCall, data.call_ids, idea.calls, "call_ids", "funding calls")
    touch(idea, now)
    parts = [data.title, data.keywords, data.owner, *(m.name for m in idea.members),
             *(p.name for p in idea.partners)]
    idea.search_text = search_fold(" ".join(p for p in parts if p))


def add_idea(session, data: IdeaInput, now: datetime) -> ProjectIdea:
    """Add a validated idea inside the caller's transaction (demo, create)."""
    idea = ProjectIdea(id=uuid.uuid4(), title=data.title, members=[], partners=[], calls=[])
    session.add(idea)
    with session.no_autoflush:
        _apply(session, idea, data, now)
    return idea


def get_idea(ctx: ServiceContext, idea_id: uuid.UUID) -> IdeaDetail:
    with ctx.uow() as uow:
        return _detail(load(uow.session, ProjectIdea, idea_id, MISSING))


def create_idea(ctx: ServiceContext, data: IdeaInput) -> tuple[IdeaDetail, Changes]:
    """Add a project idea to the pipeline."""
    data = validate_idea(data)
    with ctx.uow() as uow:
        idea = add_idea(uow.session, data, ctx.now())
        changes = uow.commit()
        return _detail(idea), changes


def update_idea(ctx: ServiceContext, idea_id: uuid.UUID, data: IdeaInput) -> tuple[IdeaDetail, Changes]:
    """Save the idea editor; refuses to overwrite a newer version saved by someone else."""
    data = validate_idea(data)
    with ctx.uow() as uow:
        idea = load(uow.session, ProjectIdea, idea_id, MISSING)
        if idea.version != data.version:
            raise ConflictError(f"Project idea “{idea.title}”",
                                differences(_input(idea), data, (*_FIELDS, "member_ids", "partner_ids", "call_ids")),
                                idea.updated_by)
        with uow.session.no_autoflush:
            _apply(uow.session, idea, data, ctx.now())
        changes = uow.commit()
        return _detail(idea), changes


def move_idea(ctx: ServiceContext, idea_id: uuid.UUID, step: int, version: int) -> tuple[IdeaRow, Changes]:
    """Move an idea `step` stages along the board (Ctrl+Left / Ctrl+Right); refuses when someone
    changed it since it was shown."""
    with ctx.uow() as uow:
        idea = load(uow.session, ProjectIdea, idea_id, MISSING, live=True)
        target = move_stage(idea.maturity, step)
        if idea.version != version:
            raise ConflictError(f"Project idea “{idea.title}”", {"maturity": (
                Maturity(idea.maturity).label, target.label)}, idea.updated_by)
        idea.maturity = target.value
        changes = uow.commit()
        return _row(idea), changes


def delete_idea(ctx: ServiceContext, idea_id: uuid.UUID) -> Changes:
    """Move an idea to the bin (its next step leaves Today); restore brings it back."""
    return set_deleted(ctx, ProjectIdea, idea_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_idea(ctx: ServiceContext, idea_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, ProjectIdea, idea_id, None, f"{MISSING} no longer exists.")


# --- Today ---------------------------------------------------------------------------------------


def next_steps_due(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Next steps of ideas still on their way, due by `until` (overdue ones included)."""
    query = (select(ProjectIdea.id, ProjectIdea.next_step_on, ProjectIdea.next_step, ProjectIdea.title,
                    ProjectIdea.maturity, ProjectIdea.owner)
             .where(ProjectIdea.deleted_at.is_(None), ProjectIdea.next_step_on.is_not(None),
                    ProjectIdea.next_step_on <= until, ProjectIdea.next_step_done_at.is_(None),
                    ProjectIdea.maturity.in_([m.value for m in Maturity if m.is_active]))
             .order_by(ProjectIdea.next_step_on, ProjectIdea.sort_title))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AgendaItem("idea-step", due, f"{title}: {step}", f"Project idea · {Maturity(maturity).label}",
                       "project_ideas", idea_id, owner)
            for idea_id, due, step, title, maturity, owner in rows]


def complete_next_step(ctx: ServiceContext, idea_id: uuid.UUID) -> Changes:
    """Mark an idea's next step done (from Today), recording who and when."""
    with ctx.uow() as uow:
        idea = load(uow.session, ProjectIdea, idea_id, MISSING, live=True)
        if idea.next_step_done_at is None:
            idea.next_step_done_at, idea.next_step_done_by = ctx.now(), ctx.actor
        return uow.commit()


def pipeline_summary(ctx: ServiceContext) -> str | None:
    """How many ideas stand at each stage (for the evidence and the board's heading)."""
    rows = list_ideas(ctx)
    if not rows:
        return None
    counts = [(m, sum(1 for r in rows if r.maturity == m.value)) for m in Maturity]
    return ", ".join(f"{n} {m.label.lower()}" for m, n in counts if n) + f" ({plural(len(rows), 'idea')})"
