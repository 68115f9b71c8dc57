"""Workspace identity and the audit trail."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base
from ..types import utcnow

WORKSPACE_TABLE = "clusterdesk_workspace"


class WorkspaceInfo(Base):
    """The one row that marks a database as a ClusterDesk workspace."""

    __tablename__ = WORKSPACE_TABLE

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_with: Mapped[str] = mapped_column(String(40), default="")
    # Moved forward by every committed change; the backup-on-open compares against it.
    last_change_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who changed what and when. Append-only; personal fields are scrubbed on erasure."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(20))  # insert / update / delete / restore
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[uuid.UUID]
    changes: Mapped[dict] = mapped_column(JSON, default=dict)
