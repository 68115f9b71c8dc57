"""Phase 4: partners abroad, activities (missions, events, projects), their participants and
checklists, and the workspace's own checklist templates."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, Record
from .members import Contact, Member

activity_partners = Table(
    "activity_partners",
    Base.metadata,
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column("partner_id", ForeignKey("partners.id", ondelete="CASCADE"), primary_key=True),
)


class Partner(Record):
    """A cluster or organisation abroad, and how far the trust has come (§4.1)."""

    __tablename__ = "partners"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="cluster")
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    city: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    driven_by: Mapped[str] = mapped_column(String(20), default="unknown")
    ecei_label: Mapped[str] = mapped_column(String(10), default="none")
    ecei_year: Mapped[int | None] = mapped_column(Integer)
    trust_stage: Mapped[str] = mapped_column(String(20), default="first_contact")
    focus: Mapped[str] = mapped_column(Text, default="")  # fields and technologies
    joint_history: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[PartnerContact]] = relationship(
        back_populates="partner", lazy="selectin", order_by="PartnerContact.position")


class PartnerContact(Record):
    __tablename__ = "partner_contacts"

    partner_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partners.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    partner: Mapped[Partner] = relationship(back_populates="contacts", lazy="raise_on_sql")


class Activity(Record):
    """A mission, trip, event, workshop or project (§4.3) with its dates, money and people."""

    __tablename__ = "activities"

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200))
    search_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(30), default="company_mission")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    starts_on: Mapped[date] = mapped_column(index=True)
    ends_on: Mapped[date | None]
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str | None] = mapped_column(String(2))
    responsible: Mapped[str] = mapped_column(String(120), default="")
    # A note on the plan it serves; `action_plan_id` is the plan itself (Phase 3).
    action_plan: Mapped[str] = mapped_column(String(300), default="")
    action_plan_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("action_plans.id", ondelete="SET NULL"), index=True)
    budget_minor: Mapped[int | None]
    budget_currency: Mapped[str] = mapped_column(String(3), default="DKK")
    price_minor: Mapped[int | None]
    price_currency: Mapped[str] = mapped_column(String(3), default="DKK")
    description: Mapped[str] = mapped_column(Text, default="")
    checklist_template: Mapped[str] = mapped_column(String(200), default="")  # name, for the record

    partners: Mapped[list[Partner]] = relationship(secondary=activity_partners, lazy="selectin",
                                                   order_by=Partner.sort_name)


class Participant(Record):
    """A member (and, when known, the person from it) taking part in an activity."""

    __tablename__ = "participants"
    __table_args__ = (Index("ix_participants_activity", "activity_id", "status"),)

    activity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="registered")
    registered_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")

    activity: Mapped[Activity] = relationship(lazy="raise_on_sql")
    member: Mapped[Member] = relationship(lazy="raise_on_sql")
    contact: Mapped[Contact | None] = relationship(lazy="raise_on_sql")


class ChecklistItem(Record):
    """One point of an activity's checklist. Keeps its due rule (copied from the template) so
    that moving the activity moves it while it is open."""

    __tablename__ = "checklist_items"
    __table_args__ = (Index("ix_checklist_items_due", "due_on", "done_at"),)

    activity_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    section: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    guidance: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_on: Mapped[date | None]
    due_anchor: Mapped[str | None] = mapped_column(String(5))  # start / end; None = fixed date
    due_months: Mapped[int] = mapped_column(default=0)
    due_days: Mapped[int] = mapped_column(default=0)
    done_at: Mapped[datetime | None]
    done_by: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    activity: Mapped[Activity] = relationship(lazy="raise_on_sql")


class ChecklistTemplateRecord(Record):
    """A checklist template the workspace made (built-in ones are files, never rows)."""

    __tablename__ = "checklist_templates"

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    suits: Mapped[str] = mapped_column(String(300), default="")  # activity kinds, comma separated

    items: Mapped[list[ChecklistTemplateItem]] = relationship(
        back_populates="template", lazy="selectin", order_by="ChecklistTemplateItem.position")


class ChecklistTemplateItem(Record):
    __tablename__ = "checklist_template_items"

    template_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("checklist_templates.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    section: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text)
    guidance: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_anchor: Mapped[str | None] = mapped_column(String(5))
    due_months: Mapped[int] = mapped_column(default=0)
    due_days: Mapped[int] = mapped_column(default=0)

    template: Mapped[ChecklistTemplateRecord] = relationship(back_populates="items",
                                                             lazy="raise_on_sql")
