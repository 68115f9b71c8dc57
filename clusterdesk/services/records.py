"""Small helpers every service uses to load the row a user action is about."""

from __future__ import annotations

import uuid
from typing import TypeVar

from .errors import NotFound

Row = TypeVar("Row")


def load(session, model: type[Row], record_id: uuid.UUID, what: str, *, live: bool = False) -> Row:
    """The row with that id, or NotFound saying '`what` no longer exists.'; `live=True`
    also refuses a row in the bin."""
    row = session.get(model, record_id)
    if row is None or (live and row.deleted_at is not None):
        raise NotFound(f"{what} no longer exists.")
    return row
