"""The erasure log (DESIGN §4.11): that personal data was erased, when and by whom, and how
many records were touched — never whose data it was."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base
from ..types import utcnow


class ErasureEntry(Base):
    __tablename__ = "erasure_log"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(120), default="")
    subject_kind: Mapped[str] = mapped_column(String(40))  # "contact"
    reason: Mapped[str] = mapped_column(String(40))  # a fixed choice, never free text
    records_touched: Mapped[int] = mapped_column(default=0)
    audit_entries_scrubbed: Mapped[int] = mapped_column(default=0)
