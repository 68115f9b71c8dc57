"""Phase 2: funding sources and calls (with their deadlines and documents to prepare),
budgets with cost and funding lines, stakeholders and their people, SWOT analyses, and the
secretariat's staff with their languages (handbook §2.1–§2.3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Record
from .missions import Activity


class FundingSource(Record):
    """Basic funding, a regional fund, an EU programme, participant fees… (§2.2)."""

    __tablename__ = "funding_sources"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="other")
    website: Mapped[str] = mapped_column(String(300), default="")
    # What the source holds for international work in a year, when it is known.
    available_minor: Mapped[int | None]
    available_currency: Mapped[str] = mapped_column(String(3), default="DKK")
    notes: Mapped[str] = mapped_column(Text, default="")


class FundingCall(Record):
    """A call for proposals the secretariat watches, prepares, submits — and its outcome."""

    __tablename__ = "funding_calls"

    source_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("funding_sources.id", ondelete="SET NULL"), index=True)
    call_code: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(300))
    sort_title: Mapped[str] = mapped_column(String(300))
    search_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="watching", index=True)
    preparing_on: Mapped[date | None]
    submitted_on: Mapped[date | None]
    decided_on: Mapped[date | None]
    financing_rate_bp: Mapped[int | None]  # hundredths of a percent: 7000 = 70 %
    success_rate_bp: Mapped[int | None]
    grant_minor: Mapped[int | None]  # the typical grant size
    grant_currency: Mapped[str] = mapped_column(String(3), default="EUR")
    granted_minor: Mapped[int | None]  # what was granted, in the grant currency
    fit_rating: Mapped[int | None]  # 1–5: how well it serves the international strategy
    fit_note: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(120), default="")
    link: Mapped[str] = mapped_column(String(500), default="")
    warn_days: Mapped[int] = mapped_column(default=42)
    notes: Mapped[str] = mapped_column(Text, default="")

    source: Mapped[FundingSource | None] = relationship(lazy="selectin")
    deadlines: Mapped[list[CallDeadline]] = relationship(
        back_populates="call", lazy="selectin", order_by="CallDeadline.due_on")
    documents: Mapped[list[CallDocument]] = relationship(
        back_populates="call", lazy="selectin", order_by="CallDocument.position")


class CallDeadline(Record):
    """One dated stage of a call (a pre-proposal, the full proposal…); ticked when met."""

    __tablename__ = "call_deadlines"
    __table_args__ = (Index("ix_call_deadlines_due", "due_on", "done_at"),)

    call_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("funding_calls.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date]
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(120), default="")

    call: Mapped[FundingCall] = relationship(back_populates="deadlines", lazy="raise_on_sql")


class CallDocument(Record):
    """A document to have ready for the application (appendix 3), ticked with who and when."""

    __tablename__ = "call_documents"

    call_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("funding_calls.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(String(300))
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(120), default="")

    call: Mapped[FundingCall] = relationship(back_populates="documents", lazy="raise_on_sql")


class Budget(Record):
    """The money side of an activity or a project: one currency, cost lines, funding lines
    and the co-funding model that sets the participants' price (§2.2.3)."""

    __tablename__ = "budgets"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    activity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL"), index=True)
    currency: Mapped[str] = mapped_column(String(3), default="DKK")
    participants: Mapped[int | None]  # expected number of paying participants
    co_funding_model: Mapped[str] = mapped_column(String(30), default="own_costs")
    notes: Mapped[str] = mapped_column(Text, default="")

    activity: Mapped[Activity | None] = relationship(lazy="selectin")
    costs: Mapped[list[BudgetCost]] = relationship(
        back_populates="budget", lazy="selectin", order_by="BudgetCost.position")
    funding: Mapped[list[BudgetFunding]] = relationship(
        back_populates="budget", lazy="selectin", order_by="BudgetFunding.position")


