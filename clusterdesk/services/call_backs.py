"""Campaign call-backs on Today. A member who asked to be called back is the campaign's
business: the item on Today comes from the campaign's list (not from the logged call's
follow-up), Enter opens the call screen on that member, and the call-back is done when a
call is recorded there.

Ticking it off on Today (or its follow-up in the member's interactions) means "we called
back and the call went through": it is recorded as a campaign call with the outcome Done and
no answers, exactly as the call screen would — so the campaign's progress, the member's
status on the list, the logged interaction and Today always agree.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from ..domain.campaigns import TargetStatus
from ..domain.changes import Changes
from ..store.models import Campaign, CampaignTarget, Contact, Interaction, Member
from .call_card import load_target
from .context import ServiceContext
from .errors import ServiceError
from .today import AgendaItem

MARKED_ON_TODAY = "Marked done on Today: called back, no answers recorded."


def _open_call_back_interaction(campaign_id, member_id):
    """The logged call that asked for the call-back (its follow-up still open)."""
    return (select(Interaction.id).where(
        Interaction.campaign_id == campaign_id, Interaction.member_id == member_id,
        Interaction.follow_up_on.is_not(None), Interaction.follow_up_done_at.is_(None),
        Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_on.desc(), Interaction.created_at.desc()).limit(1))


def due_call_backs(ctx: ServiceContext, until: date) -> list[AgendaItem]:
    """Members of live campaigns waiting for a call-back by `until` (overdue ones included)."""
    t = CampaignTarget
    asked = (select(Interaction.contact_id)
             .where(Interaction.campaign_id == t.campaign_id, Interaction.member_id == t.member_id,
                    Interaction.follow_up_on.is_not(None), Interaction.deleted_at.is_(None))
             .order_by(Interaction.occurred_on.desc(), Interaction.created_at.desc())
             .limit(1).correlate(t).scalar_subquery())
    due = func.coalesce(t.call_back_on, ctx.today())
    query = (select(t.id, due, t.assigned_to, t.last_attempt_by, t.member_id, t.campaign_id,
                    Member.name, Campaign.name, Contact.name)
             .join(Member, Member.id == t.member_id)
             .join(Campaign, Campaign.id == t.campaign_id)
             .outerjoin(Contact, (Contact.id == asked) & Contact.erased_at.is_(None))
             .where(t.status == TargetStatus.CALL_BACK.value, due <= until,
                    t.deleted_at.is_(None), Member.deleted_at.is_(None),
                    Campaign.deleted_at.is_(None))
             .order_by(due, Member.sort_name))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [AgendaItem("call-back", due_on, f"{member}: Call back ({campaign})",
                       f"Contact: {contact}" if contact else "", "campaign_targets", target_id,
                       assigned or last_by, member_id, campaign_id=campaign_id)
            for target_id, due_on, assigned, last_by, member_id, campaign_id, member, campaign, contact
            in rows]


def pending_call_back(ctx: ServiceContext, interaction_id: uuid.UUID) -> uuid.UUID | None:
    """The campaign target whose call-back this logged call's follow-up is, while it waits."""
    with ctx.workspace.engine.connect() as conn:
        row = conn.execute(select(Interaction.campaign_id, Interaction.member_id)
                           .where(Interaction.id == interaction_id)).one_or_none()
        if row is None or row.campaign_id is None:
            return None
        return conn.execute(select(CampaignTarget.id).where(
            CampaignTarget.campaign_id == row.campaign_id, CampaignTarget.member_id == row.member_id,
            CampaignTarget.status == TargetStatus.CALL_BACK.value,
            CampaignTarget.deleted_at.is_(None))).scalar()


def complete_call_back(ctx: ServiceContext, target_id: uuid.UUID) -> Changes:
    """Tick off a call-back: record the call as done without answers (who and when, the
    logged interaction, the campaign's progress), as the call screen would."""
    from .calls import CallInput, record_call_in

    with ctx.uow() as uow:
        target = load_target(uow.session, target_id)
        member = uow.session.get(Member, target.member_id)
        if target.status != TargetStatus.CALL_BACK.value:
            raise ServiceError(f"{member.name} is no longer waiting for a call-back "
                               f"({TargetStatus(target.status).label.lower()}).")
        if target.draft and target.draft.get("answers"):
            raise ServiceError(f"Answers typed earlier for {member.name} wait on the call screen: "
                               "open the call (Enter) to finish them.")
        asked = uow.session.scalar(_open_call_back_interaction(target.campaign_id, target.member_id))
        contact_id = uow.session.get(Interaction, asked).contact_id if asked else None
        record_call_in(uow.session, ctx, CallInput(target_id, target.version, TargetStatus.DONE.value,
                                                   contact_id=contact_id, notes=MARKED_ON_TODAY))
        return uow.commit()
