"""Visit and phone campaigns: the member list to work through, who calls whom, outcomes."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Record


class Campaign(Record):
    __tablename__ = "campaigns"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="phone")  # phone / visit
    questionnaire_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("questionnaires.id"), index=True)
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")

    targets: Mapped[list[CampaignTarget]] = relationship(
        back_populates="campaign", lazy="raise_on_sql", cascade="all, delete-orphan")


class CampaignTarget(Record):
    """A member on a campaign's list: who is to call, and how far it got."""

    __tablename__ = "campaign_targets"
    __table_args__ = (
        Index("uq_campaign_targets_campaign_member", "campaign_id", "member_id", unique=True),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    assigned_to: Mapped[str] = mapped_column(String(120), default="", index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")
    call_back_on: Mapped[date | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_attempt_on: Mapped[date | None]
    last_attempt_by: Mapped[str] = mapped_column(String(120), default="")
    answer_set_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("answer_sets.id", ondelete="SET NULL"))
    # Answers typed but not yet saved with an outcome: kept when the caller pauses, and
    # when a call ends without answers being final (no answer, call back, declined).
    draft: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    draft_by: Mapped[str] = mapped_column(String(120), default="")
    draft_at: Mapped[datetime | None]

    campaign: Mapped[Campaign] = relationship(back_populates="targets")
    answer_set = relationship("AnswerSet", lazy="raise_on_sql")
