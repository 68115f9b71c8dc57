"""Everything the one-page member profile shows, gathered in one read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from ..store.models import Interaction, MemberMarket
from .contacts import ContactRow, list_contacts
from .context import ServiceContext
from .interactions import InteractionRow, list_interactions
from .members import MemberDetail, get_member

MARKET_SOURCES = {"profile": "profile", "survey": "survey answer", "campaign": "campaign call"}


@dataclass(frozen=True)
class MarketInterest:
    country: str
    sources: tuple[str, ...]  # "profile", "survey", "campaign"
    first_noted: date | None


@dataclass(frozen=True)
class Need:
    noted_on: date
    text: str
    kind: str  # the interaction kind it was recorded in


@dataclass(frozen=True)
class MemberProfile:
    member: MemberDetail
    contacts: tuple[ContactRow, ...]
    interactions: tuple[InteractionRow, ...]  # the latest, newest first
    interaction_count: int
    needs: tuple[Need, ...]  # newest first, each text once
    markets: tuple[MarketInterest, ...]
    open_follow_ups: tuple[InteractionRow, ...]
    workspace_name: str


def member_profile(ctx: ServiceContext, member_id: uuid.UUID, *, interactions: int = 5,
                   needs: int = 6) -> MemberProfile:
    """The member's facts, contacts, latest interactions, recorded needs and markets."""
    member = get_member(ctx, member_id)
    contacts = tuple(list_contacts(ctx, member_id))
    history = list_interactions(ctx, member_id)
    with ctx.workspace.engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(Interaction).where(
            Interaction.member_id == member_id, Interaction.deleted_at.is_(None))).scalar_one()
        market_rows = conn.execute(
            select(MemberMarket.country, MemberMarket.source, MemberMarket.noted_on)
            .where(MemberMarket.member_id == member_id, MemberMarket.deleted_at.is_(None))).all()
    seen: set[str] = set()
    recorded: list[Need] = []
    for row in history:
        key = " ".join(row.needs.casefold().split())
        if key and key not in seen:
            seen.add(key)
            recorded.append(Need(row.occurred_on, row.needs, row.kind_label))
    markets: dict[str, tuple[set[str], date | None]] = {}
    for country, source, noted_on in market_rows:
        sources, first = markets.get(country, (set(), None))
        sources.add(source)
        if noted_on and (first is None or noted_on < first):
            first = noted_on
        markets[country] = (sources, first)
    from ..domain.countries import country_name

    interest = tuple(sorted(
        (MarketInterest(code, tuple(sorted(src, key=_source_order)), first)
         for code, (src, first) in markets.items()),
        key=lambda m: country_name(m.country)))
    open_follow_ups = tuple(sorted(
        (r for r in history if r.follow_up_on and r.follow_up_done_at is None),
        key=lambda r: r.follow_up_on))
    return MemberProfile(member, contacts, tuple(history[:interactions]), count,
                         tuple(recorded[:needs]), interest, open_follow_ups, ctx.workspace.name)


def _source_order(source: str) -> tuple[int, str]:
    known = list(MARKET_SOURCES)
    return (known.index(source) if source in known else len(known), source)
