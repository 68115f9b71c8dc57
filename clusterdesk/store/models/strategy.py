"""Phase 3: versions of the international strategy, its KPIs and their measurements, action
plans with targets, sub-activities and participants, and the annual strategy wheel."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Record
from ..types import DecimalText
from .members import Member


class StrategyVersion(Record):
    """One version of the international strategy: a draft, the approved one, or an archived
    earlier one. The sections are plain structured text (§3.5)."""

    __tablename__ = "strategy_versions"

    title: Mapped[str] = mapped_column(String(200))
    sort_title: Mapped[str] = mapped_column(String(200))
    search_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    period_from: Mapped[date | None]
    period_to: Mapped[date | None]
    approved_on: Mapped[date | None]
    approved_by: Mapped[str] = mapped_column(String(200), default="")  # e.g. "Board meeting"
    mission_vision: Mapped[str] = mapped_column(Text, default="")
    target_groups: Mapped[str] = mapped_column(Text, default="")
    countries: Mapped[list] = mapped_column(JSON, default=list)  # ISO codes, in the order chosen
    markets: Mapped[str] = mapped_column(Text, default="")
    sectors: Mapped[str] = mapped_column(Text, default="")
    focus_areas: Mapped[str] = mapped_column(Text, default="")
    overall_link: Mapped[str] = mapped_column(Text, default="")
    process: Mapped[str] = mapped_column(Text, default="")  # how it was made, who took part
    copied_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("strategy_versions.id", ondelete="SET NULL"))


class Kpi(Record):
    """A key performance indicator of a strategy version (§3.3)."""

    __tablename__ = "kpis"

    strategy_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("strategy_versions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(40), default="")
    baseline: Mapped[Decimal] = mapped_column(DecimalText())
    target: Mapped[Decimal] = mapped_column(DecimalText())
    period_from: Mapped[date]
    period_to: Mapped[date]
    cadence: Mapped[str] = mapped_column(String(20), default="quarterly")
    next_review_on: Mapped[date | None] = mapped_column(index=True)
    last_reviewed_at: Mapped[datetime | None]
    last_reviewed_by: Mapped[str] = mapped_column(String(120), default="")
    measure: Mapped[str] = mapped_column(String(60), default="")  # "" = typed in by hand
    owner: Mapped[str] = mapped_column(String(120), default="")

    strategy: Mapped[StrategyVersion] = relationship(lazy="raise_on_sql")
    measurements: Mapped[list[KpiMeasurement]] = relationship(
        back_populates="kpi", lazy="raise_on_sql", order_by="KpiMeasurement.measured_on")


class KpiMeasurement(Record):
    __tablename__ = "kpi_measurements"
    __table_args__ = (Index("ix_kpi_measurements_kpi", "kpi_id", "measured_on"),)

    kpi_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("kpis.id", ondelete="CASCADE"))
    measured_on: Mapped[date]
    value: Mapped[Decimal] = mapped_column(DecimalText())
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(120), default="")
    from_measure: Mapped[str] = mapped_column(String(60), default="")  # the measure it came from

    kpi: Mapped[Kpi] = relationship(back_populates="measurements", lazy="raise_on_sql")


class ActionPlan(Record):
    """How to reach the targets (§3.6): purpose, targets, sub-activities, participants,
    dissemination and budget."""

    __tablename__ = "action_plans"

    strategy_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("strategy_versions.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200))
    search_text: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(120), default="")
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    purpose: Mapped[str] = mapped_column(Text, default="")
    institutions: Mapped[str] = mapped_column(Text, default="")  # research and other bodies
    dissemination: Mapped[str] = mapped_column(Text, default="")
    budget_minor: Mapped[int | None]
    budget_currency: Mapped[str] = mapped_column(String(3), default="DKK")
    budget_note: Mapped[str] = mapped_column(Text, default="")

    targets: Mapped[list[ActionPlanTarget]] = relationship(
        back_populates="plan", lazy="raise_on_sql", order_by="ActionPlanTarget.position")
    sub_activities: Mapped[list[SubActivity]] = relationship(
        back_populates="plan", lazy="raise_on_sql", order_by="SubActivity.position")
    participants: Mapped[list[ActionPlanParticipant]] = relationship(
        back_populates="plan", lazy="raise_on_sql")


class ActionPlanTarget(Record):
    __tablename__ = "action_plan_targets"

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("action_plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    term: Mapped[str] = mapped_column(String(10), default="output")
    description: Mapped[str] = mapped_column(Text)
    target: Mapped[Decimal] = mapped_column(DecimalText())
    achieved: Mapped[Decimal | None] = mapped_column(DecimalText())
    unit: Mapped[str] = mapped_column(String(40), default="")

    plan: Mapped[ActionPlan] = relationship(back_populates="targets", lazy="raise_on_sql")


class SubActivity(Record):
    """A step of an action plan, described so one can tell whether it was carried out."""

    __tablename__ = "sub_activities"
    __table_args__ = (Index("ix_sub_activities_due", "due_on", "done_at"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("action_plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_on: Mapped[date | None]
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[ActionPlan] = relationship(back_populates="sub_activities", lazy="raise_on_sql")


class ActionPlanParticipant(Record):
    """A member expected to take a larger part in the plan's activities."""

    __tablename__ = "action_plan_participants"
    __table_args__ = (Index("ix_action_plan_participants_plan", "plan_id", "member_id"),)

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("action_plans.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[ActionPlan] = relationship(back_populates="participants", lazy="raise_on_sql")
    member: Mapped[Member] = relationship(lazy="raise_on_sql")


class StrategyMilestone(Record):
    """A dated step of the annual strategy wheel (§3.1), ticked with who and when."""

    __tablename__ = "strategy_milestones"
    __table_args__ = (Index("ix_strategy_milestones_due", "due_on", "done_at"),)

    year: Mapped[int] = mapped_column(index=True)
    step: Mapped[str] = mapped_column(String(30))
    due_on: Mapped[date]
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")
