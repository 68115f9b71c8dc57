"""SWOT analyses (§2.3.2): dated and titled, with strengths, weaknesses, opportunities and
threats as ordered lists of points."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.enums import SwotQuadrant
from ..domain.text import sort_key
from ..store.models import SwotAnalysis, SwotItem
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences
from .errors import ConflictError, ValidationError
from .records import load, set_deleted, touch

MISSING = "That SWOT analysis"
QUADRANTS = tuple(q.value for q in SwotQuadrant)


@dataclass(frozen=True)
class SwotPoint:
    text: str
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class SwotInput:
    title: str
    made_on: date | None
    made_by: str = ""
    notes: str = ""
    # quadrant value → its points in order
    points: dict[str, tuple[SwotPoint, ...]] | None = None
    version: int = 0

    def quadrant(self, quadrant: SwotQuadrant | str) -> tuple[SwotPoint, ...]:
        return (self.points or {}).get(SwotQuadrant(quadrant).value, ())


@dataclass(frozen=True)
class SwotDetail:
    id: uuid.UUID
    data: SwotInput
    updated_by: str
    deleted: bool


@dataclass(frozen=True)
class SwotRow:
    id: uuid.UUID
    title: str
    made_on: date
    made_by: str
    counts: tuple[int, int, int, int]  # points in S, W, O, T

    @property
    def name(self) -> str:
        return self.title


_FIELDS = ("title", "made_on", "made_by", "notes")


def _input(analysis: SwotAnalysis) -> SwotInput:
    points: dict[str, list[SwotPoint]] = {q: [] for q in QUADRANTS}
    for item in sorted(analysis.items, key=lambda i: i.position):
        if item.deleted_at is None and item.quadrant in points:
            points[item.quadrant].append(SwotPoint(item.text, item.id))
    return SwotInput(analysis.title, analysis.made_on, analysis.made_by, analysis.notes,
                     {q: tuple(p) for q, p in points.items()}, analysis.version)


def _detail(analysis: SwotAnalysis) -> SwotDetail:
    return SwotDetail(analysis.id, _input(analysis), analysis.updated_by, analysis.deleted_at is not None)


def list_analyses(ctx: ServiceContext, text: str = "", *, deleted: bool = False) -> list[SwotRow]:
    """SWOT analyses, newest first, with the number of points in each quadrant."""
    with ctx.uow() as uow:
        query = (select(SwotAnalysis)
                 .where(SwotAnalysis.deleted_at.is_not(None) if deleted else SwotAnalysis.deleted_at.is_(None))
                 .order_by(SwotAnalysis.made_on.desc(), SwotAnalysis.sort_title))
        rows = []
        for analysis in uow.session.scalars(query):
            if text and sort_key(text) not in analysis.sort_title:
                continue
            data = _input(analysis)
            rows.append(SwotRow(analysis.id, analysis.title, analysis.made_on, analysis.made_by,
                                tuple(len(data.quadrant(q)) for q in QUADRANTS)))
        return rows


def named_analyses(ctx: ServiceContext) -> list[NamedRecord]:
    return [NamedRecord(r.id, r.title, r.made_on.isoformat()) for r in list_analyses(ctx)]


def validate_analysis(data: SwotInput) -> SwotInput:
    errors: dict[str, str] = {}
    title = clean_text(data.title)
    if not title:
        errors["title"] = "A SWOT analysis needs a title: the question it answers."
    if data.made_on is None:
        errors["made_on"] = "Date the analysis: it describes a moment."
    unknown = set(data.points or {}) - set(QUADRANTS)
    if unknown:
        errors["points"] = f"“{sorted(unknown)[0]}” is not a SWOT quadrant."
    if errors:
        raise ValidationError(errors)
    points = {q: tuple(replace(p, text=p.text.strip()) for p in data.quadrant(q) if p.text.strip())
              for q in QUADRANTS}
    return replace(data, title=title, made_by=clean_text(data.made_by), notes=data.notes.strip(),
                   points=points)


def _apply(analysis: SwotAnalysis, data: SwotInput, now) -> None:
    for key in _FIELDS:
        setattr(analysis, key, getattr(data, key))
    analysis.sort_title = sort_key(data.title)
    touch(analysis, now)  # the points are the analysis: a change to them moves its version on
    existing = {i.id: i for i in analysis.items if i.deleted_at is None}
    kept = set()
    for quadrant in QUADRANTS:
        for position, point in enumerate(data.quadrant(quadrant)):
            item = existing.get(point.id) if point.id else None
            if item is None:
                item = SwotItem(id=uuid.uuid4(), text=point.text)
                analysis.items.append(item)
            kept.add(item.id)
            item.quadrant, item.position, item.text = quadrant, position, point.text
    for item_id, item in existing.items():
        if item_id not in kept:
            item.deleted_at = now


def add_analysis(session, data: SwotInput, now) -> SwotAnalysis:
    """Add a validated analysis inside the caller's transaction (demo, create)."""
    analysis = SwotAnalysis(id=uuid.uuid4(), title=data.title, items=[])
    with session.no_autoflush:
        _apply(analysis, data, now)
    session.add(analysis)
    return analysis


def get_analysis(ctx: ServiceContext, analysis_id: uuid.UUID) -> SwotDetail:
    with ctx.uow() as uow:
        return _detail(load(uow.session, SwotAnalysis, analysis_id, MISSING))


def create_analysis(ctx: ServiceContext, data: SwotInput) -> tuple[SwotDetail, Changes]:
    """Add a SWOT analysis."""
    data = validate_analysis(data)
    with ctx.uow() as uow:
        analysis = add_analysis(uow.session, data, ctx.now())
        changes = uow.commit()
        return _detail(analysis), changes


def update_analysis(ctx: ServiceContext, analysis_id: uuid.UUID, data: SwotInput) -> tuple[SwotDetail, Changes]:
    """Save the analysis with its points in their order; refuses a stale overwrite."""
    data = validate_analysis(data)
    with ctx.uow() as uow:
        analysis = load(uow.session, SwotAnalysis, analysis_id, MISSING)
        if analysis.version != data.version:
            theirs = _input(analysis)
            changed = differences(theirs, data, _FIELDS)
            if theirs.points != data.points:
                changed["points"] = ("changed", "changed")
            raise ConflictError(f"SWOT analysis “{analysis.title}”", changed, analysis.updated_by)
        with uow.session.no_autoflush:
            _apply(analysis, data, ctx.now())
        changes = uow.commit()
        return _detail(analysis), changes


def delete_analysis(ctx: ServiceContext, analysis_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, SwotAnalysis, analysis_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_analysis(ctx: ServiceContext, analysis_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, SwotAnalysis, analysis_id, None, f"{MISSING} no longer exists.")
