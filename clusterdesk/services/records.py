"""Small steps every record kind shares: loading the row an action is about, and the bin
(a tombstone) and back."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypeVar

from ..domain.changes import Changes
from .context import ServiceContext
from .errors import NotFound

Row = TypeVar("Row")


def load(session, model: type[Row], record_id: uuid.UUID, what: str, *, live: bool = False) -> Row:
    """The row with that id, or NotFound saying '`what` no longer exists.'; `live=True`
    also refuses a row in the bin."""
    row = session.get(model, record_id)
    if row is None or (live and row.deleted_at is not None):
        raise NotFound(f"{what} no longer exists.")
    return row


def touch(record, now: datetime) -> None:
    """Mark a record as changed even when only its child rows changed (its lines, points,
    people), so that its version moves on and a stale save of the whole is refused."""
    from sqlalchemy.orm.attributes import flag_modified

    record.updated_at = now
    flag_modified(record, "updated_at")


def set_deleted(ctx: ServiceContext, model, record_id: uuid.UUID, when: datetime | None,
                missing: str) -> Changes:
    """Move a record to the bin (`when` = now) or bring it back (`when` = None); one
    transaction. `missing` is the message when the record does not exist at all."""
    with ctx.uow() as uow:
        record = uow.session.get(model, record_id)
        if record is None:
            raise NotFound(missing)
        record.deleted_at = when
        return uow.commit()


def sync_rows(session, existing: list, inputs, build, update, now: datetime) -> list:
    """Match typed rows to stored ones by id: update those kept, add the new ones, move the
    ones left out to the bin. Returns the rows in the typed order."""
    by_id = {row.id: row for row in existing}
    kept = []
    for position, data in enumerate(inputs):
        row = by_id.pop(data.id, None) if data.id is not None else None
        if row is None:
            row = build(data)
            session.add(row)
        row.deleted_at = None
        row.position = position
        update(row, data)
        kept.append(row)
    for row in by_id.values():
        if row.deleted_at is None:
            row.deleted_at = now
    return kept
