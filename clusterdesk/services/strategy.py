"""Versions of the international strategy (§3.5): a draft is written, the board approves it
(which archives the one approved before), and a copy starts the next version. Sections are
plain structured text; the boundaries name countries, markets and sectors."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..domain.countries import country_name
from ..domain.formatting import format_date
from ..domain.strategy import StrategyStatus, period_text
from ..domain.text import plural, search_fold, sort_key
from ..store.models import ActionPlan, Kpi, StrategyVersion
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences, like_terms
from .errors import ConflictError, ValidationError
from .records import load, set_deleted
from .search import SearchHit, searcher

MISSING = "That strategy version"
# The sections of a strategy, in the order of the document: (field, heading, what it answers).
SECTIONS = (
    ("mission_vision", "Mission and vision for the international work",
     "What does the cluster want to promote or offer to the world around it?"),
    ("target_groups", "Target groups",
     "Who is to go international: large companies or SMEs, research institutions; members "
     "already abroad or those not yet there?"),
    ("markets", "Markets", "Which markets, technologies or value chains the work aims at."),
    ("sectors", "Sectors", "Which sectors and fields are in, and which are out."),
    ("focus_areas", "Focus areas and priorities",
     "Prioritised activities, focus areas and collaborations."),
    ("overall_link", "Link to the overall strategy",
     "How the international strategy follows the mission and vision of the cluster's overall "
     "strategy."),
    ("process", "How this strategy was made",
     "The strategy day, the member survey, who in the board and steering group took part."),
)
TEXT_FIELDS = tuple(key for key, _h, _q in SECTIONS)
_FIELDS = ("title", "period_from", "period_to", *TEXT_FIELDS)


@dataclass(frozen=True)
class StrategyInput:
    title: str
    period_from: date | None = None
    period_to: date | None = None
    mission_vision: str = ""
    target_groups: str = ""
    countries: tuple[str, ...] = ()
    markets: str = ""
    sectors: str = ""
    focus_areas: str = ""
    overall_link: str = ""
    process: str = ""
    version: int = 0


@dataclass(frozen=True)
class StrategyRow:
    id: uuid.UUID
    title: str
    status: str
    period_from: date | None
    period_to: date | None
    approved_on: date | None
    approved_by: str
    kpis: int
    plans: int

    @property
    def name(self) -> str:
        return self.title

    @property
    def period(self) -> str:
        return period_text(self.period_from, self.period_to)

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.approved_on)


@dataclass(frozen=True)
class StrategyDetail:
    id: uuid.UUID
    data: StrategyInput
    status: str
    approved_on: date | None
    approved_by: str
    updated_by: str
    deleted: bool
    copied_from: str  # the title of the version it was copied from
    kpis: int
    plans: int

    @property
    def status_text(self) -> str:
        return status_text(self.status, self.approved_on)


@dataclass(frozen=True)
class StrategyFilter:
    text: str = ""
    status: str | None = None
    deleted: bool = False


def status_text(status: str, approved_on: date | None) -> str:
    """'Draft', 'Approved on 12 Mar 2025', 'Archived'."""
    if status == StrategyStatus.APPROVED.value and approved_on:
        return f"Approved on {format_date(approved_on)}"
    return StrategyStatus(status).label


# --- the list ---------------------------------------------------------------------------------


def _counts(conn, model, ids) -> dict[uuid.UUID, int]:
    return dict(conn.execute(select(model.strategy_id, func.count())
                             .where(model.strategy_id.in_(ids), model.deleted_at.is_(None))
                             .group_by(model.strategy_id)).all())


def list_strategies(ctx: ServiceContext, f: StrategyFilter = StrategyFilter()) -> list[StrategyRow]:
    """Strategy versions, newest period first, with their KPIs and action plans counted."""
    clauses = [StrategyVersion.deleted_at.is_not(None) if f.deleted else StrategyVersion.deleted_at.is_(None),
               *like_terms(StrategyVersion.search_text, f.text)]
    if f.status:
        clauses.append(StrategyVersion.status == f.status)
    query = (select(StrategyVersion.id, StrategyVersion.title, StrategyVersion.status,
                    StrategyVersion.period_from, StrategyVersion.period_to,
                    StrategyVersion.approved_on, StrategyVersion.approved_by)
             .where(*clauses)
             .order_by(StrategyVersion.period_from.desc(), StrategyVersion.sort_title))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
        ids = [r.id for r in rows]
        kpis, plans = _counts(conn, Kpi, ids), _counts(conn, ActionPlan, ids)
    return [StrategyRow(*r, kpis.get(r.id, 0), plans.get(r.id, 0)) for r in rows]


def approved_strategy(ctx: ServiceContext) -> StrategyRow | None:
    """The version the board approved last (there is at most one)."""
    rows = list_strategies(ctx, StrategyFilter(status=StrategyStatus.APPROVED.value))
    return rows[0] if rows else None


def named_strategies(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.title, " · ".join(p for p in (r.status_text, r.period) if p))
            for r in list_strategies(ctx)]


@searcher
def search_strategies(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Ctrl+K: strategy versions by title and by any word of their sections."""
    query = (select(StrategyVersion.id, StrategyVersion.title, StrategyVersion.status,
                    StrategyVersion.approved_on, StrategyVersion.period_from, StrategyVersion.period_to)
             .where(StrategyVersion.deleted_at.is_(None), *like_terms(StrategyVersion.search_text, text))
             .order_by(StrategyVersion.period_from.desc()).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("strategy", r.id, r.title,
                      " · ".join(p for p in ("Strategy", status_text(r.status, r.approved_on),
                                             period_text(r.period_from, r.period_to)) if p),
                      "strategy") for r in rows]


