"""Every row that points at a record, found from the foreign keys in the metadata, so that a
merge moves all of them: the tables known today and those added later (survey answers,
activity participants, …) without this module knowing them.

`merge_references` re-points the rows of the merged-away record to the kept one. Where that
would break a unique key (both members already linked to the same tag or the same activity),
the two linked rows are themselves merged the same way, and the merged-away one is dropped.
Every step is logged as plain JSON, so that `undo_references` can take it back exactly.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Column,
    Table,
    UniqueConstraint,
    Uuid,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from .base import Base
from .models.core import AuditEntry

MAX_DEPTH = 4


def _tables() -> list[Table]:
    from . import models  # noqa: F401 - registers every table on the metadata

    return list(Base.metadata.sorted_tables)


def referencing_columns(table_name: str) -> list[tuple[Table, Column]]:
    """(table, column) for every foreign key to `table_name`.id, in any table."""
    found = []
    for table in _tables():
        for column in table.columns:
            for fk in column.foreign_keys:
                if fk.column.table.name == table_name and fk.column.name == "id":
                    found.append((table, column))
    return found


def count_references(session_or_conn, table_name: str, record_id: uuid.UUID) -> dict[str, int]:
    """How many rows of each table point at a record (live and deleted alike)."""
    counts: dict[str, int] = {}
    for table, column in referencing_columns(table_name):
        n = session_or_conn.execute(
            select(func.count()).select_from(table).where(column == record_id)).scalar_one()
        if n:
            counts[table.name] = counts.get(table.name, 0) + n
    return counts


def _unique_sets(table: Table, column: Column) -> list[list[Column]]:
    """The unique keys of `table` that include `column` (what re-pointing can collide on)."""
    sets: list[list[Column]] = []
    candidates = [list(table.primary_key.columns)]
    candidates += [list(c.columns) for c in table.constraints if isinstance(c, UniqueConstraint)]
    candidates += [[c for c in index.columns if isinstance(c, Column)]
                   for index in table.indexes if index.unique]
    for columns in candidates:
        if column.name in {c.name for c in columns}:
            sets.append(columns)
    return sets


def to_json(value):
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def from_json(column: Column, value):
    if value is None:
        return None
    column_type = column.type
    while isinstance(column_type, TypeDecorator):  # UTCDateTime and the like: their base type
        column_type = column_type.impl_instance
    try:
        kind = column_type.python_type
    except NotImplementedError:
        return value
    if kind is uuid.UUID:
        return uuid.UUID(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is Decimal:
        return Decimal(value)
    return value


def _key_of(table: Table, row) -> dict:
    return {c.name: to_json(row._mapping[c.name]) for c in table.primary_key.columns}


def _where_key(table: Table, key: dict):
    return and_(*(table.c[name] == from_json(table.c[name], value) for name, value in key.items()))


class ReferenceMerger:
    """Moves references inside the caller's transaction and logs each step."""

    def __init__(self, session: Session, actor: str, now: datetime) -> None:
        self.session = session
        self.actor = actor
        self.now = now
        self.ops: list[dict] = []
        self.touched: set[str] = set()

    def _stamp(self, table: Table) -> dict:
        """Bookkeeping columns a re-pointed row gets, so an editor holding it sees the change."""
        values = {}
        if "version" in table.c:
            values["version"] = table.c.version + 1
        if "updated_at" in table.c:
            values["updated_at"] = self.now
        if "updated_by" in table.c:
            values["updated_by"] = self.actor
        return values

    def _audit(self, table: Table, key: dict, action: str, changes: dict) -> None:
        # The audit trail names rows by a UUID; a table keyed otherwise has no entry.
        if set(key) == {"id"} and isinstance(table.c.id.type, Uuid):
            self.session.add(AuditEntry(at=self.now, actor=self.actor, action=action,
                                        entity=table.name, entity_id=uuid.UUID(key["id"]),
                                        changes=changes))

    def merge(self, table_name: str, keep_id: uuid.UUID, other_id: uuid.UUID, depth: int = 0) -> None:
        """Point every reference to `other_id` at `keep_id`."""
        if depth > MAX_DEPTH:
            raise RuntimeError(f"references to {table_name} are nested too deeply to merge")
        session = self.session
        for table, column in referencing_columns(table_name):
            rows = session.execute(select(table).where(column == other_id)).all()
            if not rows:
                continue
            colliding = self._collisions(table, column, keep_id, rows)
            moved = []
            for row in rows:
                key = _key_of(table, row)
                twin = colliding.get(tuple(sorted(key.items())))
                if twin is not None:
                    self._drop_twin(table, row, twin, depth)
                else:
                    moved.append(key)
            logged = []
            for key in moved:
                session.execute(update(table).where(_where_key(table, key))
                                .values({column.name: keep_id, **self._stamp(table)}))
                self._audit(table, key, "update", {column.name: [str(other_id), str(keep_id)]})
                # The key as it is now (a link table's key includes the moved column).
                logged.append({**key, column.name: str(keep_id)} if column.name in key else key)
            if logged:
                self.ops.append({"op": "repoint", "table": table.name, "column": column.name,
                                 "from": str(other_id), "to": str(keep_id), "rows": logged})
                self.touched.add(table.name)

    def _collisions(self, table: Table, column: Column, keep_id, rows) -> dict[tuple, object]:
        """Rows of the merged-away record whose unique key the kept record already holds,
        mapped to the kept record's row they collide with."""
        found: dict[tuple, object] = {}
        for columns in _unique_sets(table, column):
            others = [c for c in columns if c.name != column.name]
            kept = {tuple(r._mapping[c.name] for c in others): r for r in
                    self.session.execute(select(table).where(column == keep_id)).all()}
            for row in rows:
                twin = kept.get(tuple(row._mapping[c.name] for c in others))
                if twin is not None:
                    found[tuple(sorted(_key_of(table, row).items()))] = twin
        return found

    def _drop_twin(self, table: Table, row, twin, depth: int) -> None:
        """Both records were linked the same way: merge the two link rows, drop the other."""
        if set(c.name for c in table.primary_key.columns) == {"id"}:
            self.merge(table.name, twin._mapping["id"], row._mapping["id"], depth + 1)
        key = _key_of(table, row)
        self.session.execute(delete(table).where(_where_key(table, key)))
        self.ops.append({"op": "drop", "table": table.name,
                         "row": {c.name: to_json(row._mapping[c.name]) for c in table.columns}})
        self._audit(table, key, "purge", {})
        self.touched.add(table.name)

    def drop_rows(self, table: Table, where) -> int:
        """Drop rows the merge made redundant (e.g. the same market twice), logged for undo."""
        rows = self.session.execute(select(table).where(where)).all()
        for row in rows:
            self.session.execute(delete(table).where(_where_key(table, _key_of(table, row))))
            self.ops.append({"op": "drop", "table": table.name,
                             "row": {c.name: to_json(row._mapping[c.name]) for c in table.columns}})
            self.touched.add(table.name)
        return len(rows)


