"""Phase 5: meta-clusters with their partners and joint agenda, the catalogue of permanent
services and the activities that feed them, partner-search requests from members with the
candidates proposed, and the pipeline of project ideas (handbook §5.1–§5.3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, Record
from .finance import FundingCall
from .members import Member
from .missions import Activity, Partner

partnership_partners = Table(
    "partnership_partners",
    Base.metadata,
    Column("partnership_id", ForeignKey("partnerships.id", ondelete="CASCADE"), primary_key=True),
    Column("partner_id", ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True),
)


class Partnership(Record):
    """A meta-cluster or formal collaboration between clusters (§5.1.1, §5.3)."""

    __tablename__ = "partnerships"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="informal")
    our_role: Mapped[str] = mapped_column(String(20), default="partner")
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]
    website: Mapped[str] = mapped_column(String(300), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    member_benefits: Mapped[str] = mapped_column(Text, default="")  # what our members get from it
    notes: Mapped[str] = mapped_column(Text, default="")

    partners: Mapped[list[Partner]] = relationship(secondary=partnership_partners, lazy="selectin",
                                                   order_by=Partner.sort_name)
    agenda: Mapped[list[PartnershipAgendaItem]] = relationship(
        back_populates="partnership", lazy="selectin", order_by="PartnershipAgendaItem.position")


class PartnershipAgendaItem(Record):
    """A dated point of the joint agenda: a joint action, an application, an event."""

    __tablename__ = "partnership_agenda_items"
    __table_args__ = (Index("ix_partnership_agenda_due", "due_on", "status"),)

    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20), default="joint_action")
    text: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date]
    owner: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    partnership: Mapped[Partnership] = relationship(back_populates="agenda", lazy="raise_on_sql")


service_activities = Table(
    "service_activities",
    Base.metadata,
    Column("service_id", ForeignKey("cluster_services.id", ondelete="CASCADE"), primary_key=True),
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
)


class ClusterService(Record):
    """A service the cluster offers its members (§5.2), and the activities that ran it."""

    __tablename__ = "cluster_services"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(30), default="other")
    status: Mapped[str] = mapped_column(String(20), default="ad_hoc")
    description: Mapped[str] = mapped_column(Text, default="")
    target_group: Mapped[str] = mapped_column(Text, default="")
    price_model: Mapped[str] = mapped_column(String(20), default="free")
    price_note: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    activities: Mapped[list[Activity]] = relationship(secondary=service_activities, lazy="selectin",
                                                      order_by=Activity.starts_on)


class PartnerRequest(Record):
    """A member asks the secretariat to find partners abroad (§5.2.3)."""

    __tablename__ = "partner_requests"

    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(300))  # the field or technology
    search_text: Mapped[str] = mapped_column(Text, default="")
    partner_type: Mapped[str] = mapped_column(String(20), default="any")
    countries: Mapped[str] = mapped_column(String(300), default="")  # ISO codes: "DE,NL"
    purpose: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[date]
    deadline: Mapped[date | None] = mapped_column(index=True)
    owner: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    closed_on: Mapped[date | None]
    result_note: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[Member] = relationship(lazy="raise_on_sql")
    proposals: Mapped[list[RequestProposal]] = relationship(
        back_populates="request", lazy="selectin", order_by="RequestProposal.position")


class RequestProposal(Record):
    """A candidate the secretariat proposed for a request: when, whether it was sent on to the
    member, and what came of it. The name is kept as proposed, should the record go."""

    __tablename__ = "partner_request_proposals"

    request_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partner_requests.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    partner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("partners.id", ondelete="SET NULL"), index=True)
    stakeholder_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("stakeholders.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    person: Mapped[str] = mapped_column(String(200), default="")
    score: Mapped[int | None]
    proposed_on: Mapped[date]
    sent_on: Mapped[date | None]
    response: Mapped[str] = mapped_column(String(20), default="waiting")
    note: Mapped[str] = mapped_column(Text, default="")

    request: Mapped[PartnerRequest] = relationship(back_populates="proposals", lazy="raise_on_sql")


idea_members = Table(
    "project_idea_members",
    Base.metadata,
    Column("idea_id", ForeignKey("project_ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), primary_key=True),
)
idea_partners = Table(
    "project_idea_partners",
    Base.metadata,
    Column("idea_id", ForeignKey("project_ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("partner_id", ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True),
)
idea_calls = Table(
    "project_idea_calls",
    Base.metadata,
    Column("idea_id", ForeignKey("project_ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("call_id", ForeignKey("funding_calls.id", ondelete="CASCADE"), primary_key=True),
)


class ProjectIdea(Record):
    """A members' project idea on its way to a funded project (§5.2.2)."""

    __tablename__ = "project_ideas"

    title: Mapped[str] = mapped_column(String(300))
    sort_title: Mapped[str] = mapped_column(String(300), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(String(500), default="")
    maturity: Mapped[str] = mapped_column(String(20), default="idea", index=True)
    owner: Mapped[str] = mapped_column(String(120), default="")
    next_step: Mapped[str] = mapped_column(String(300), default="")
    next_step_on: Mapped[date | None] = mapped_column(index=True)
    next_step_done_at: Mapped[datetime | None]
    next_step_done_by: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    members: Mapped[list[Member]] = relationship(secondary=idea_members, lazy="selectin",
                                                 order_by=Member.sort_name)
    partners: Mapped[list[Partner]] = relationship(secondary=idea_partners, lazy="selectin",
                                                   order_by=Partner.sort_name)
    calls: Mapped[list[FundingCall]] = relationship(secondary=idea_calls, lazy="selectin",
                                                    order_by=FundingCall.sort_title)