# --- one version --------------------------------------------------------------------------------


def validate_strategy(data: StrategyInput) -> StrategyInput:
    """Tidy what was typed; raise ValidationError naming each refused field."""
    errors: dict[str, str] = {}
    title = clean_text(data.title)
    if not title:
        errors["title"] = "Give the version a title, e.g. “International strategy 2025–2027”."
    if data.period_from and data.period_to and data.period_to < data.period_from:
        errors["period_to"] = "The period cannot end before it starts."
    unknown = [c for c in data.countries if country_name(c) == c]
    if unknown:
        errors["countries"] = "Not a country: " + ", ".join(unknown)
    if errors:
        raise ValidationError(errors)
    texts = {key: getattr(data, key).strip() for key in TEXT_FIELDS}
    return replace(data, title=title, countries=tuple(dict.fromkeys(c.upper() for c in data.countries)),
                   **texts)


def _search_text(data: StrategyInput) -> str:
    parts = [data.title, *(getattr(data, k) for k in TEXT_FIELDS),
             *(country_name(c) for c in data.countries), *(country_name(c, "da") for c in data.countries)]
    return search_fold(" ".join(p for p in parts if p))


def _apply(version: StrategyVersion, data: StrategyInput) -> None:
    for key in _FIELDS:
        setattr(version, key, getattr(data, key))
    version.countries = list(data.countries)
    version.sort_title = sort_key(data.title)
    version.search_text = _search_text(data)


def _detail(session, version: StrategyVersion) -> StrategyDetail:
    data = StrategyInput(**{key: getattr(version, key) for key in _FIELDS},
                         countries=tuple(version.countries or ()), version=version.version)
    copied = session.get(StrategyVersion, version.copied_from_id) if version.copied_from_id else None
    kpis = session.scalar(select(func.count()).select_from(Kpi).where(
        Kpi.strategy_id == version.id, Kpi.deleted_at.is_(None)))
    plans = session.scalar(select(func.count()).select_from(ActionPlan).where(
        ActionPlan.strategy_id == version.id, ActionPlan.deleted_at.is_(None)))
    return StrategyDetail(version.id, data, version.status, version.approved_on, version.approved_by,
                          version.updated_by, version.deleted_at is not None,
                          copied.title if copied else "", kpis, plans)


def get_strategy(ctx: ServiceContext, strategy_id: uuid.UUID) -> StrategyDetail:
    with ctx.uow() as uow:
        return _detail(uow.session, load(uow.session, StrategyVersion, strategy_id, MISSING))


def add_strategy(session, data: StrategyInput, status: str = StrategyStatus.DRAFT.value) -> StrategyVersion:
    """Add a validated version inside the caller's transaction."""
    version = StrategyVersion(id=uuid.uuid4(), status=status)
    _apply(version, data)
    session.add(version)
    return version


def create_strategy(ctx: ServiceContext, data: StrategyInput) -> tuple[StrategyDetail, Changes]:
    """A new draft version."""
    data = validate_strategy(data)
    with ctx.uow() as uow:
        version = add_strategy(uow.session, data)
        changes = uow.commit()
        return _detail(uow.session, version), changes


def update_strategy(ctx: ServiceContext, strategy_id: uuid.UUID,
                    data: StrategyInput) -> tuple[StrategyDetail, Changes]:
    """Save the version's title, period and sections."""
    data = validate_strategy(data)
    with ctx.uow() as uow:
        version = load(uow.session, StrategyVersion, strategy_id, MISSING)
        if version.version != data.version:
            theirs = _detail(uow.session, version).data
            raise ConflictError(f"Strategy “{version.title}”",
                                differences(theirs, data, (*_FIELDS, "countries")), version.updated_by)
        _apply(version, data)
        changes = uow.commit()
        return _detail(uow.session, version), changes


