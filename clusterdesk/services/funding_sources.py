"""Funding sources (§2.2): basic funding, regional funds, EU programmes, national programmes,
private co-funding, participant fees — what calls belong to and budgets are funded from."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..domain.enums import FundingSourceKind
from ..domain.money import Money
from ..domain.text import sort_key
from ..domain.validation import InvalidValue, normalise_website
from ..store.models import BudgetFunding, FundingCall, FundingSource
from .context import ServiceContext
from .dto import NamedRecord, clean_text, differences
from .errors import ConflictError, ValidationError
from .records import load, set_deleted

MISSING = "That funding source"


@dataclass(frozen=True)
class SourceInput:
    name: str
    kind: str = FundingSourceKind.OTHER.value
    website: str = ""
    available: Money | None = None
    notes: str = ""
    version: int = 0


@dataclass(frozen=True)
class SourceRow:
    id: uuid.UUID
    data: SourceInput
    deleted: bool = False
    calls: int = 0  # calls from it (any status)
    budget_lines: int = 0  # funding lines of budgets that name it

    @property
    def name(self) -> str:
        return self.data.name

    @property
    def kind(self) -> str:
        return self.data.kind


_FIELDS = ("name", "kind", "website", "notes")


def _input(source: FundingSource) -> SourceInput:
    available = (Money.from_minor(source.available_minor, source.available_currency)
                 if source.available_minor is not None else None)
    return SourceInput(source.name, source.kind, source.website, available, source.notes, source.version)


def list_sources(ctx: ServiceContext, *, deleted: bool = False) -> list[SourceRow]:
    """Funding sources by name (or those in the bin), with how often they are used."""
    calls = (select(FundingCall.source_id, func.count().label("n"))
             .where(FundingCall.deleted_at.is_(None)).group_by(FundingCall.source_id).subquery())
    lines = (select(BudgetFunding.source_id, func.count().label("n"))
             .where(BudgetFunding.deleted_at.is_(None)).group_by(BudgetFunding.source_id).subquery())
    query = (select(FundingSource, func.coalesce(calls.c.n, 0), func.coalesce(lines.c.n, 0))
             .outerjoin(calls, calls.c.source_id == FundingSource.id)
             .outerjoin(lines, lines.c.source_id == FundingSource.id)
             .where(FundingSource.deleted_at.is_not(None) if deleted else FundingSource.deleted_at.is_(None))
             .order_by(FundingSource.sort_name))
    with ctx.uow() as uow:
        return [SourceRow(s.id, _input(s), s.deleted_at is not None, n_calls, n_lines)
                for s, n_calls, n_lines in uow.session.execute(query)]


def source_choices(ctx: ServiceContext) -> list[NamedRecord]:
    """The live sources for a choice list: id, name and kind."""
    return [NamedRecord(r.id, r.name, FundingSourceKind(r.kind).label) for r in list_sources(ctx)]


def validate_source(data: SourceInput) -> SourceInput:
    errors: dict[str, str] = {}
    name = clean_text(data.name)
    if not name:
        errors["name"] = "A funding source needs a name."
    if data.kind not in {k.value for k in FundingSourceKind}:
        errors["kind"] = f"“{data.kind}” is not a kind of funding source."
    website = data.website
    try:
        website = normalise_website(data.website)
    except InvalidValue as exc:
        errors["website"] = str(exc)
    if data.available is not None and data.available.amount < 0:
        errors["available"] = "An amount cannot be negative."
    if errors:
        raise ValidationError(errors)
    return replace(data, name=name, website=website, notes=data.notes.strip())


def _apply(source: FundingSource, data: SourceInput) -> None:
    for key in _FIELDS:
        setattr(source, key, getattr(data, key))
    source.sort_name = sort_key(data.name)
    source.available_minor = data.available.minor if data.available else None
    source.available_currency = data.available.currency if data.available else "DKK"


def _row(source: FundingSource) -> SourceRow:
    return SourceRow(source.id, _input(source), source.deleted_at is not None)


def add_source(session, data: SourceInput) -> FundingSource:
    """Add a validated source inside the caller's transaction (demo, create)."""
    source = FundingSource(id=uuid.uuid4(), name=data.name)
    _apply(source, data)
    session.add(source)
    return source


def create_source(ctx: ServiceContext, data: SourceInput) -> tuple[SourceRow, Changes]:
    """Add a funding source."""
    data = validate_source(data)
    with ctx.uow() as uow:
        source = add_source(uow.session, data)
        changes = uow.commit()
        return _row(source), changes


def update_source(ctx: ServiceContext, source_id: uuid.UUID, data: SourceInput) -> tuple[SourceRow, Changes]:
    """Save a funding source; refuses to overwrite someone else's newer save."""
    data = validate_source(data)
    with ctx.uow() as uow:
        source = load(uow.session, FundingSource, source_id, MISSING)
        if source.version != data.version:
            raise ConflictError(f"Funding source “{source.name}”",
                                differences(_input(source), data, (*_FIELDS, "available")),
                                source.updated_by)
        _apply(source, data)
        changes = uow.commit()
        return _row(source), changes


def delete_source(ctx: ServiceContext, source_id: uuid.UUID) -> Changes:
    """Move a source to the bin; its calls and budget lines keep naming it until restored."""
    return set_deleted(ctx, FundingSource, source_id, ctx.now(), f"{MISSING} no longer exists.")


def restore_source(ctx: ServiceContext, source_id: uuid.UUID) -> Changes:
    return set_deleted(ctx, FundingSource, source_id, None, f"{MISSING} no longer exists.")
