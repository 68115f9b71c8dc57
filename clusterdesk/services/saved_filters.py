"""Named filters of a list, kept in the workspace so that everyone working in it shares them
("Phone campaign 2027: latent need, SMEs"). Saving under an existing name replaces it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select

from ..domain.changes import Changes
from ..store.models import SavedFilter
from .context import ServiceContext
from .errors import ValidationError
from .records import load


@dataclass(frozen=True)
class SavedFilterInfo:
    id: uuid.UUID
    list_name: str
    name: str
    criteria: dict
    updated_by: str


def _info(row: SavedFilter) -> SavedFilterInfo:
    return SavedFilterInfo(row.id, row.list_name, row.name, dict(row.criteria or {}), row.updated_by)


def list_saved_filters(ctx: ServiceContext, list_name: str) -> list[SavedFilterInfo]:
    """The saved filters of one list, by name."""
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(SavedFilter).where(
            SavedFilter.list_name == list_name, SavedFilter.deleted_at.is_(None)))
        return sorted((_info(r) for r in rows), key=lambda f: f.name.casefold())


def save_filter(ctx: ServiceContext, list_name: str, name: str,
                criteria: dict) -> tuple[SavedFilterInfo, Changes]:
    """Save the criteria under a name (replacing a saved filter of the same name)."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Give the filter a name."})
    if len(name) > 80:
        raise ValidationError({"name": "Keep the name under 80 characters."})
    if not criteria:
        raise ValidationError({"criteria": "There is nothing to save: set a filter first."})
    with ctx.uow() as uow:
        session = uow.session
        row = session.scalars(select(SavedFilter).where(
            SavedFilter.list_name == list_name, func.lower(SavedFilter.name) == name.lower(),
            SavedFilter.deleted_at.is_(None))).first()
        if row is None:
            row = SavedFilter(id=uuid.uuid4(), list_name=list_name, name=name)
            session.add(row)
        row.name = name
        row.criteria = dict(criteria)
        changes = uow.commit()
        return _info(row), changes


def delete_saved_filter(ctx: ServiceContext, filter_id: uuid.UUID) -> Changes:
    """Remove a saved filter (a tombstone, like every delete)."""
    with ctx.uow() as uow:
        row = load(uow.session, SavedFilter, filter_id, "That saved filter", live=True)
        row.deleted_at = ctx.now()
        return uow.commit()
