"""Fast bulk inserts for large generated or imported data sets.

The statement is compiled once by SQLAlchemy for the connection's dialect and every value
goes through its column type's own bind processor, so this stays database-neutral while
skipping the per-row bookkeeping of a Core executemany (about three times faster).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, Table, insert

from .audit import insert_entry, note_touched


def bulk_insert(conn: Connection, table: Table, columns: Sequence[str],
                rows: Iterable[Sequence]) -> int:
    """Insert rows given as tuples in `columns` order; returns how many were written."""
    cols = [table.c[name] for name in columns]
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(columns))
    bound = list(compiled.positiontup or compiled.params)
    if set(bound) != set(columns):
        missing = sorted(set(bound) - set(columns))
        raise ValueError(f"bulk_insert into {table.name} needs values for: {', '.join(missing)}")
    processors = [c.type._cached_bind_processor(conn.dialect) for c in cols]
    order = [list(columns).index(key) for key in bound] if compiled.positiontup else None

    def convert(row: Sequence):
        values = [p(v) if p else v for p, v in zip(processors, row, strict=True)]
        if order is not None:
            return tuple(values[i] for i in order)
        return dict(zip(columns, values, strict=True))

    batch = [convert(row) for row in rows]
    if batch:
        conn.exec_driver_sql(compiled.string, batch)
    return len(batch)


class RecordBatch:
    """New records written with one insert per table instead of one ORM object each (an
    import of 10,000 rows), every one with the audit entry the flush hook would have written
    and reported to the unit of work like any other change."""

    def __init__(self, actor: str, at: datetime) -> None:
        self.actor = actor
        self.at = at
        self._rows: dict[Table, list[dict]] = defaultdict(list)
        self._audit: list[dict] = []

    def add(self, model, values: dict) -> uuid.UUID:
        """A new record of `model` (a Record class) with these column values; returns its id."""
        table = model.__table__
        record_id = values.get("id") or uuid.uuid4()
        row = {"id": record_id, "created_at": self.at, "updated_at": self.at,
               "updated_by": self.actor, "version": 1, "deleted_at": None}
        for column in table.columns:
            if column.key in values:
                row[column.key] = values[column.key]
            elif column.key not in row:
                default = column.default
                row[column.key] = default.arg if default is not None and default.is_scalar else None
        self._rows[table].append(row)
        self._audit.append(insert_entry(table.name, record_id, row, self.actor, self.at))
        return record_id

    def link(self, table: Table, values: dict) -> None:
        """A row of an association table (no record of its own, no audit entry)."""
        self._rows[table].append(values)

    def write(self, session) -> None:
        """Insert everything, parents first, inside the session's transaction."""
        from .base import Base
        from .models.core import AuditEntry

        session.flush()  # rows it points at (new tags, say) must exist first
        conn = session.connection()
        for table in Base.metadata.sorted_tables:
            rows = self._rows.pop(table, None)
            if rows:
                columns = list(rows[0])
                bulk_insert(conn, table, columns, ([row[c] for c in columns] for row in rows))
                note_touched(session, table.name, (row["id"] for row in rows if "id" in row))
        if self._audit:
            columns = list(self._audit[0])
            bulk_insert(conn, AuditEntry.__table__, columns,
                        ([row[c] for c in columns] for row in self._audit))
            self._audit = []
