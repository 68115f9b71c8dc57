"""Small steps every record kind shares: the bin (a tombstone) and back."""

from __future__ import annotations

import uuid
from datetime import datetime

from ..domain.changes import Changes
from .context import ServiceContext
from .errors import NotFound


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