class BudgetCost(Record):
    __tablename__ = "budget_costs"

    budget_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("budgets.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    category: Mapped[str] = mapped_column(String(30), default="other")
    description: Mapped[str] = mapped_column(String(300), default="")
    amount_minor: Mapped[int]
    amount_currency: Mapped[str] = mapped_column(String(3))
    per_participant: Mapped[bool] = mapped_column(default=False)

    budget: Mapped[Budget] = relationship(back_populates="costs", lazy="raise_on_sql")


class BudgetFunding(Record):
    __tablename__ = "budget_funding"

    budget_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("budgets.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    source_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("funding_sources.id", ondelete="SET NULL"), index=True)
    description: Mapped[str] = mapped_column(String(300), default="")
    amount_minor: Mapped[int]
    amount_currency: Mapped[str] = mapped_column(String(3))
    secured: Mapped[bool] = mapped_column(default=False)

    budget: Mapped[Budget] = relationship(back_populates="funding", lazy="raise_on_sql")
    source: Mapped[FundingSource | None] = relationship(lazy="selectin")


class Stakeholder(Record):
    """A player around the cluster's international work (§2.3): where it stands on the
    power–interest grid, how the relationship is, and the targets agreed with it."""

    __tablename__ = "stakeholders"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30), default="other")
    country: Mapped[str | None] = mapped_column(String(2))
    website: Mapped[str] = mapped_column(String(300), default="")
    influence: Mapped[int] = mapped_column(default=3)
    interest: Mapped[int] = mapped_column(default=3)
    relation: Mapped[str] = mapped_column(String(20), default="none")
    offers: Mapped[str] = mapped_column(Text, default="")  # what it offers our target groups
    targets: Mapped[str] = mapped_column(Text, default="")  # targets agreed with it
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[StakeholderContact]] = relationship(
        back_populates="stakeholder", lazy="selectin", order_by="StakeholderContact.position")


class StakeholderContact(Record):
    __tablename__ = "stakeholder_contacts"

    stakeholder_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")  # as typed
    phone_e164: Mapped[str] = mapped_column(String(20), default="")

    stakeholder: Mapped[Stakeholder] = relationship(back_populates="contacts", lazy="raise_on_sql")


class SwotAnalysis(Record):
    __tablename__ = "swot_analyses"

    title: Mapped[str] = mapped_column(String(300))
    sort_title: Mapped[str] = mapped_column(String(300), index=True)
    made_on: Mapped[date]
    made_by: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    items: Mapped[list[SwotItem]] = relationship(
        back_populates="analysis", lazy="selectin", order_by="SwotItem.position")


class SwotItem(Record):
    __tablename__ = "swot_items"

    analysis_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("swot_analyses.id", ondelete="CASCADE"), index=True)
    quadrant: Mapped[str] = mapped_column(String(15))
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)

    analysis: Mapped[SwotAnalysis] = relationship(back_populates="items", lazy="raise_on_sql")


class StaffMember(Record):
    """A person in the secretariat and what they bring to international work (§2.1)."""

    __tablename__ = "staff_members"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    initials: Mapped[str] = mapped_column(String(10), default="")
    role: Mapped[str] = mapped_column(String(120), default="")
    international_share: Mapped[int] = mapped_column(default=0)  # percent of the working time
    experience_years: Mapped[int | None]
    experience: Mapped[str] = mapped_column(Text, default="")
    education_abroad: Mapped[str] = mapped_column(Text, default="")
    background: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    languages: Mapped[list[StaffLanguage]] = relationship(
        back_populates="staff", lazy="selectin", order_by="StaffLanguage.position")


class StaffLanguage(Record):
    __tablename__ = "staff_languages"

    staff_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    language: Mapped[str] = mapped_column(String(3))  # ISO 639-1
    level: Mapped[str] = mapped_column(String(10), default="working")

    staff: Mapped[StaffMember] = relationship(back_populates="languages", lazy="raise_on_sql")
