"""Session hooks that stamp who changed a row and write the audit trail for every flush."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from functools import cache

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from .base import Record
from .models.core import AuditEntry
from .types import utcnow

_SKIPPED = {"id", "updated_at", "updated_by", "version", "created_at", "search_text", "sort_name"}


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    return value


def _column_changes(obj: Record) -> dict[str, list]:
    state = inspect(obj)
    changes: dict[str, list] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED:
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if old != new:
                changes[attr.key] = [_plain(old), _plain(new)]
    return changes


@cache
def _column_keys(cls: type) -> tuple[str, ...]:
    return tuple(a.key for a in inspect(cls).column_attrs)


def _inserted(pairs) -> dict[str, list]:
    """What an insert's audit entry records: every filled value but the bookkeeping ones."""
    return {key: [None, _plain(value)] for key, value in pairs
            if key not in _SKIPPED and value is not None and value != ""}


def _snapshot(obj: Record) -> dict[str, list]:
    # A new object's values are plain attributes in its __dict__ (not yet expired), which is
    # much faster to read than going through the instrumented descriptors (imports add 10,000s).
    values = obj.__dict__
    return _inserted((key, values.get(key)) for key in _column_keys(type(obj)))


def insert_entry(table: str, entity_id: uuid.UUID, values: dict, actor: str, at: datetime) -> dict:
    """The audit row of a row inserted without the ORM (bulk writes), as the flush hook
    would have written it."""
    return {"id": uuid.uuid4(), "at": at, "actor": actor, "action": "insert", "entity": table,
            "entity_id": entity_id, "changes": _inserted(values.items())}


def note_touched(session: Session, table: str, ids) -> None:
    """Tell the unit of work that rows written without the ORM changed (for its Changes)."""
    session.info.setdefault("touched_kinds", set()).add(table)
    session.info.setdefault("touched_ids", set()).update(ids)


def _record_flush(session: Session, _flush_context, _instances) -> None:
    actor = session.info.get("actor", "")
    touched: set[str] = session.info.setdefault("touched_kinds", set())
    touched_ids: set[uuid.UUID] = session.info.setdefault("touched_ids", set())
    entries = []
    for obj in session.new:
        if isinstance(obj, Record):
            obj.updated_by = actor
            if obj.id is None:
                obj.id = uuid.uuid4()
            entries.append(AuditEntry(actor=actor, action="insert", entity=obj.__tablename__,
                                      entity_id=obj.id, changes=_snapshot(obj)))
    for obj in session.dirty:
        if not isinstance(obj, Record) or not session.is_modified(obj, include_collections=True):
            continue
        changes = _column_changes(obj)
        if "deleted_at" in changes:
            action = "delete" if obj.deleted_at is not None else "restore"
        else:
            action = "update"
        obj.updated_by = actor
        obj.updated_at = utcnow()
        if changes or action != "update":
            entries.append(AuditEntry(actor=actor, action=action, entity=obj.__tablename__,
                                      entity_id=obj.id, changes=changes))
        else:
            touched.add(obj.__tablename__)
            touched_ids.add(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Record):
            entries.append(AuditEntry(actor=actor, action="purge", entity=obj.__tablename__,
                                      entity_id=obj.id, changes={}))
    for entry in entries:
        touched.add(entry.entity)
        touched_ids.add(entry.entity_id)
        session.add(entry)


def install_audit(session_factory) -> None:
    event.listen(session_factory, "before_flush", _record_flush)
