"""Imports and merges, kept so that each can be undone as a whole: which import created or
filled which rows, saved column mappings, and what a merge moved."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, Record


class ImportMapping(Record):
    """A named column mapping, reused for the next file with the same headers."""

    __tablename__ = "import_mappings"
    __table_args__ = (Index("uq_import_mappings_name", "name", unique=True),)

    name: Mapped[str] = mapped_column(String(120))
    # [{"header": "E-mail", "group": "Kontaktperson", "field": "contact_email"}, …]
    columns: Mapped[list] = mapped_column(JSON, default=list)
    default_country: Mapped[str | None] = mapped_column(String(2))


class ImportBatch(Record):
    """One import of one file: what it did, and whether it was undone."""

    __tablename__ = "import_batches"

    file_name: Mapped[str] = mapped_column(String(260))
    file_digest: Mapped[str] = mapped_column(String(64), default="", index=True)
    sheet: Mapped[str] = mapped_column(String(120), default="")
    mapping_name: Mapped[str] = mapped_column(String(120), default="")
    rows_read: Mapped[int] = mapped_column(default=0)
    rows_skipped: Mapped[int] = mapped_column(default=0)
    members_created: Mapped[int] = mapped_column(default=0)
    members_merged: Mapped[int] = mapped_column(default=0)
    contacts_created: Mapped[int] = mapped_column(default=0)
    contacts_updated: Mapped[int] = mapped_column(default=0)
    backup_file: Mapped[str] = mapped_column(String(500), default="")
    imported_by: Mapped[str] = mapped_column(String(120), default="")
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str] = mapped_column(String(120), default="")

    items: Mapped[list[ImportItem]] = relationship(back_populates="batch", lazy="raise_on_sql")


class ImportItem(Base):
    """A row an import created or filled in. For a filled-in row, `before` holds what the
    import changed, so that undo puts back exactly that."""

    __tablename__ = "import_items"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    batch_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    entity: Mapped[str] = mapped_column(String(40))  # table name: members, contacts
    entity_id: Mapped[uuid.UUID]
    action: Mapped[str] = mapped_column(String(20))  # created / updated
    source_row: Mapped[int | None]
    before: Mapped[dict] = mapped_column(JSON, default=dict)

    batch: Mapped[ImportBatch] = relationship(back_populates="items", lazy="raise_on_sql")


class MergeRecord(Record):
    """Two records merged into one: everything needed to take the merge back."""

    __tablename__ = "merge_records"

    entity: Mapped[str] = mapped_column(String(40))  # members / contacts
    # Plain ids, deliberately not foreign keys: a later merge must not re-point its history.
    kept_id: Mapped[uuid.UUID] = mapped_column(index=True)
    merged_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kept_name: Mapped[str] = mapped_column(String(200), default="")
    merged_name: Mapped[str] = mapped_column(String(200), default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    merged_by: Mapped[str] = mapped_column(String(120), default="")
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str] = mapped_column(String(120), default="")
