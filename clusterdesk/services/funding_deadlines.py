"""Funding deadlines on Today: each open call's stages that are not yet met, from its warning
window before the date (six weeks unless the call says otherwise) until they are ticked off."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select

from ..domain.changes import Changes
from ..domain.enums import CallStatus
from ..domain.funding import shows_on_today
from ..store.models import CallDeadline, FundingCall, FundingSource
from .context import ServiceContext
from .records import load
from .today import AgendaItem

OPEN_STATUSES = tuple(s.value for s in CallStatus if s.is_open)
LONGEST_WARNING = 366


def deadline_items(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Unmet stages of open calls due by `until`, or within their call's warning window."""
    today = ctx.today()
    query = (select(CallDeadline.id, CallDeadline.due_on, CallDeadline.stage, FundingCall.id,
                    FundingCall.title, FundingCall.status, FundingCall.warn_days,
                    FundingCall.responsible, FundingSource.name)
             .join(FundingCall, FundingCall.id == CallDeadline.call_id)
             .outerjoin(FundingSource, FundingSource.id == FundingCall.source_id)
             .where(CallDeadline.deleted_at.is_(None), CallDeadline.done_at.is_(None),
                    FundingCall.deleted_at.is_(None), FundingCall.status.in_(OPEN_STATUSES),
                    CallDeadline.due_on <= max(until, today + timedelta(days=LONGEST_WARNING)))
             .order_by(CallDeadline.due_on, FundingCall.sort_title))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    items = []
    for deadline_id, due, stage, _call_id, title, status, warn_days, responsible, source in rows:
        if not shows_on_today(due, today, until, warn_days):
            continue
        what = f"Deadline: {title}" + (f" — {stage}" if stage else "")
        detail = " · ".join(p for p in (source, CallStatus(status).label) if p)
        items.append(AgendaItem("funding-deadline", due, what, detail, "call_deadlines", deadline_id,
                                responsible))
    return items


def complete_deadline(ctx: ServiceContext, deadline_id: uuid.UUID) -> Changes:
    """Tick a deadline off as met (who and when recorded)."""
    with ctx.uow() as uow:
        deadline = load(uow.session, CallDeadline, deadline_id, "That deadline", live=True)
        deadline.done_at, deadline.done_by = ctx.now(), ctx.actor
        return uow.commit()
