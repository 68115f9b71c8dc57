"""Named filters of a list, stored in the workspace so that colleagues share them."""

from __future__ import annotations

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Record


class SavedFilter(Record):
    """A named set of filter criteria for one list (e.g. 'members'); criteria are plain JSON
    ({"status": "active", "tag": "export-ready"}) so that older versions ignore new keys."""

    __tablename__ = "saved_filters"
    __table_args__ = (Index("ix_saved_filters_list", "list_name", "name"),)

    list_name: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(80))
    criteria: Mapped[dict] = mapped_column(JSON, default=dict)
