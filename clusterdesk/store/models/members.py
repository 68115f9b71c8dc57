"""Phase 1: member organisations, their contact persons, consent and interactions."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..base import Base, Record

member_tags = Table(
    "member_tags",
    Base.metadata,
    Column("member_id", ForeignKey("members.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Record):
    """A free label on members; kind 'sector' for the member's fields, 'tag' for the rest."""

    __tablename__ = "tags"
    __table_args__ = (Index("uq_tags_kind_name", "kind", "name", unique=True),)

    kind: Mapped[str] = mapped_column(String(20), default="tag")
    name: Mapped[str] = mapped_column(String(80))


class Member(Record):
    __tablename__ = "members"
    # Filter-as-you-type reads only this index (all filter columns and the folded text, in
    # list order): at 100,000 members a keystroke scans it instead of the wide table rows.
    __table_args__ = (Index("ix_members_list_scan", "sort_name", "deleted_at", "status", "kind",
                            "international_orientation", "country", "search_text"),)

    name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200), index=True)
    # Folded name, city, country, sectors and tags: what filter-as-you-type matches.
    search_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="sme")
    size_band: Mapped[str] = mapped_column(String(20), default="unknown")
    country: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str] = mapped_column(String(120), default="")
    postcode: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    vat_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    member_since: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default="active")
    international_orientation: Mapped[str] = mapped_column(String(20), default="none")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Kept by the services so the list sorts by them in SQL: the date of the latest live
    # interaction (store.derived keeps it with every flush), and the sort keys of the first
    # sector and the first tag ("" for none).
    last_contact_on: Mapped[date | None]
    sector_sort: Mapped[str] = mapped_column(String(80), default="")
    tag_sort: Mapped[str] = mapped_column(String(80), default="")

    tags: Mapped[list[Tag]] = relationship(secondary=member_tags, lazy="selectin")
    contacts: Mapped[list[Contact]] = relationship(back_populates="member", lazy="selectin")
    markets: Mapped[list[MemberMarket]] = relationship(lazy="selectin")


class MemberMarket(Record):
    """A country a member is interested in, and where that came from."""

    __tablename__ = "member_markets"

    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    country: Mapped[str] = mapped_column(String(2))
    source: Mapped[str] = mapped_column(String(20), default="profile")  # profile / survey / campaign
    noted_on: Mapped[date | None]


class Contact(Record):
    __tablename__ = "contacts"

    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    phone: Mapped[str] = mapped_column(String(60), default="")  # as typed
    phone_e164: Mapped[str] = mapped_column(String(20), default="")
    language: Mapped[str] = mapped_column(String(10), default="")
    is_primary: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    erased_at: Mapped[datetime | None]
    # Folded name, role, email and phone (both spellings of æ, ø, å): what Ctrl+K matches.
    search_text: Mapped[str] = mapped_column(Text, default="")

    member: Mapped[Member] = relationship(back_populates="contacts")
    consents: Mapped[list[ConsentRecord]] = relationship(back_populates="contact", lazy="selectin")


class ConsentRecord(Record):
    __tablename__ = "consent_records"

    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(200))
    given_on: Mapped[date]
    source: Mapped[str] = mapped_column(String(120), default="")
    withdrawn_on: Mapped[date | None]

    contact: Mapped[Contact] = relationship(back_populates="consents", lazy="raise_on_sql")


class Interaction(Record):
    """A visit, call, meeting, email or event attendance; its follow-up date is a task."""

    __tablename__ = "interactions"
    __table_args__ = (
        Index("ix_interactions_follow_up", "follow_up_on", "follow_up_done_at"),
        # A member's history newest first, and the list's "last contact" column, from the index.
        Index("ix_interactions_member_history", "member_id", "deleted_at", "occurred_on"),
    )

    member_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="phone_call")
    occurred_on: Mapped[date] = mapped_column(index=True)
    staff: Mapped[str] = mapped_column(String(120), default="")
    attendees: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None]
    follow_up_done_at: Mapped[datetime | None]
    follow_up_done_by: Mapped[str] = mapped_column(String(120), default="")
    # The visit or phone campaign the interaction was logged in, if any.
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )

    # Declared so that a unit of work inserts members and contacts before their interactions.
    member: Mapped[Member] = relationship(lazy="raise_on_sql")
    contact: Mapped[Contact | None] = relationship(lazy="raise_on_sql")
