"""The Today page: everything with a date that needs doing, from every part of the workspace."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from ..domain.changes import Changes
from ..store.models import Contact, Interaction, Member
from .context import ServiceContext
from .errors import NotFound


@dataclass(frozen=True)
class AgendaItem:
    kind: str  # "follow-up", later also "checklist", "deadline", "kpi-review", "evaluation"
    due: date
    title: str
    detail: str
    record_kind: str  # the table of the record a click opens
    record_id: uuid.UUID
    owner: str = ""
    member_id: uuid.UUID | None = None

    def is_overdue(self, today: date) -> bool:
        return self.due < today


def follow_ups(ctx: ServiceContext, *, horizon_days: int = 30) -> list[AgendaItem]:
    """Open follow-ups from interactions, overdue first, up to `horizon_days` ahead."""
    until = ctx.today() + timedelta(days=horizon_days)
    query = (
        select(Interaction.id, Interaction.follow_up_on, Interaction.next_step, Interaction.staff,
               Interaction.kind, Interaction.member_id, Member.name, Contact.name)
        .join(Member, Member.id == Interaction.member_id)
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .where(Interaction.follow_up_on.is_not(None), Interaction.follow_up_on <= until,
               Interaction.follow_up_done_at.is_(None), Interaction.deleted_at.is_(None),
               Member.deleted_at.is_(None))
        .order_by(Interaction.follow_up_on, Member.sort_name)
    )
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [
        AgendaItem("follow-up", due, f"{member}: {step or 'follow up'}",
                   f"Contact: {contact}" if contact else "", "interactions", iid, staff, member_id)
        for iid, due, step, staff, _kind, member_id, member, contact in rows
    ]


def agenda(ctx: ServiceContext, *, horizon_days: int = 30) -> list[AgendaItem]:
    """Every dated item the workspace knows of, soonest first."""
    items = follow_ups(ctx, horizon_days=horizon_days)
    return sorted(items, key=lambda item: (item.due, item.title))


def complete_follow_up(ctx: ServiceContext, interaction_id: uuid.UUID) -> Changes:
    """Mark a follow-up as done, recording who and when."""
    with ctx.uow() as uow:
        interaction = uow.session.get(Interaction, interaction_id)
        if interaction is None or interaction.deleted_at is not None:
            raise NotFound("That follow-up no longer exists.")
        interaction.follow_up_done_at = ctx.now()
        interaction.follow_up_done_by = ctx.actor
        return uow.commit()
