"""Phase 4 evaluations: each activity's evaluation plan, the outcomes participants report,
baseline indicator sets with their measurement rounds, and success stories."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Record
from ..types import DecimalText


class ActivityEvaluation(Record):
    """How an activity is evaluated: the questionnaire right after it, the long-term follow-up
    some months later (§4.5.4), and whether each has been closed."""

    __tablename__ = "activity_evaluations"

    activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), unique=True)
    questionnaire_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("questionnaires.id"))
    follow_up_questionnaire_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("questionnaires.id"))
    follow_up_months: Mapped[int] = mapped_column(default=6)
    evaluation_done_at: Mapped[datetime | None]
    evaluation_done_by: Mapped[str] = mapped_column(String(120), default="")
    follow_up_done_at: Mapped[datetime | None]
    follow_up_done_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Outcome(Record):
    """Something a participant got out of an activity: new contacts, a partner, a market,
    research cooperation, a contract or an order with its value (§4.5.3)."""

    __tablename__ = "outcomes"
    __table_args__ = (Index("ix_outcomes_activity", "activity_id", "deleted_at"),)

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(30))
    count: Mapped[int] = mapped_column(default=1)
    partner: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    value_minor: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3), default="DKK")
    occurred_on: Mapped[date | None] = mapped_column(index=True)
    note: Mapped[str] = mapped_column(Text, default="")


class IndicatorSet(Record):
    """Indicators measured in the same way in every round (§4.5.1), e.g. international gearing."""

    __tablename__ = "indicator_sets"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")

    indicators: Mapped[list[Indicator]] = relationship(
        back_populates="indicator_set", lazy="selectin", order_by="Indicator.position")


class Indicator(Record):
    __tablename__ = "indicators"

    set_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("indicator_sets.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")  # what each step of the scale means
    scale_min: Mapped[int] = mapped_column(default=1)
    scale_max: Mapped[int] = mapped_column(default=5)
    unit: Mapped[str] = mapped_column(String(40), default="")

    indicator_set: Mapped[IndicatorSet] = relationship(back_populates="indicators",
                                                       lazy="raise_on_sql")


class MeasurementRound(Record):
    """One dated measurement of an indicator set: the baseline, a mid-term, the final one."""

    __tablename__ = "measurement_rounds"

    set_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("indicator_sets.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="baseline")
    measured_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")


class Measurement(Record):
    """One member's value of one indicator in one round."""

    __tablename__ = "measurements"
    __table_args__ = (Index("uq_measurements_round_indicator_member", "round_id", "indicator_id",
                            "member_id", unique=True),)

    round_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("measurement_rounds.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    value: Mapped[Decimal | None] = mapped_column(DecimalText())
    note: Mapped[str] = mapped_column(Text, default="")


class SuccessStory(Record):
    """A member's international success told in a few lines, from idea to published (§4.6)."""

    __tablename__ = "success_stories"

    title: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    member_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL"), index=True)
    activity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"), index=True)
    partner: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    value_minor: Mapped[int | None]
    currency: Mapped[str] = mapped_column(String(3), default="DKK")
    status: Mapped[str] = mapped_column(String(20), default="idea")
    happened_on: Mapped[date | None]
    published_on: Mapped[date | None]
    published_where: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    quote_by: Mapped[str] = mapped_column(String(200), default="")
