"""The declarative base every table shares: UUID keys, UTC timestamps, who changed it,
an optimistic version and a soft-delete tombstone (DESIGN §4.9)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, MetaData, String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from .types import UTCDateTime, utcnow

# Named constraints are what lets Alembic's batch mode rebuild SQLite tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UTCDateTime(),
        date: Date(),
        uuid.UUID: Uuid(),
        str: String(),
    }


class Record(Base):
    """A row that can be merged across workspaces: never reuses keys, never vanishes
    silently, and refuses a stale overwrite."""

    __abstract__ = True

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4, sort_order=-100)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, sort_order=100)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, sort_order=101)
    updated_by: Mapped[str] = mapped_column(String(120), default="", sort_order=102)
    version: Mapped[int] = mapped_column(default=1, sort_order=103)
    deleted_at: Mapped[datetime | None] = mapped_column(default=None, sort_order=104)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.version}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