def approve_strategy(ctx: ServiceContext, strategy_id: uuid.UUID, approved_on: date | None,
                     approved_by: str = "") -> tuple[StrategyDetail, Changes]:
    """Record the board's approval. The version approved before is archived: only one
    strategy is in force at a time."""
    errors = {}
    if approved_on is None:
        errors["approved_on"] = "Give the date the board approved it."
    elif approved_on > ctx.today():
        errors["approved_on"] = "An approval cannot be dated in the future."
    if errors:
        raise ValidationError(errors)
    with ctx.uow() as uow:
        version = load(uow.session, StrategyVersion, strategy_id, MISSING, live=True)
        for other in uow.session.scalars(select(StrategyVersion).where(
                StrategyVersion.status == StrategyStatus.APPROVED.value, StrategyVersion.id != strategy_id)):
            other.status = StrategyStatus.ARCHIVED.value
        version.status = StrategyStatus.APPROVED.value
        version.approved_on = approved_on
        version.approved_by = clean_text(approved_by) or "The board"
        changes = uow.commit()
        return _detail(uow.session, version), changes


def archive_strategy(ctx: ServiceContext, strategy_id: uuid.UUID) -> tuple[StrategyDetail, Changes]:
    """The version is no longer in force (kept for the record)."""
    with ctx.uow() as uow:
        version = load(uow.session, StrategyVersion, strategy_id, MISSING, live=True)
        version.status = StrategyStatus.ARCHIVED.value
        changes = uow.commit()
        return _detail(uow.session, version), changes


def next_period(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    """The period after [start, end] of the same number of whole years (2025–2027 → 2028–2030)."""
    if start is None or end is None:
        return start, end
    years = max(1, end.year - start.year + 1)
    try:
        return start.replace(year=start.year + years), end.replace(year=end.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28), end.replace(year=end.year + years, day=28)


def copy_strategy(ctx: ServiceContext, strategy_id: uuid.UUID, title: str,
                  period_from: date | None, period_to: date | None) -> tuple[StrategyDetail, Changes]:
    """Start the next version from this one: a draft with the same sections and its KPIs
    carried over (kpis.copy_kpis says how); the measurements stay with the old version."""
    from .kpis import copy_kpis

    with ctx.uow() as uow:
        source = load(uow.session, StrategyVersion, strategy_id, MISSING, live=True)
        data = validate_strategy(replace(_detail(uow.session, source).data, title=title,
                                         period_from=period_from, period_to=period_to))
        copy = add_strategy(uow.session, data)
        copy.copied_from_id = source.id
        copy_kpis(ctx, uow.session, source, copy)
        changes = uow.commit()
        return _detail(uow.session, copy), changes


def delete_strategy(ctx: ServiceContext, strategy_id: uuid.UUID) -> Changes:
    """Move a version to the bin (its KPIs go with it); restore brings it back."""
    return set_deleted(ctx, StrategyVersion, strategy_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_strategy(ctx: ServiceContext, strategy_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, StrategyVersion, strategy_id, None, f"{MISSING} no longer exists.")


# --- the handbook's questions for Phase 3 ---------------------------------------------------------


def document_evidence(ctx: ServiceContext) -> str | None:
    """Is there a strategy document? (the approved version, its sections, drafts under way)"""
    rows = list_strategies(ctx)
    if not rows:
        return None
    approved = next((r for r in rows if r.status == StrategyStatus.APPROVED.value), None)
    drafts = sum(1 for r in rows if r.status == StrategyStatus.DRAFT.value)
    draft_text = f"; {plural(drafts, 'draft')} under way" if drafts else ""
    if approved is None:
        return f"No approved strategy yet{draft_text}."
    detail = get_strategy(ctx, approved.id)
    written = sum(1 for key in TEXT_FIELDS if getattr(detail.data, key))
    return (f"“{approved.title}”, approved on {format_date(approved.approved_on)}; "
            f"{written} of {len(TEXT_FIELDS)} sections written{draft_text}.")


def overall_link_evidence(ctx: ServiceContext) -> str | None:
    """Is the international strategy in line with the overall one? (the section that says how)"""
    approved = approved_strategy(ctx)
    if approved is None:
        return None
    link = get_strategy(ctx, approved.id).data.overall_link
    if not link:
        return f"“{approved.title}” does not yet say how it follows the overall strategy."
    return f"“{approved.title}” links to the overall strategy: {_first_sentence(link)}"


def _first_sentence(text: str, limit: int = 110) -> str:
    line = " ".join(text.split())
    end = line.find(". ")
    sentence = line if end < 0 else line[:end + 1]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"
