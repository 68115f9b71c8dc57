"""Ctrl+K finds funding calls and stakeholders (and Today's links open them in Finance)."""

from __future__ import annotations

from sqlalchemy import select

from ..domain.enums import CallStatus, StakeholderKind
from ..domain.stakeholders import quadrant
from ..store.models import FundingCall, FundingSource, Stakeholder
from .context import ServiceContext
from .dto import like_terms
from .search import SearchHit, searcher


@searcher
def search_calls(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Calls by title, call id, programme, responsible or stage."""
    query = (select(FundingCall.id, FundingCall.title, FundingCall.status, FundingSource.name)
             .outerjoin(FundingSource, FundingSource.id == FundingCall.source_id)
             .where(FundingCall.deleted_at.is_(None), *like_terms(FundingCall.search_text, text))
             .order_by(FundingCall.sort_title).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("call", r.id, r.title,
                      " · ".join(p for p in (r.name, CallStatus(r.status).label) if p),
                      "finance") for r in rows]


@searcher
def search_stakeholders(ctx: ServiceContext, text: str, limit: int) -> list[SearchHit]:
    """Stakeholders by name, type, country, what they offer or a person there."""
    query = (select(Stakeholder.id, Stakeholder.name, Stakeholder.kind, Stakeholder.influence,
                    Stakeholder.interest)
             .where(Stakeholder.deleted_at.is_(None), *like_terms(Stakeholder.search_text, text))
             .order_by(Stakeholder.sort_name).limit(limit))
    with ctx.workspace.engine.connect() as conn:
        rows = conn.execute(query).all()
    return [SearchHit("stakeholder", r.id, r.name,
                      f"{StakeholderKind(r.kind).label} · {quadrant(r.influence, r.interest).label}",
                      "finance") for r in rows]
