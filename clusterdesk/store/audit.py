"""Session hooks that stamp who changed a row and write the audit trail for every flush."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

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


def _snapshot(obj: Record) -> dict[str, list]:
    state = inspect(obj)
    return {
        attr.key: [None, _plain(getattr(obj, attr.key))]
        for attr in state.mapper.column_attrs
        if attr.key not in _SKIPPED and getattr(obj, attr.key) not in (None, "")
    }


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