def undo_references(session: Session, ops: list[dict], actor: str, now: datetime) -> tuple[set[str], int]:
    """Take logged steps back, newest first. Returns (tables touched, steps that could not be
    taken back because the rows changed since — moved again, or deleted)."""
    tables = {t.name: t for t in _tables()}
    touched: set[str] = set()
    missed = 0
    for op in reversed(ops):
        table = tables.get(op["table"])
        if table is None:
            missed += len(op.get("rows", [op]))
            continue
        if op["op"] == "drop":
            values = {name: from_json(table.c[name], v) for name, v in op["row"].items() if name in table.c}
            key = {c.name: op["row"][c.name] for c in table.primary_key.columns}
            exists = session.execute(select(func.count()).select_from(table)
                                     .where(_where_key(table, key))).scalar_one()
            if exists:
                missed += 1
                continue
            savepoint = session.begin_nested()
            try:
                session.execute(insert(table).values(values))
                savepoint.commit()
            except Exception:  # noqa: BLE001 - a unique key taken since: count it, go on
                savepoint.rollback()
                missed += 1
                continue
        else:
            column = table.c[op["column"]]
            source, target = uuid.UUID(op["to"]), uuid.UUID(op["from"])
            stamp = {}
            if "version" in table.c:
                stamp["version"] = table.c.version + 1
            if "updated_at" in table.c:
                stamp.update(updated_at=now)
            if "updated_by" in table.c:
                stamp.update(updated_by=actor)
            for key in op["rows"]:
                result = session.execute(update(table).where(_where_key(table, key), column == source)
                                         .values({column.name: target, **stamp}))
                if result.rowcount != 1:
                    missed += 1
        touched.add(table.name)
    return touched, missed
