"""Which campaign answers entered on a member's behalf may belong to: one that asks the
questionnaire, once per member — and answers saved by a campaign call stay with it."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from ..domain.formatting import format_date
from ..store.models import AnswerSet, Campaign, CampaignTarget, Questionnaire


def campaign_problem(session, questionnaire: Questionnaire, campaign_id: uuid.UUID | None,
                     member_id: uuid.UUID | None, answer_set_id: uuid.UUID | None) -> str:
    """Why the answers cannot belong to the chosen campaign ("" when they can): it must ask
    this questionnaire, a member answers a campaign once, and answers saved by a campaign
    call stay with that campaign."""
    if answer_set_id is not None:
        called_in = session.scalar(select(CampaignTarget.campaign_id).where(
            CampaignTarget.answer_set_id == answer_set_id, CampaignTarget.deleted_at.is_(None)))
        if called_in is not None and called_in != campaign_id:
            name = session.get(Campaign, called_in).name
            return f"These answers were given in a call of “{name}” and stay with that campaign."
        kept = session.scalar(select(AnswerSet.campaign_id).where(AnswerSet.id == answer_set_id))
        if kept is not None and kept == campaign_id:
            return ""  # unchanged, even if that campaign went to the bin meanwhile
    if campaign_id is None:
        return ""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.deleted_at is not None:
        return "That campaign no longer exists."
    asked = session.get(Questionnaire, campaign.questionnaire_id) if campaign.questionnaire_id else None
    if asked is None or asked.family_id != questionnaire.family_id:
        return f"“{campaign.name}” asks another questionnaire."
    if member_id is not None:
        earlier = session.execute(
            select(AnswerSet.answered_on).where(
                AnswerSet.campaign_id == campaign.id, AnswerSet.member_id == member_id,
                AnswerSet.deleted_at.is_(None), AnswerSet.id != answer_set_id)
            .limit(1)).scalar()
        if earlier is not None:
            return (f"The member already answered in “{campaign.name}” ({format_date(earlier)}); "
                    "correct those answers instead.")
    return ""
